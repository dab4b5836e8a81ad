/** Vocabulary of 依申请公开 (条例第二十七条至第三十三条; annual report table 3 columns). */

export const APPLICANT_TYPES = { natural: '自然人', legal: '法人或其他组织' } as const;
export type ApplicantType = keyof typeof APPLICANT_TYPES;

/** The organisation columns of annual report table 3. */
export const ORG_TYPES = { commercial: '商业企业', research: '科研机构', public_welfare: '社会公益组织', legal_service: '法律服务机构', other: '其他' } as const;
export type OrgType = keyof typeof ORG_TYPES;

export const ID_TYPES = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  other: '其他有效身份证件',
  credit_code: '统一社会信用代码',
} as const;
export type IdType = keyof typeof ID_TYPES;

export const FORMS = { paper: '纸质', electronic: '电子文档', other: '其他' } as const;
export const DELIVERIES = { mail: '邮寄', email: '电子邮件', pickup: '当面领取', fax: '传真', online: '网上获取' } as const;

/** How a request arrived, and from which day it counts as received (条例第三十一条). */
export const CHANNELS = {
  online: { label: '网上申请', receipt: 'confirm' },
  in_person: { label: '当面提交', receipt: 'submitted' },
  oral: { label: '口头提出（代为填写）', receipt: 'submitted' },
  registered_mail: { label: '信函（挂号等需签收）', receipt: 'signed' },
  ordinary_mail: { label: '信函（平信等无需签收）', receipt: 'confirm_same_day' },
  fax: { label: '传真', receipt: 'confirm' },
  email: { label: '电子邮件', receipt: 'confirm' },
} as const;
export type Channel = keyof typeof CHANNELS;

/** The wording of 条例第三十一条 for each way of establishing the day of receipt. */
export const RECEIPT_RULES = {
  submitted: '当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）',
  signed: '以邮寄方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第二项）',
  confirm_same_day: '以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日（条例第三十一条第二项）',
  confirm: '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）',
} as const;

export const STATUS_LABELS: Record<string, string> = {
  awaiting_confirmation: '待确认收到',
  processing: '办理中',
};

/** The statutory reply period: 20 working days from the day of receipt (条例第三十三条). */
export const REPLY_WORKING_DAYS = 20;

export const PUBLIC_RATE = { perHour: 5 } as const;
