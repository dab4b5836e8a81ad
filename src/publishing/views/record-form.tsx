/** The record form (every field of recordSchema), for drafting, editing and changing a record. */
import {
  CheckboxField,
  Csrf,
  ErrorSummary,
  type Errors,
  SelectField,
  TextField,
  type Values,
} from '../../platform/ui/forms.js';
import {
  ARTICLE_20_ITEMS,
  ARTICLE_21_COUNTY,
  ARTICLE_21_TOWNSHIP,
  CHINESE_NUMERALS,
} from '../../catalog/vocabulary.js';
import { ACCEPT, RECORD_FILE_LIMITS } from '../attachments.js';
import type { ItemChoice } from '../core.js';
import {
  ATTRIBUTES,
  DOC_CLASSES,
  GENRES,
  INTERPRETATION_FORMS,
  RECORD_COLUMNS,
  SUBJECT_TREE,
  VALIDITY,
  WITHHOLD_REASONS,
} from '../model.js';
import { Field, Radios, str, TextArea } from './components.js';

/** Labels of the record form's fields, for the error summary. */
export const RECORD_LABELS: Record<string, string> = {
  title: '标题',
  index_no: '索引号',
  doc_number: '文号',
  written_on: '成文日期',
  formed_on: '形成或变更日期',
  subject: '主题分类',
  genre: '体裁',
  keywords: '关键词',
  summary: '内容概述',
  attribute: '公开属性',
  attribute_reason: '理由',
  attribute_note: '说明',
  validity: '有效性',
  validity_on: '失效或废止日期',
  doc_class: '文件类别（年报表二）',
  column_slug: '栏目',
  column_item: '子栏目',
  body: '正文',
  item_ids: '目录事项',
  policy_id: '所解读的政策文件',
  interp_form: '解读形式',
  attachments: '附件',
  unit_id: '单位',
};

const list = (v: unknown): string[] => ([] as unknown[]).concat(v ?? []).map(String);

/** 子栏目 of 法定主动公开内容: 条例第二十条 (一)…(十五) and the 第二十一条 content of the unit's level. */
export function columnItemOptions(level: string): { value: string; label: string }[] {
  const a21 = level === 'township' ? ARTICLE_21_TOWNSHIP : ARTICLE_21_COUNTY;
  return [
    ...ARTICLE_20_ITEMS.map((label, i) => ({
      value: `a20-${i + 1}`,
      label: `第二十条（${CHINESE_NUMERALS[i]}）${label}`,
    })),
    ...a21.map((name) => ({ value: `a21-${name}`, label: `第二十一条 ${name}` })),
  ];
}

/** 主题分类: one <optgroup> per first level of the 国务院 tree; values are `一级\二级`. */
export function SubjectSelect(props: { values: Values; errors?: Errors }) {
  const current = str(props.values.subject);
  const err = props.errors?.subject;
  return (
    <Field name="subject" label="主题分类" errors={props.errors} required hint="按国务院公文主题分类选择二级类目。">
      <select
        id="f-subject"
        name="subject"
        required
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={err ? 'h-subject e-subject' : 'h-subject'}
      >
        <option value="">（请选择）</option>
        {SUBJECT_TREE.map(([l1, l2s]) =>
          l2s.length ? (
            <optgroup label={l1}>
              {l2s.map((l2) => (
                <option value={`${l1}\\${l2}`} selected={current === `${l1}\\${l2}`}>
                  {l2}
                </option>
              ))}
            </optgroup>
          ) : (
            <option value={l1} selected={current === l1}>
              {l1}
            </option>
          ),
        )}
      </select>
    </Field>
  );
}

