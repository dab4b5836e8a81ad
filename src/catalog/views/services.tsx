/** 政务服务事项清单: the county's list, its import, and the catalog items whose names differ from it. */
import { Csrf, UploadProgress } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { ImportError } from '../exchange/layout.js';
import type { Mismatch, ServiceItem } from '../services.js';
import { type C, ImportErrors } from './components.js';

export function ServicesPage(props: {
  c: C;
  list: ServiceItem[];
  canImport: boolean;
  report: { unit: string; catalogId: number; mismatches: Mismatch[] }[];
  errors?: ImportError[];
  flash?: string;
}) {
  const { c, list, report } = props;
  return (
    <AdminLayout c={c} title="政务服务事项清单" current="catalogs" flash={props.flash}>
      <p class="muted">
        导入本县政务服务事项清单（Excel 或
        CSV，须有“事项名称”列，可有“事项编码”“实施主体”“事项类型”列）。目录中描述办事服务的事项应与清单名称一致，不一致的列在下方并给出最接近的名称。
      </p>
      {props.errors ? <ImportErrors errors={props.errors} /> : null}
      {props.canImport ? (
        <form
          method="post"
          action="/admin/catalogs/services/import"
          enctype="multipart/form-data"
          class="form"
          data-progress
          novalidate
        >
          <Csrf token={c.get('csrf')} />
          <div class="field">
            <label for="f-sfile">政务服务事项清单（.xlsx 或 .csv，不超过 5 MB）</label>
            <input id="f-sfile" type="file" name="file" accept=".xlsx,.csv" required />
          </div>
          <UploadProgress />
          <button type="submit" class="button">
            导入（替换原清单）
          </button>
        </form>
      ) : null}
      <p>当前清单：{list.length ? `${list.length} 项` : '尚未导入'}</p>
      {list.length ? (
        <>
          <h2>名称不一致的目录事项</h2>
          {report.length ? (
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">目录中的名称</th>
                  <th scope="col">最接近的政务服务事项名称</th>
                </tr>
              </thead>
              <tbody>
                {report.flatMap((r) =>
                  r.mismatches.map((m) => (
                    <tr>
                      <td>
                        <a href={`/admin/catalogs/${r.catalogId}#item-${m.itemId}`}>{r.unit}</a>
                      </td>
                      <td>{m.name}</td>
                      <td>{m.suggestions.map((x) => x.name).join('、') || '—'}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          ) : (
            <p class="empty">没有名称不一致的事项。</p>
          )}
        </>
      ) : null}
    </AdminLayout>
  );
}
