/** An item's records on the portal, with a filter and downloads. */
import { TextField } from '../../platform/ui/forms.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { publicRecords } from '../records.js';
import type { C } from './components.js';

export function PortalRecordsPage(props: {
  c: C;
  x: Awaited<ReturnType<typeof publicRecords>>;
  catalogId: string;
  itemId: string;
  q: string;
}) {
  const { c, x, q } = props;
  const base = `/xxgk/ml/${props.catalogId}/items/${props.itemId}`;
  const qs = q ? `?q=${encodeURIComponent(q)}` : '';
  const title = `${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}`;
  return (
    <PortalLayout
      c={c}
      title={title}
      current="lingyu"
      crumbs={[
        { href: '/xxgk/ml', label: '政务公开事项标准目录' },
        { href: `/xxgk/ml/${props.catalogId}`, label: x.unit.name },
        { label: title },
      ]}
    >
      <h1>
        {x.unit.name}：{title}
      </h1>
      <form method="get" action={base} class="filters" role="search" aria-label="筛选">
        <TextField name="q" label="筛选（任一字段包含）" values={{ q }} />
        <button type="submit" class="button secondary">
          筛选
        </button>
      </form>
      <p class="muted">
        共 {x.records.length} 条。下载：<a href={`${base}/records.csv${qs}`}>CSV</a>　
        <a href={`${base}/records.xlsx${qs}`}>Excel</a>
      </p>
      <div class="table-scroll">
        <table class="data">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {x.fields.map((f) => (
                <th scope="col">{f}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {x.records.map((rr) => (
              <tr>
                {x.fields.map((f) => (
                  <td>{rr.data[f] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {x.records.length === 0 ? <p class="empty">没有符合条件的记录。</p> : null}
    </PortalLayout>
  );
}