/** 目录事项: checkboxes grouped by domain, each with its 公开时限. */
export function ItemChoices(props: { items: ItemChoice[]; values: Values; errors?: Errors }) {
  const picked = new Set(list(props.values.item_ids));
  const domains = [...new Set(props.items.map((i) => i.domain))];
  const err = props.errors?.item_ids;
  return (
    <fieldset class={err ? 'field has-error' : 'field'} id="f-item_ids" tabindex={-1}>
      <legend>目录事项</legend>
      <p class="hint">
        选择本信息对应的政务公开事项目录中的事项；公开期限按所选事项中最严格的公开时限计算，未设时限的按条例第二十六条（20
        个工作日）计算。
      </p>
      {err ? (
        <p class="field-error" id="e-item_ids">
          {err}
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p class="notice">
          本单位尚无已发布的政务公开事项目录，暂不能关联目录事项。请先<a href="/admin/catalogs">编制并发布目录</a>。
        </p>
      ) : (
        domains.map((d) => (
          <fieldset class="item-group">
            <legend>{d}</legend>
            {props.items
              .filter((i) => i.domain === d)
              .map((i) => (
                <div class="field checkbox">
                  <input
                    type="checkbox"
                    id={`f-item-${i.id}`}
                    name="item_ids"
                    value={String(i.id)}
                    checked={picked.has(String(i.id))}
                  />
                  <label for={`f-item-${i.id}`}>{i.label}</label>
                  <p class="hint">公开时限：{i.timeLimit || '未填写（按条例第二十六条）'}</p>
                </div>
              ))}
          </fieldset>
        ))
      )}
    </fieldset>
  );
}

export interface RecordFormProps {
  action: string;
  csrf: string;
  values: Values;
  errors?: Errors;
  items: ItemChoice[];
  level: string;
  mode: 'create' | 'edit';
  kind: 'info' | 'interpretation';
  unitId?: number;
  policy?: { id: number; title: string } | null;
  /** The record is published: saving prepares a change (新版本) that goes through review again. */
  published?: boolean;
  indexNo?: string;
}

