/** 公开时限监督: overdue, due-soon and late-published records (条例第二十六条). */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { SelectField } from '../../platform/ui/forms.js';
import type { UnitRow } from '../../org/api.js';
import type { deadlineBoard } from '../board.js';
import { DueCell, StatusText } from './components.js';

type Board = Awaited<ReturnType<typeof deadlineBoard>>;

export interface DeadlinesPageProps {
  c: Context<AppEnv>;
  board: Board;
  units: UnitRow[];
  unitId?: number;
}

export function DeadlinesPage(props: DeadlinesPageProps) {
  const { c, board, units, unitId } = props;
  const table = (rows: Board['overdue'], caption: string, dateCol: 'due' | 'published') =>
    rows.length ? (
      <div class="table-scroll">
        <table class="data">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">标题</th>
              <th scope="col">形成日期</th>
              <th scope="col">公开期限</th>
              {dateCol === 'published' ? <th scope="col">发布日期</th> : null}
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr class={dateCol === 'due' && x.due_on && x.due_on < board.today ? 'overdue' : undefined}>
                <td>{x.unit_name}</td>
                <td>
                  <a href={`/admin/records/${x.id}`}>{x.title}</a>
                </td>
                <td class="nowrap">{x.formed_on}</td>
                <td class="nowrap">
                  <DueCell record={x} today={board.today} />
                </td>
                {dateCol === 'published' ? <td class="nowrap">{x.published_on}</td> : null}
                <td>
                  <StatusText status={x.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : (
      <p class="empty">没有。</p>
    );
  return (
    <AdminLayout c={c} title="公开时限监督" current="deadlines">
      <p class="muted">
        主动公开的政府信息应自形成或者变更之日起 20
        个工作日内公开，法律、法规另有规定的从其规定（条例第二十六条）；关联目录事项的，按事项的公开时限计算。今天是{' '}
        {board.today}。
      </p>
      <p>
        <a href="/admin/records/assessments">不予公开信息定期评估</a>　
        <a href="/admin/records/interpretations">缺少解读的政策文件</a>
      </p>
      {units.length > 1 ? (
        <form method="get" action="/admin/records/deadlines" class="filters" aria-label="按单位筛选">
          <SelectField
            name="unit"
            label="单位"
            values={{ unit: unitId ?? '' }}
            placeholder="全部"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <button type="submit" class="button secondary">
            筛选
          </button>
        </form>
      ) : null}
      <h2>已逾期（{board.overdue.length}）</h2>
      {table(board.overdue, '已逾期', 'due')}
      <h2>
        即将到期（{board.soonDays} 个工作日内，至 {board.soon}）（{board.atRisk.length}）
      </h2>
      {table(board.atRisk, '即将到期', 'due')}
      <h2>逾期发布（{board.late.length}）</h2>
      {table(board.late, '逾期发布', 'published')}
    </AdminLayout>
  );
}
