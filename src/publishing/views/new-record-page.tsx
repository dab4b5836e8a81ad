/** The form of a new record, or of a 政策解读 of a policy. */
import type { Context } from 'hono';
import type { UnitRow } from '../../org/api.js';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import type { ItemChoice } from '../core.js';
import { RecordForm } from './record-form.js';

export interface NewRecordPageProps {
  c: Context<AppEnv>;
  unit: UnitRow;
  policy: { id: number; title: string } | null;
  items: ItemChoice[];
  values: Values;
  errors?: Errors;
}

export function NewRecordPage(props: NewRecordPageProps) {
  const { c, unit, policy, items, values, errors } = props;
  const unitId = unit.id;
  const kind = policy ? 'interpretation' : 'info';
  return (
    <AdminLayout c={c} title={policy ? '起草政策解读' : '起草信息'} current="records">
      <p>发布单位：{unit.name}</p>
      <RecordForm
        action="/admin/records"
        csrf={c.get('csrf')}
        values={policy ? { ...values, kind, policy_id: policy.id } : values}
        errors={errors}
        items={items}
        level={unit.jurisdiction_level}
        mode="create"
        kind={kind}
        unitId={unitId}
        policy={policy}
      />
    </AdminLayout>
  );
}