/** The record form: every field of recordSchema. */
export function RecordForm(props: RecordFormProps) {
  const { values: v, errors: e } = props;
  const reasons = WITHHOLD_REASONS.map((r) => ({ value: r.key, label: `${r.label}（${r.article}）` }));
  return (
    <form method="post" action={props.action} class="form" enctype="multipart/form-data" novalidate>
      <Csrf token={props.csrf} />
      <ErrorSummary errors={e} labels={RECORD_LABELS} message={e?._form} />
      {props.unitId ? <input type="hidden" name="unit_id" value={String(props.unitId)} /> : null}
      {props.kind === 'interpretation' ? (
        <fieldset>
          <legend>政策解读</legend>
          <input type="hidden" name="kind" value="interpretation" />
          <input type="hidden" name="policy_id" value={str(v.policy_id)} />
          <p>
            所解读的政策文件：
            {props.policy ? <a href={`/admin/records/${props.policy.id}`}>《{props.policy.title}》</a> : '—'}
          </p>
          {e?.policy_id ? (
            <p class="field-error" id="e-policy_id">
              {e.policy_id}
            </p>
          ) : null}
          <SelectField
            name="interp_form"
            label="解读形式"
            values={v}
            errors={e}
            required
            placeholder="（请选择）"
            options={INTERPRETATION_FORMS.map((f) => ({ value: f, label: f }))}
            hint="解读材料与政策文件同步组织、同步审签、同步部署（三同步）。"
          />
        </fieldset>
      ) : null}
      <fieldset>
        <legend>基本信息</legend>
        <TextField name="title" label="标题" values={v} errors={e} required maxlength={200} />
        {props.mode === 'create' ? (
          <TextField
            name="index_no"
            label="索引号"
            values={v}
            errors={e}
            maxlength={60}
            hint="留空则按本县规则自动生成。每条信息的索引号唯一，生成后不能修改。"
          />
        ) : (
          <p>
            <strong>索引号：</strong>
            {props.indexNo}
            <input type="hidden" name="index_no" value={props.indexNo ?? ''} />
          </p>
        )}
        <TextField
          name="doc_number"
          label="文号"
          values={v}
          errors={e}
          maxlength={60}
          hint="没有文号的信息不填。格式如：临政办字〔2020〕64号；[2020]、【2020】、(2020) 和“第64号”等写法会自动更正为六角括号。"
        />
        <TextField name="written_on" label="成文日期" type="date" values={v} errors={e} />
        <TextField
          name="formed_on"
          label="形成或变更日期"
          type="date"
          values={v}
          errors={e}
          required
          hint="公开期限自此日起计算，条例第二十六条。"
        />
        <SubjectSelect values={v} errors={e} />
        <SelectField
          name="genre"
          label="体裁"
          values={v}
          errors={e}
          required
          placeholder="（请选择）"
          options={GENRES.map((g) => ({ value: g, label: g }))}
        />
        {props.kind === 'info' ? (
          // Townships and villages make no 规章 (regulations §2.3); the service refuses it as well.
          <SelectField
            name="doc_class"
            label="文件类别（年报表二）"
            values={v}
            errors={e}
            placeholder="其他"
            options={Object.entries(DOC_CLASSES)
              .filter(
                ([value]) =>
                  value !== 'rule' || !['township', 'village'].includes(props.level) || v.doc_class === 'rule',
              )
              .map(([value, label]) => ({ value, label }))}
            hint="用于政府信息公开工作年度报告表二的规章、行政规范性文件统计。"
          />
        ) : null}
        <TextField
          name="keywords"
          label="关键词"
          values={v}
          errors={e}
          maxlength={100}
          hint="多个关键词用逗号、顿号或空格分隔。"
        />
        <TextArea name="summary" label="内容概述" values={v} errors={e} rows={3} />
      </fieldset>
      <fieldset>
        <legend>公开属性（源头认定，审查时确认）</legend>
        <Field name="attribute" label="公开属性" errors={e} required group>
          <Radios
            name="attribute"
            values={v}
            options={Object.entries(ATTRIBUTES).map(([value, label]) => ({ value, label }))}
          />
        </Field>
        <SelectField
          name="attribute_reason"
          label="理由"
          values={v}
          errors={e}
          placeholder="（主动公开、依申请公开不选）"
          options={reasons}
          hint="不予公开或删减后公开的，须选择条例第十四条至第十六条规定的理由。"
        />
        <TextArea
          name="attribute_note"
          label="说明"
          values={v}
          errors={e}
          rows={2}
          hint="可补充说明认定理由或删减的内容。"
        />
      </fieldset>
      <fieldset>
        <legend>有效性和栏目</legend>
        <SelectField
          name="validity"
          label="有效性"
          values={v}
          errors={e}
          options={Object.entries(VALIDITY).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          name="validity_on"
          label="失效或废止日期"
          type="date"
          values={v}
          errors={e}
          hint="有效性为失效或废止时填写。"
        />
        <SelectField
          name="column_slug"
          label="栏目"
          values={v}
          errors={e}
          required
          options={Object.entries(RECORD_COLUMNS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="column_item"
          label="子栏目"
          values={v}
          errors={e}
          placeholder="（不选）"
          options={columnItemOptions(props.level)}
          hint="法定主动公开内容按条例第二十条、第二十一条分列子栏目。"
        />
      </fieldset>
      <ItemChoices items={props.items} values={v} errors={e} />
      {props.kind === 'info' ? (
        <CheckboxField
          name="needs_interpretation"
          label="需要政策解读"
          checked={['1', 'on', 'true'].includes(str(v.needs_interpretation))}
          hint="规章、行政规范性文件等重要政策文件应同步发布解读材料。"
        />
      ) : null}
      <TextArea
        name="body"
        label="正文"
        values={v}
        errors={e}
        rows={14}
        hint="可以粘贴 HTML（段落、标题、列表、表格、链接等）；脚本、样式、外部图片等不安全的内容会被自动移除。"
      />
      {props.mode === 'create' ? (
        <Field
          name="attachments"
          label={`附件（可选，最多 ${RECORD_FILE_LIMITS.files} 个，每个不超过 10 MB）`}
          errors={e}
          hint="可上传 PDF、Word、Excel、PowerPoint、OFD、JPG 或 PNG 文件；文件中的作者、设备等属性信息会被清除。"
        >
          <input
            id="f-attachments"
            type="file"
            name="attachments"
            multiple
            accept={ACCEPT}
            aria-describedby="h-attachments"
          />
        </Field>
      ) : null}
      {props.published ? (
        <p class="notice">
          该信息已发布：保存后形成变更（新版本），须提交审查，审查通过后替换门户上的版本；在此之前已发布的版本继续公开。
        </p>
      ) : null}
      <button type="submit" class="button">
        {props.mode === 'create' ? '保存草稿' : props.published ? '保存变更' : '保存'}
      </button>
    </form>
  );
}
