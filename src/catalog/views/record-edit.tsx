/** The form of one record (梳理) of an item. */
import { Csrf, ErrorSummary, type Errors, type Values } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { itemRecords } from '../records.js';
import { type C, RecordFields } from './components.js';

export function RecordEditPage(props: {
  c: C;
  id: number;
  rid: number;
  x: Awaited<ReturnType<typeof itemRecords>>;
  values: Values;
  errors?: Errors;
}) {
  const { c, id, rid, x, errors } = props;
  const vals = props.values;
  return (
    <AdminLayout
      c={c}
      title={`编辑梳理记录：${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}`}
      current="catalogs"
    >
      <form method="post" action={`/admin/catalog-items/${id}/records/${rid}`} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={errors} labels={Object.fromEntries(x.fields.map((f, i) => [`field_${i}`, f]))} />
        <RecordFields fields={x.fields} values={vals} errors={errors} />
        <button type="submit" class="button">
          保存
        </button>
        <a class="button secondary" href={`/admin/catalog-items/${id}/records`}>
          取消
        </a>
      </form>
    </AdminLayout>
  );
}
