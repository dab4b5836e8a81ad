/** What the applicant sees of a request: status, dates, the public record and how the reply period was counted. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { formatTime } from '../../platform/ui/forms.js';
import { STATUS_LABELS } from '../model.js';
import type { publicStatus } from '../status.js';

export function StatusPage({ c, s }: { c: Context<AppEnv>; s: Awaited<ReturnType<typeof publicStatus>> }) {
  return (
    <PortalLayout
      c={c}
      title={`申请 ${s.number}`}
      current="ysqgk"
      crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '办理进度' }]}
    >
      <h1>申请 {s.number} 的办理进度</h1>
      <dl class="meta">
        <dt>受理机关</dt>
        <dd>{s.unitName}</dd>
        <dt>状态</dt>
        <dd>{STATUS_LABELS[s.status] ?? s.status}</dd>
        <dt>提交时间</dt>
        <dd>{formatTime(s.submittedAt)}</dd>
        <dt>收到申请之日</dt>
        <dd>{s.receivedOn ?? '待受理机关确认'}</dd>
        <dt>答复期限</dt>
        <dd>{s.due ?? (s.receivedOn ? '待载入节假日安排后计算' : '确认收到后计算')}</dd>
        {s.repliedOn ? (
          <>
            <dt>答复日期</dt>
            <dd>{s.repliedOn}</dd>
          </>
        ) : null}
      </dl>
      <h2>办理过程</h2>
      <ol>
        {s.events.map((e) => (
          <li>
            {formatTime(e.at)}　{e.public_note}
          </li>
        ))}
      </ol>
      {s.steps.length ? (
        <details>
          <summary>答复期限的计算过程</summary>
          <ol>
            {s.steps.map((x) => (
              <li>{x}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </PortalLayout>
  );
}
