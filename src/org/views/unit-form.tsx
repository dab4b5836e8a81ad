/** The unit form: a new unit, a unit's whole record, or only its 政府信息公开工作机构 (officeOnly). */
import type { Context } from 'hono';
import {
  CheckboxField,
  Csrf,
  ErrorSummary,
  SelectField,
  TextField,
  type Errors,
  type Values,
} from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { LEVEL_LABELS, OFFICE_FIELDS, UNIT_KIND_LABELS, UNIT_KINDS, type JurisdictionLevel } from '../model.js';
import type { JurisdictionRow, UnitRow } from '../service.js';

const LABELS: Record<string, string> = {
  name: '单位全称',
  short_name: '简称',
  kind: '单位类型',
  jurisdiction_id: '所属行政区',
  parent_id: '上级单位',
  credit_code: '统一社会信用代码',
  sort_order: '排序号',
  receives_requests: '受理依申请公开',
  active: '启用',
  ...Object.fromEntries(OFFICE_FIELDS),
};

const OFFICE_HINTS: Record<string, string> = {
  office_name: '如：示范县人民政府办公室政务公开股',
  office_hours: '如：工作日上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）',
  office_phone: '含区号，如：0000-1234567',
  office_website: '网址或其他互联网联系方式',
};

function OfficeFields(props: { values: Values; errors?: Errors }) {
  return (
    <fieldset>
      <legend>政府信息公开工作机构（《中华人民共和国政府信息公开条例》第四条、第十二条）</legend>
      {OFFICE_FIELDS.map(([k, label]) => (
        <TextField
          name={k}
          label={label}
          values={props.values}
          errors={props.errors}
          hint={OFFICE_HINTS[k]}
          type={k === 'office_email' ? 'email' : 'text'}
          inputmode={k === 'office_postcode' ? 'numeric' : undefined}
        />
      ))}
    </fieldset>
  );
}

export interface UnitFormProps {
  c: Context<AppEnv>;
  title: string;
  values: Values;
  errors?: Errors;
  /** The unit being edited (none: a new unit). */
  id?: number;
  /** Only the 政府信息公开工作机构 fields. */
  officeOnly?: boolean;
  /** Where the unit may be placed and which units may be its parent (empty for the office-only form). */
  jurisdictions: JurisdictionRow[];
  parents: UnitRow[];
}

export function UnitFormPage(props: UnitFormProps) {
  const { c, jurisdictions, parents } = props;
  const isNew = props.id === undefined;
  const action = isNew
    ? '/admin/units'
    : props.officeOnly
      ? `/admin/units/${props.id}/office`
      : `/admin/units/${props.id}`;
  return (
    <AdminLayout c={c} title={props.title} current="units">
      <form method="post" action={action} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={props.errors} labels={LABELS} />
        {props.officeOnly ? null : (
          <fieldset>
            <legend>单位基本信息</legend>
            <TextField
              name="name"
              label="单位全称"
              values={props.values}
              errors={props.errors}
              required
              maxlength={60}
              hint="发布机构须使用全称，如“示范县民政局”。"
            />
            <TextField name="short_name" label="简称" values={props.values} errors={props.errors} maxlength={20} />
            <SelectField
              name="kind"
              label="单位类型"
              values={props.values}
              errors={props.errors}
              required
              placeholder="（请选择）"
              options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
            />
            <SelectField
              name="jurisdiction_id"
              label="所属行政区"
              values={props.values}
              errors={props.errors}
              required
              placeholder="（请选择）"
              options={jurisdictions.map((j) => ({
                value: j.id,
                label: `${j.name}（${LEVEL_LABELS[j.level as JurisdictionLevel] ?? j.level}，${j.code}）`,
              }))}
            />
            <SelectField
              name="parent_id"
              label="上级单位"
              values={props.values}
              errors={props.errors}
              placeholder="（无）"
              options={parents.map((u) => ({ value: u.id, label: u.name }))}
              hint="如村（居）委会的上级为所在乡镇政府或街道办事处。"
            />
            <TextField
              name="credit_code"
              label="统一社会信用代码"
              values={props.values}
              errors={props.errors}
              maxlength={18}
              hint="18 位，用于生成索引号。"
            />
            <TextField
              name="sort_order"
              label="排序号"
              values={props.values}
              errors={props.errors}
              inputmode="numeric"
              hint="数字越小越靠前。"
            />
            <CheckboxField
              name="receives_requests"
              label="受理政府信息公开申请"
              checked={Boolean(props.values.receives_requests)}
              errors={props.errors}
              hint="条例第二十七条：地方各级人民政府和对外以自己名义履行行政管理职能的县级以上人民政府部门受理申请。"
            />
            <CheckboxField
              name="active"
              label="启用"
              checked={Boolean(props.values.active)}
              errors={props.errors}
              hint="停用的单位不在门户显示，也不能分配新角色。"
            />
          </fieldset>
        )}
        <OfficeFields values={props.values} errors={props.errors} />
        <button type="submit" class="button">
          {isNew ? '创建单位' : '保存'}
        </button>
        <a class="button secondary" href={isNew ? '/admin/units' : `/admin/units/${props.id}`}>
          取消
        </a>
      </form>
    </AdminLayout>
  );
}
