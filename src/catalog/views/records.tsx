/** The records (梳理) of an item in the back office: the table, and the form of a new record. */
import { Csrf, ErrorSummary, type Errors, type Values } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { itemRecords } from '../records.js';
import { type C, RecordFields } from './components.js';

export function RecordsPage(props: {
  c: C;
  itemId: number;
  x: Awaited<ReturnType<typeof itemRecords>>;
  flash?: string;
  opts: { errors?: Errors; values?: Values };
}) {
  const { c, itemId, x, opts } = props;
  const label = `${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}`;
  return (
    <AdminLayout c={c} title={`梳理记录：${label}`} current="catalogs" flash={props.flash}>
      <p>
        <a href={`/admin/catalogs/${x.catalog.id}#item-${itemId}`}>返回{x.unit.name}目录</a>
      </p>
      <p class="muted">
        按本事项的公开内容（要素）逐条梳理具体信息（如每所学校一条）。该事项在已发布的目录中时，记录在门户上以表格公开，可筛选和下载。
      </p>
      {x.fields.length === 0 ? (
        <p class="notice">该事项的公开内容（要素）中没有可用作字段的要素，请先编辑事项，用“●”逐项列出要素。</p>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data">
              <thead>
                <tr>
                  {x.fields.map((f) => (
                    <th scope="col">{f}</th>
                  ))}
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {x.records.map((r) => (
                  <tr>
                    {x.fields.map((f) => (
                      <td>{r.data[f] ?? ''}</td>
                    ))}
                    <td>
                      <a href={`/admin/catalog-items/${itemId}/records/${r.id}/edit`}>编辑</a>
                      <form
                        method="post"
                        action={`/admin/catalog-items/${itemId}/records/${r.id}/delete`}
                        class="inline"
                      >
                        <Csrf token={c.get('csrf')} />{' '}
                        <button type="submit" class="link-button dark">
                          删除
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {x.records.length === 0 ? <p class="empty">尚无记录。</p> : null}
          <form method="post" action={`/admin/catalog-items/${itemId}/records`} class="form" novalidate>
            <Csrf token={c.get('csrf')} />
            <h2>新增记录</h2>
            <ErrorSummary errors={opts.errors} labels={Object.fromEntries(x.fields.map((f, i) => [`field_${i}`, f]))} />
            <RecordFields fields={x.fields} values={opts.values ?? {}} errors={opts.errors} />
            <button type="submit" class="button">
              新增
            </button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
