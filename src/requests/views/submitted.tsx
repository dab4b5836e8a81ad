/** The applicant's receipt after submitting online: the number, the query code (shown once) and what is missing. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { CORRECTION_NOTICE_WORKING_DAYS } from '../model.js';
import type { Receipt } from '../registration.js';
import { MissingList } from './components.js';

export function SubmittedPage({ c, rec }: { c: Context<AppEnv>; rec: Receipt }) {
  return (
    <PortalLayout
      c={c}
      title="申请已提交"
      current="ysqgk"
      crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '申请已提交' }]}
    >
      <h1>{rec.duplicate ? '您已提交过相同的申请' : '申请已提交'}</h1>
      <dl class="meta receipt">
        <dt>申请编号</dt>
        <dd>
          <strong>{rec.number}</strong>
        </dd>
        {rec.code ? (
          <>
            <dt>查询码</dt>
            <dd>
              <strong class="code">{rec.code}</strong>
            </dd>
          </>
        ) : null}
      </dl>
      {rec.code ? (
        <p class="notice">
          请记下申请编号和查询码。查询码只显示这一次，凭二者可随时<a href="/ysqgk/query">查询办理进度</a>。
        </p>
      ) : (
        <p class="notice">十分钟内重复提交的相同申请按一件处理。查询码已在首次提交时显示。</p>
      )}
      <p>{rec.receiptRule}。受理机关确认收到后，将按法定期限答复。</p>
      {rec.missing.length ? (
        <section class="notice incomplete" aria-labelledby="missing-h">
          <h2 id="missing-h">申请内容需要补正</h2>
          <p>您的申请已经登记。经初步核对，申请缺少或未写明以下内容（条例第二十九条）：</p>
          <MissingList items={rec.missing} />
          <p>
            受理机关将自收到申请之日起 {CORRECTION_NOTICE_WORKING_DAYS}{' '}
            个工作日内一次性告知您需要补正的事项和合理的补正期限（条例第三十条），请留意电话、短信或电子邮件通知。补正后，答复期限自受理机关收到补正的申请之日起计算。
          </p>
        </section>
      ) : null}
    </PortalLayout>
  );
}
