/** The handlers' work queue (办理队列) with tabs by state and where each clock stands. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { CHANNELS, STATUS_LABELS } from '../model.js';
import type { QueueRow } from '../queue.js';
import { clockText } from './components.js';

const tabs = [
  ['', '全部'],
  ['open', '办理中'],
  ['new', '待确认收到'],
  ['needs_correction', '需补正（待发补正告知）'],
  ['correction', '待补正'],
  ['consultation', '征求意见中'],
  ['consultation_lapsed', '征求意见期满'],
  ['review', '待审核'],
  ['due_soon', '即将到期（5 个工作日内）'],
  ['overdue', '已逾期'],
];

export function QueuePage({
  c,
  rows,
  state,
  canRegister,
}: {
  c: Context<AppEnv>;
  rows: QueueRow[];
  state: string | undefined;
  canRegister: boolean;
}) {
  return (
    <AdminLayout c={c} title="依申请公开" current="requests">
      {canRegister ? (
        <p>
          <a class="button" href="/admin/requests/new">
            登记申请
          </a>
        </p>
      ) : null}
      <nav class="tabs" aria-label="办理队列">
        {tabs.map(([k, l]) => (
          <a
            href={k ? `/admin/requests?state=${k}` : '/admin/requests'}
            aria-current={(state ?? '') === k ? 'page' : undefined}
          >
            {l}
          </a>
        ))}
      </nav>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">申请编号</th>
              <th scope="col">受理机关</th>
              <th scope="col">申请人</th>
              <th scope="col">提交方式</th>
              <th scope="col">状态</th>
              <th scope="col">收到申请之日</th>
              <th scope="col">答复期限</th>
              <th scope="col">期限状态</th>
              <th scope="col">补正告知期限</th>
              <th scope="col">征求意见期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr class={x.clock?.state === 'overdue' ? 'overdue' : undefined}>
                <td>
                  <a href={`/admin/requests/${x.id}`}>{x.number}</a>
                </td>
                <td>{x.unitName}</td>
                <td>{x.name}</td>
                <td>{CHANNELS[x.channel as keyof typeof CHANNELS]?.label ?? x.channel}</td>
                <td>
                  {STATUS_LABELS[x.status] ?? x.status}
                  {x.needsCorrection ? <strong class="tag">需补正</strong> : null}
                </td>
                <td>{x.receivedOn ?? '—'}</td>
                <td>{x.due ?? '—'}</td>
                <td>
                  {x.clock
                    ? `${x.clock.label}${x.clock.state === 'overdue' ? `（${x.clock.overdueWorkingDays} 个工作日）` : x.clock.workingDaysLeft !== null ? `（剩 ${x.clock.workingDaysLeft} 个工作日）` : ''}`
                    : '—'}
                </td>
                <td>
                  {x.needsCorrection
                    ? x.receivedOn
                      ? `${x.correctionNoticeDue ?? '待载入节假日安排后计算'}${x.correctionNoticeClock ? `（${clockText(x.correctionNoticeClock)}）` : ''}`
                      : '确认收到后计算'
                    : '—'}
                </td>
                <td>{x.consultationDue ? `${x.consultationDue}${x.consultationLapsed ? '（已届满）' : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p class="empty">没有申请。</p> : null}
    </AdminLayout>
  );
}
