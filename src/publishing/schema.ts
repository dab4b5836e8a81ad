/** Input of a government information record, validated at the edge (zod, Chinese messages). */
import { z, optionalText, requiredText } from '../platform/validation.js';
import { isIsoDate } from '../calendar/dates.js';
import {
  ATTRIBUTES,
  DOC_CLASSES,
  GENRES,
  SUBJECTS,
  VALIDITY,
  WITHHOLD_REASONS,
  INTERPRETATION_FORMS,
  RECORD_COLUMNS,
  normalizeDocNumber,
} from './model.js';

const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isIsoDate, `${label}应为有效日期（年-月-日）`);
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), `${label}应为有效日期（年-月-日）`);

const ids = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : ([] as unknown[]).concat(v)),
  z.array(z.coerce.number().int().positive()).max(20, '一条信息最多关联 20 个目录事项'),
);

export const recordSchema = z
  .object({
    kind: z.enum(['info', 'interpretation']).default('info'),
    title: requiredText(200, '标题'),
    index_no: optionalText(60, '索引号'),
    doc_number: optionalText(60, '文号'),
    written_on: optionalDate('成文日期'),
    formed_on: date('形成或变更日期'),
    subject: z.string({ error: '请选择主题分类' }).refine((v) => SUBJECTS.includes(v), '请选择主题分类'),
    genre: z.string({ error: '请选择体裁' }).refine((v) => (GENRES as readonly string[]).includes(v), '请选择体裁'),
    keywords: optionalText(100, '关键词').transform((v) =>
      (v ?? '')
        .split(/[，,；;、\s]+/)
        .filter(Boolean)
        .join('；'),
    ),
    summary: optionalText(500, '内容概述').transform((v) => v ?? ''),
    attribute: z.enum(Object.keys(ATTRIBUTES) as [keyof typeof ATTRIBUTES], { error: '请选择公开属性' }),
    attribute_reason: optionalText(40, '理由'),
    attribute_note: optionalText(300, '说明'),
    validity: z.enum(Object.keys(VALIDITY) as [keyof typeof VALIDITY]).default('valid'),
    validity_on: optionalDate('失效或废止日期'),
    // 文件类别（年报表二）: 规章 / 行政规范性文件 / 其他 (empty).
    doc_class: z.preprocess(
      (v) => (v === '' || v === 'other' || v === null ? undefined : v),
      z
        .enum(Object.keys(DOC_CLASSES) as [keyof typeof DOC_CLASSES], {
          error: '请选择文件类别（年报表二）：规章、行政规范性文件或其他',
        })
        .optional(),
    ),
    column_slug: z
      .enum(Object.keys(RECORD_COLUMNS) as [keyof typeof RECORD_COLUMNS], { error: '请选择栏目' })
      .default('fdzdgknr'),
    column_item: optionalText(40, '子栏目'),
    body: z.string().max(500_000, '正文过长（不超过 50 万字）').default(''),
    item_ids: ids,
    needs_interpretation: z.preprocess((v) => v === '1' || v === 'on' || v === true, z.boolean()).default(false),
    policy_id: z
      .preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable())
      .default(null),
    interp_form: z.preprocess((v) => (v === '' ? undefined : v), z.enum(INTERPRETATION_FORMS).optional()),
  })
  .superRefine((v, ctx) => {
    // 不予公开 and 删减后公开 need their ground in 条例第十四条至第十六条 (regulations §4.4: "拟不公开的，要依法依规说明理由").
    if (
      (v.attribute === 'withheld' || v.attribute === 'redacted') &&
      !WITHHOLD_REASONS.some((r) => r.key === v.attribute_reason)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['attribute_reason'],
        message:
          v.attribute === 'withheld'
            ? '不予公开的信息须选择不予公开的理由（条例第十四条至第十六条）'
            : '删减后公开的信息须选择删减部分的理由（条例第十四条至第十六条）',
      });
    }
    if (v.doc_number && !normalizeDocNumber(v.doc_number).valid) {
      ctx.addIssue({
        code: 'custom',
        path: ['doc_number'],
        message: '文号格式不正确，应为“发文机关代字〔年份〕序号号”，如：临政办字〔2020〕64号（GB/T 9704—2012）',
      });
    }
    if (v.validity !== 'valid' && !v.validity_on)
      ctx.addIssue({ code: 'custom', path: ['validity_on'], message: '请填写失效或废止的日期' });
    if (v.written_on && v.written_on > v.formed_on)
      ctx.addIssue({ code: 'custom', path: ['formed_on'], message: '形成或变更日期不能早于成文日期' });
    if (v.kind === 'interpretation') {
      if (!v.policy_id) ctx.addIssue({ code: 'custom', path: ['policy_id'], message: '请选择所解读的政策文件' });
      if (!v.interp_form) ctx.addIssue({ code: 'custom', path: ['interp_form'], message: '请选择解读形式' });
    }
    if (v.index_no && !/^[A-Za-z0-9\-/_.]+$/.test(v.index_no))
      ctx.addIssue({ code: 'custom', path: ['index_no'], message: '索引号只能由字母、数字和 - / _ . 组成' });
  });

export type RecordInput = z.infer<typeof recordSchema>;

export const reviewSchema = z
  .object({
    decision: z.enum(['approve', 'return'], { error: '请选择审查结论' }),
    comment: optionalText(500, '审查意见'),
    attribute_confirmed: z.preprocess((v) => v === '1' || v === 'on', z.boolean()),
    secrecy_checked: z.preprocess((v) => v === '1' || v === 'on', z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回修改须写明审查意见' });
    if (v.decision === 'approve' && !v.secrecy_checked)
      ctx.addIssue({ code: 'custom', path: ['secrecy_checked'], message: '审查通过前须完成保密审查（条例第十七条）' });
    if (v.decision === 'approve' && !v.attribute_confirmed)
      ctx.addIssue({ code: 'custom', path: ['attribute_confirmed'], message: '请确认公开属性' });
  });

export const publishSchema = z
  .object({
    when: z.enum(['now', 'scheduled']).default('now'),
    scheduled_at: z.string().trim().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.when === 'scheduled' && !(v.scheduled_at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v.scheduled_at)))
      ctx.addIssue({ code: 'custom', path: ['scheduled_at'], message: '请填写定时发布的日期和时间' });
  });

export const withdrawSchema = z.object({ reason: requiredText(300, '撤回理由') });

export const validitySchema = z.object({
  validity: z.enum(Object.keys(VALIDITY) as [keyof typeof VALIDITY], { error: '请选择有效性' }),
  validity_on: date('日期'),
  note: optionalText(300, '说明'),
});

export const assessSchema = z.object({
  result: z.enum(['keep', 'disclose'], { error: '请选择评估结论' }),
  note: requiredText(300, '评估意见'),
});

export const channelSchema = z.object({
  channel: requiredText(40, '公开渠道'),
  used_on: date('公开日期'),
  link: optionalText(500, '链接').refine(
    (v) => v === null || /^(https?:\/\/|\/)/.test(v),
    '链接应以 http://、https:// 或 / 开头',
  ),
});
