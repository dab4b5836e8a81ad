/** 不予公开信息定期评估 (条例第十八条): the records due for their re-assessment. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { formatTime } from '../../platform/ui/forms.js';
import type { assessmentQueue } from '../assessments.js';
import { withholdReasonText } from '../model.js';

export function AssessmentsPage(props: { c: Context<AppEnv>; q: Awaited<ReturnType<typeof assessmentQueue>> }) {
  const { c, q } = props;
  return (
    <AdminLayout c={c} title="不予公开信息定期评估" current="deadlines">
      <p class="muted">
        行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开（条例第十八条）。本县评估周期为{' '}
        {q.months} 个月。
      </p>
      {q.rows.length ? (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">标题</th>
              <th scope="col">不予公开理由</th>
              <th scope="col">审定时间</th>
              <th scope="col">上次评估</th>
            </tr>
          </thead>
          <tbody>
            {q.rows.map((x) => (
              <tr>
                <td>{x.unit_name}</td>
                <td>
                  <a href={`/admin/records/${x.id}`}>{x.title}</a>
                </td>
                <td>{withholdReasonText(x.attribute_reason) || '—'}</td>
                <td class="nowrap">{formatTime(x.reviewed_at)}</td>
                <td class="nowrap">{x.assessed_on ?? '尚未评估'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">没有到期需要评估的不予公开信息。</p>
      )}
    </AdminLayout>
  );
}
