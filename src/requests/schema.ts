import { z } from '../platform/validation.js';
import { isValidCreditCode, isValidResidentId } from '../platform/validators.js';
import { isIsoDate } from '../calendar/dates.js';
import {
  APPLICANT_TYPES,
  CHANNELS,
  DELIVERIES,
  FORMS,
  ID_TYPES,
  ORG_TYPES,
  type ApplicantType,
  type Channel,
  type IdType,
  type OrgType,
} from './model.js';

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/**
 * The contents of a request (条例第二十九条): who (with 身份证明 and contact), what, in which form.
 * Only what makes a request unusable is refused here — no name, no way to reach the applicant, a
 * malformed number or address; contents that are missing or unclear go the 补正 way (./intake.ts).
 */
export const requestSchema = z
  .object({
    unit_id: z.coerce.number({ error: '请选择受理机关' }).int().positive('请选择受理机关'),
    applicant_type: z.enum(keys(APPLICANT_TYPES), { error: '请选择申请人类型' }),
    org_type: z.union([z.enum(keys(ORG_TYPES)), z.literal('')]).optional(),
    name: z
      .string({ error: '请填写姓名或名称' })
      .trim()
      .min(1, '请填写姓名或名称')
      .max(100, '姓名或名称不能超过 100 个字'),
    id_type: z.enum(keys(ID_TYPES), { error: '请选择证件类型' }),
    // Missing 身份证明 is a 补正 item (条例第二十九条第二款第（一）项), not a reason to refuse.
    id_number: z
      .string()
      .trim()
      .max(40, '证件号码过长')
      .optional()
      .transform((v) => (v ?? '').toUpperCase()),
    phone: z
      .string()
      .trim()
      .max(30, '联系电话过长')
      .optional()
      .transform((v) => v || null),
    address: z
      .string()
      .trim()
      .max(200, '通讯地址过长')
      .optional()
      .transform((v) => v || null),
    postcode: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^\d{6}$/.test(v), '邮政编码应为 6 位数字'),
    email: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || z.email().safeParse(v).success, '电子邮箱格式不正确'),
    // Missing or vague descriptions, form and way of delivery are 补正 items (./intake.ts).
    description: z
      .string()
      .trim()
      .max(4000, '描述不能超过 4000 个字')
      .optional()
      .transform((v) => v ?? ''),
    doc_number: z
      .string()
      .trim()
      .max(100, '文号过长')
      .optional()
      .transform((v) => v || null),
    form: z
      .union([z.enum(keys(FORMS)), z.literal('')], { error: '请选择信息的提供形式' })
      .optional()
      .transform((v) => v ?? ''),
    delivery: z
      .union([z.enum(keys(DELIVERIES)), z.literal('')], { error: '请选择获取信息的方式' })
      .optional()
      .transform((v) => v ?? ''),
  })
  .superRefine((v, ctx) => {
    if (v.applicant_type === 'legal' && !v.org_type)
      ctx.addIssue({ code: 'custom', path: ['org_type'], message: '请选择组织类型' });
    if (v.applicant_type === 'legal' && v.id_type !== 'credit_code')
      ctx.addIssue({ code: 'custom', path: ['id_type'], message: '法人或其他组织请使用统一社会信用代码' });
    if (v.applicant_type === 'natural' && v.id_type === 'credit_code')
      ctx.addIssue({ code: 'custom', path: ['id_type'], message: '自然人请选择身份证件类型' });
    // A number that is given must be a valid one: a wrong checksum is a typing error to fix now.
    if (v.id_number && v.id_type === 'resident_id' && !isValidResidentId(v.id_number))
      ctx.addIssue({ code: 'custom', path: ['id_number'], message: '居民身份证号码校验不通过，请核对 18 位号码' });
    if (v.id_number && v.id_type === 'credit_code' && !isValidCreditCode(v.id_number))
      ctx.addIssue({ code: 'custom', path: ['id_number'], message: '统一社会信用代码校验不通过，请核对 18 位代码' });
    // With no way to reach the applicant the office cannot even ask for 补正: this is refused.
    if (!v.phone && !v.address && !v.email)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '请至少填写一种联系方式（电话、通讯地址或电子邮箱）' });
    if (v.phone && !/^[0-9+\-－()（）\s转]{5,30}$/.test(v.phone))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '联系电话格式不正确' });
  });

export type RequestInput = z.infer<typeof requestSchema> & {
  applicant_type: ApplicantType;
  id_type: IdType;
  org_type?: OrgType | '';
};

/** Staff registration adds how and when the request arrived. */
export const registrationSchema = z.object({
  channel: z.enum(keys(CHANNELS), { error: '请选择提交方式' }),
  submitted_on: z.string({ error: '请填写提交日期' }).trim().refine(isIsoDate, '日期应为“年-月-日”格式'),
  received_on: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), '日期应为“年-月-日”格式'),
});

export type RegistrationInput = z.infer<typeof registrationSchema> & { channel: Channel };
