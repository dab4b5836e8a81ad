/** The publishing part of the workbench: the 公开时限 (条例第二十六条) of the records within the person's reach. */
import { can } from '../platform/access.js';
import type { WorkbenchContext, WorkbenchEntry } from '../platform/module.js';
import { deadlineBoard } from './service.js';

export async function publishingTodo({ db, actor, site }: WorkbenchContext): Promise<WorkbenchEntry[]> {
  if (!site || !can(actor, 'record.view')) return [];
  const board = await deadlineBoard(db, actor, { countyCode: site.jurisdictionCode });
  return [
    {
      kind: 'card',
      body: (
        <section class="card" aria-labelledby="deadline-card-h">
          <h2 id="deadline-card-h">信息公开时限</h2>
          <p>
            已逾期未公开：
            <strong class={board.overdue.length ? 'badge-overdue' : undefined}>{board.overdue.length}</strong> 条；
            {board.soonDays} 个工作日内到期：<strong>{board.atRisk.length}</strong> 条。
            <a href="/admin/records/deadlines">查看公开时限监督</a>
          </p>
        </section>
      ),
    },
  ];
}
