/** 责任清单和编制进度: every domain's responsible unit, cooperating units, due date and progress. */
import { Csrf } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { type DutyRow, PROGRESS_LABELS } from '../duties.js';
import type { C } from './components.js';

export function DutiesPage(props: { c: C; rows: DutyRow[]; plan: boolean; cityReview: boolean; flash?: string }) {
  const { c, rows, plan, cityReview: city } = props;
  return (
    <AdminLayout c={c} title="责任清单和编制进度" current="catalogs" flash={props.flash}>
      {plan ? (
        <form method="post" action="/admin/catalogs/city-review" class="filters" novalidate>
          <Csrf token={c.get('csrf')} />
          <div class="field checkbox">
            <input type="checkbox" id="f-city" name="city_review" value="1" checked={city} />
            <label for="f-city">县政府办公室审核通过后，目录须报市级审核后才发布（经市政府审核把关）</label>
          </div>
          <button type="submit" class="button secondary">
            保存
          </button>
        </form>
      ) : (
        <p class="muted">目录发布前{city ? '须经县政府办公室和市级审核' : '须经县政府办公室审核'}。</p>
      )}
      <p class="muted">
        按领域明确目录编制的责任单位、配合单位和完成时间；进度取自责任单位目录中该领域事项的状态，过了完成时间仍未发布的标为逾期。
      </p>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">领域</th>
              <th scope="col">责任单位</th>
              <th scope="col">配合单位</th>
              <th scope="col">完成时间</th>
              <th scope="col">进度</th>
              <th scope="col">事项数</th>
              {plan ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr class={d.overdue ? 'overdue' : undefined}>
                <td>{d.domain}</td>
                <td>{d.leadUnitName ?? '未指定'}</td>
                <td>{d.cooperating.map((u) => u.name).join('、') || '—'}</td>
                <td>{d.dueDate ?? '—'}</td>
                <td>
                  {PROGRESS_LABELS[d.progress]}
                  {d.overdue ? <strong class="comment">（已逾期）</strong> : null}
                </td>
                <td>{d.items}</td>
                {plan ? (
                  <td>
                    <a href={`/admin/catalogs/duties/${d.slug}`}>
                      调整<span class="visually-hidden">{d.domain}的责任</span>
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}
