/** 目录编制: the review queue and where every unit's standard catalog stands. */
import { UNIT_KIND_LABELS, type UnitKind } from '../../org/model.js';
import { formatTime } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { BoardRow } from '../catalogs.js';
import type { C } from './components.js';
import { statusLabel } from './components.js';

export function BoardPage(props: { c: C; board: BoardRow[]; queue: BoardRow[]; late: Set<number> }) {
  const { c, board, queue, late } = props;
  const counts: Record<string, number> = {};
  for (const b of board) counts[b.status] = (counts[b.status] ?? 0) + 1;
  return (
    <AdminLayout c={c} title="目录编制" current="catalogs">
      {queue.length ? (
        <section aria-labelledby="queue-h">
          <h2 id="queue-h">待我审核（{queue.length}）</h2>
          <ul>
            {queue.map((q) => (
              <li>
                <a href={`/admin/catalogs/${q.catalogId}`}>{q.unit.name}</a>：{statusLabel(q.status)}，{q.items} 项
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href="/admin/catalogs/duties">责任清单和各领域编制进度</a>　
        <a href="/admin/catalogs/guidelines">标准指引（导入完整指引表）</a>　
        <a href="/admin/catalogs/services">政务服务事项清单</a>
      </p>
      <h2>各单位编制进度</h2>
      <p class="muted">
        {['not_started', 'draft', 'submitted', 'returned', 'city_review', 'published']
          .filter((s) => counts[s])
          .map((s) => `${statusLabel(s)} ${counts[s]}`)
          .join('　')}
      </p>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">类型</th>
              <th scope="col">状态</th>
              <th scope="col">事项数</th>
              <th scope="col">已发布版本</th>
              <th scope="col">更新时间</th>
            </tr>
          </thead>
          <tbody>
            {board.map((b) => (
              <tr>
                <td>
                  <a href={`/admin/catalogs/unit/${b.unit.id}`}>{b.unit.name}</a>
                </td>
                <td>{UNIT_KIND_LABELS[b.unit.kind as UnitKind] ?? b.unit.kind}</td>
                <td>
                  {statusLabel(b.status)}
                  {late.has(b.unit.id) ? <strong class="comment">（负责的领域已逾期）</strong> : null}
                </td>
                <td>{b.items}</td>
                <td>{b.version ? `第 ${b.version} 版` : '—'}</td>
                <td>{formatTime(b.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}
