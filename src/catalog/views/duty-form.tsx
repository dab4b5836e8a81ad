/** The form of one domain's duty: responsible unit, cooperating units, due date. */
import { Csrf, ErrorSummary, type Errors, type Values } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { C } from './components.js';

export function DutyFormPage(props: {
  c: C;
  slug: string;
  domainName: string;
  units: { id: number; name: string }[];
  values: Values;
  errors?: Errors;
}) {
  const { c, slug, units, values, errors } = props;
  const coop = new Set(([] as unknown[]).concat(values.cooperating ?? []).map(String));
  return (
    <AdminLayout c={c} title={`责任清单：${props.domainName}`} current="catalogs">
      <form method="post" action={`/admin/catalogs/duties/${slug}`} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary
          errors={errors}
          labels={{ lead_unit_id: '责任单位', cooperating: '配合单位', due_date: '完成时间' }}
        />
        <input type="hidden" name="domain" value={slug} />
        <div class={errors?.lead_unit_id ? 'field has-error' : 'field'}>
          <label for="f-lead_unit_id">责任单位</label>
          {errors?.lead_unit_id ? (
            <p class="field-error" id="e-lead_unit_id">
              {errors.lead_unit_id}
            </p>
          ) : null}
          <select id="f-lead_unit_id" name="lead_unit_id">
            <option value="">（未指定）</option>
            {units.map((u) => (
              <option value={String(u.id)} selected={String(values.lead_unit_id ?? '') === String(u.id)}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class={errors?.cooperating ? 'field has-error' : 'field'}>
          <label for="f-cooperating">配合单位（可多选，按住 Ctrl 键选择多个）</label>
          {errors?.cooperating ? (
            <p class="field-error" id="e-cooperating">
              {errors.cooperating}
            </p>
          ) : null}
          <select id="f-cooperating" name="cooperating" multiple size={8}>
            {units.map((u) => (
              <option value={String(u.id)} selected={coop.has(String(u.id))}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class={errors?.due_date ? 'field has-error' : 'field'}>
          <label for="f-due_date">完成时间</label>
          {errors?.due_date ? (
            <p class="field-error" id="e-due_date">
              {errors.due_date}
            </p>
          ) : null}
          <input type="date" id="f-due_date" name="due_date" value={String(values.due_date ?? '')} />
        </div>
        <button type="submit" class="button">
          保存
        </button>
        <a class="button secondary" href="/admin/catalogs/duties">
          取消
        </a>
      </form>
    </AdminLayout>
  );
}
