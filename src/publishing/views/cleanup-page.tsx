/** 生成清理结果: the unit and year of a 清理结果 draft. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { Csrf, ErrorSummary, type Errors, SelectField, TextField, type Values } from '../../platform/ui/forms.js';
import type { UnitRow } from '../../org/api.js';

export interface CleanupPageProps {
  c: Context<AppEnv>;
  units: UnitRow[];
  values: Values;
  errors?: Errors;
}

export function CleanupPage(props: CleanupPageProps) {
  const { c, units, values, errors } = props;
  return (
    <AdminLayout c={c} title="生成清理结果" current="records">
      <p class="muted">列出本单位在该年度宣布失效、废止的信息，生成一份“清理结果”信息草稿，经审查后发布。</p>
      <form method="post" action="/admin/records/cleanup" class="form narrow" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={errors} labels={{ unit_id: '单位', year: '年度' }} />
        <SelectField
          name="unit_id"
          label="单位"
          values={values}
          errors={errors}
          required
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextField name="year" label="年度" values={values} errors={errors} required inputmode="numeric" />
        <button type="submit" class="button">
          生成草稿
        </button>
      </form>
    </AdminLayout>
  );
}
