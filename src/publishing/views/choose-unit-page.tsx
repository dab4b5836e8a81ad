/** Drafting for one of several units: the unit is chosen first. */
import type { Context } from 'hono';
import type { UnitRow } from '../../org/api.js';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { SelectField } from '../../platform/ui/forms.js';

export function ChooseUnitPage(props: { c: Context<AppEnv>; editable: UnitRow[] }) {
  const { c, editable } = props;
  return (
    <AdminLayout c={c} title="起草信息" current="records">
      <form method="get" action="/admin/records/new" class="form narrow">
        <SelectField
          name="unit"
          label="为哪个单位起草"
          values={{}}
          required
          options={editable.map((u) => ({ value: u.id, label: u.name }))}
          hint="信息由制作或保存该信息的单位发布（条例第十条）。"
        />
        <button type="submit" class="button">
          下一步
        </button>
      </form>
    </AdminLayout>
  );
}
