/** The item form page (new and edit): the template's fields, responsible unit and contact. */
import { Csrf, ErrorSummary, type Errors, type Values } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { type C, ItemFields } from './components.js';

/** Field labels for the error summary. */
const ITEM_LABELS: Record<string, string> = {
  domain: '所属领域',
  level1: '一级事项',
  level2: '二级事项',
  level3: '三级事项',
  elements: '公开内容（要素）',
  basis: '公开依据',
  time_limit: '公开时限',
  subject: '公开主体',
  rule_amount: '期限天数',
  rule_unit: '期限单位',
  rule_trigger: '起算事件',
  responsible_unit_id: '责任单位',
  contact: '联系人和电话',
  channel_0: '公开渠道和载体',
  extra_channels: '其他渠道',
  audience_public: '公开对象',
  specific_group: '特定群体',
  mode_proactive: '公开方式',
  tier_county: '公开层级',
};

export function ItemFormPage(props: {
  c: C;
  title: string;
  action: string;
  values: Values;
  errors?: Errors;
  back: string;
  units: { id: number; name: string }[];
  categories: string[];
}) {
  const { c, values, errors } = props;
  return (
    <AdminLayout c={c} title={props.title} current="catalogs">
      <form method="post" action={props.action} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={errors} labels={ITEM_LABELS} />
        <ItemFields values={values} errors={errors} units={props.units} categories={props.categories} />
        <button type="submit" class="button">
          保存
        </button>
        <a class="button secondary" href={props.back}>
          取消
        </a>
      </form>
    </AdminLayout>
  );
}
