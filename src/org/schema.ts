import { z, optionalText, requiredText } from '../platform/validation.js';
import { isValidCreditCode } from '../platform/validators.js';
import { UNIT_KINDS } from './model.js';

const phone = (label: string) =>
  optionalText(40, label).refine(
    (v) => v === null || /^[0-9+\-－()（）\s,，、转]{5,40}$/.test(v),
    `${label}格式不正确，只能包含数字、区号连接符和“转”`,
  );

/** Form checkboxes arrive as 'on' / '1' when ticked and are absent otherwise. */
export const checkbox = z
  .union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal(''), z.undefined(), z.boolean()])
  .transform((v) => v === true || v === 'on' || v === '1' || v === 'true');

export const officeSchema = z.object({
  office_name: optionalText(60, '工作机构名称'),
  office_address: optionalText(120, '办公地址'),
  office_hours: optionalText(120, '办公时间'),
  office_phone: phone('联系电话'),
  office_fax: phone('传真号码'),
  office_email: optionalText(120, '电子邮箱').refine(
    (v) => v === null || z.email().safeParse(v).success,
    '电子邮箱格式不正确',
  ),
  office_postcode: optionalText(6, '邮政编码').refine((v) => v === null || /^\d{6}$/.test(v), '邮政编码应为 6 位数字'),
  office_website: optionalText(200, '互联网联系方式'),
});

export const unitSchema = officeSchema.extend({
  name: requiredText(60, '单位全称'),
  short_name: optionalText(20, '简称'),
  kind: z.enum(UNIT_KINDS, { error: '请选择单位类型' }),
  jurisdiction_id: z.coerce.number({ error: '请选择所属行政区' }).int().positive('请选择所属行政区'),
  parent_id: z
    .union([z.literal(''), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
  credit_code: optionalText(18, '统一社会信用代码')
    .transform((v) => (v === null ? null : v.toUpperCase()))
    .refine((v) => v === null || isValidCreditCode(v), '统一社会信用代码校验不通过，请核对 18 位代码'),
  sort_order: z
    .union([
      z.literal(''),
      z.coerce
        .number({ error: '排序号应为数字' })
        .int('排序号应为整数')
        .min(0, '排序号不能小于 0')
        .max(99999, '排序号不能超过 99999'),
    ])
    .optional()
    .transform((v) => (v === '' || v === undefined ? 0 : v)),
  receives_requests: checkbox,
  active: checkbox,
});

export type UnitInput = z.infer<typeof unitSchema>;
export type OfficeInput = z.infer<typeof officeSchema>;
