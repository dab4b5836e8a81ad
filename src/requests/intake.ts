/**
 * Which contents of 条例第二十九条第二款 a request lacks (pure). A request that can be answered at all
 * — the applicant has a name and a way to be reached — is never refused for missing contents: it is
 * registered and the office gives 指导和释明 and one 补正 notice within 7 working days of receipt
 * (条例第三十条). This function lists the items that notice must name.
 */
import { parseJson } from '../platform/dialect.js';
import { CORRECTION_NOTICE_WORKING_DAYS } from './model.js';

export type MissingKey =
  | 'identity'
  | 'description'
  | 'description_vague'
  | 'form'
  | 'delivery'
  | 'delivery_address'
  | 'delivery_email';

export interface MissingItem {
  key: MissingKey;
  /** What the applicant is asked to supply, as the 补正告知书 says it. */
  text: string;
  /** The provision that requires it. */
  basis: string;
}

export interface IntakeContents {
  id_number?: string | null;
  description?: string | null;
  doc_number?: string | null;
  form?: string | null;
  delivery?: string | null;
  address?: string | null;
  email?: string | null;
}

const ITEM1 = '条例第二十九条第二款第（一）项';
const ITEM2 = '条例第二十九条第二款第（二）项';
const ITEM3 = '条例第二十九条第二款第（三）项';

/**
 * Words that say nothing about which information is meant: “所有相关文件”, “政府信息” or “我要申请公开
 * 全部资料” do not let the office find anything (条例第二十九条第二款第（二）项 asks for 名称、文号或者
 * 便于行政机关查询的其他特征性描述).
 */
const GENERIC = [
  '政府信息',
  '全部',
  '所有',
  '一切',
  '相关',
  '有关',
  '其他',
  '各类',
  '各种',
  '各项',
  '政府',
  '信息',
  '文件',
  '资料',
  '材料',
  '内容',
  '情况',
  '数据',
  '申请',
  '公开',
  '获取',
  '提供',
  '查询',
  '我要',
  '我们',
  '本人',
  '请',
  '的',
  '等',
  '和',
  '及',
  '与',
];

/** Characters that carry meaning once generic words, punctuation and spaces are taken out. */
export function specificLength(description: string): number {
  let s = description.replace(/[\s\p{P}\p{S}]/gu, '');
  for (const w of GENERIC) s = s.split(w).join('');
  return [...s].length;
}

/** Below this many specific characters (and with no 文号) a description is too vague to search. */
export const MIN_SPECIFIC_CHARS = 4;

export function missingContents(c: IntakeContents): MissingItem[] {
  const out: MissingItem[] = [];
  if (!c.id_number?.trim()) out.push({ key: 'identity', text: '申请人的身份证明（证件号码）', basis: ITEM1 });
  const description = c.description?.trim() ?? '';
  const docNumber = c.doc_number?.trim() ?? '';
  if (!description && !docNumber)
    out.push({ key: 'description', text: '所需政府信息的名称、文号或者便于查询的其他特征性描述', basis: ITEM2 });
  else if (!docNumber && specificLength(description) < MIN_SPECIFIC_CHARS)
    out.push({
      key: 'description_vague',
      text: '所需政府信息的描述不明确，请写明信息的名称、文号，或者制作机关、时间、事项等便于查询的特征性描述',
      basis: ITEM2,
    });
  if (!c.form) out.push({ key: 'form', text: '所需政府信息的提供形式（纸质、电子文档等）', basis: ITEM3 });
  if (!c.delivery)
    out.push({ key: 'delivery', text: '获取信息的方式、途径（邮寄、电子邮件、当面领取等）', basis: ITEM3 });
  else if (c.delivery === 'mail' && !c.address?.trim())
    out.push({ key: 'delivery_address', text: '选择邮寄获取信息的，请提供通讯地址', basis: ITEM3 });
  else if (c.delivery === 'email' && !c.email?.trim())
    out.push({ key: 'delivery_email', text: '选择电子邮件获取信息的，请提供电子邮箱', basis: ITEM3 });
  return out;
}

/** The items as one line for the 补正告知 (numbered, full-width). */
export const itemsText = (items: Pick<MissingItem, 'text'>[]) => items.map((x, i) => `${i + 1}．${x.text}`).join('；');

/** Who the applicant is (同一申请人): the identity number, or without one the name with every contact given. */
export interface ApplicantIdentity {
  id_number?: string | null;
  name: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** The same applicant as a string key (for telling a resubmission from a new request). */
export const applicantKey = (a: ApplicantIdentity): string =>
  a.id_number || `${a.name}|${a.phone ?? ''}|${a.email ?? ''}|${a.address ?? ''}`;

/** The intake check stored with a request (empty when complete). */
export const intakeItems = (r: { intake_missing: string | null }): MissingItem[] =>
  parseJson<MissingItem[]>(r.intake_missing, []);

/** The public note (and the applicant's notice) of a request found incomplete at intake. */
export const incompleteNote = (items: MissingItem[]) =>
  `经初步核对，申请缺少或未写明以下内容（条例第二十九条）：${itemsText(items)}。受理机关将自收到申请之日起 ${CORRECTION_NOTICE_WORKING_DAYS} 个工作日内一次性告知需要补正的事项和补正期限（条例第三十条）`;
