/** Vocabulary of 依申请公开 (条例第二十七条至第三十三条; annual report table 3 columns). */

export const APPLICANT_TYPES = { natural: '自然人', legal: '法人或其他组织' } as const;
export type ApplicantType = keyof typeof APPLICANT_TYPES;

/** The organisation columns of annual report table 3. */
export const ORG_TYPES = {
  commercial: '商业企业',
  research: '科研机构',
  public_welfare: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
} as const;
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
export const DELIVERIES = {
  mail: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  fax: '传真',
  online: '网上获取',
} as const;

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
  confirm_same_day:
    '以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日（条例第三十一条第二项）',
  confirm: '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）',
} as const;

export const STATUS_LABELS: Record<string, string> = {
  awaiting_confirmation: '待确认收到',
  processing: '办理中',
};

/** The statutory reply period: 20 working days from the day of receipt (条例第三十三条). */
export const REPLY_WORKING_DAYS = 20;

export const PUBLIC_RATE = { perHour: 5 } as const;

/**
 * The reply outcomes: exactly the result rows of annual report table 3 (国办公开办函〔2021〕30号),
 * with the storage keys of regulations §2.7. A request gets exactly one.
 */
export const OUTCOMES = {
  granted: { group: '（一）予以公开', label: '（一）予以公开' },
  partial: {
    group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  },
  'denied.stateSecret': { group: '（三）不予公开', label: '1.属于国家秘密' },
  'denied.lawProhibited': { group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  'denied.safetyStability': { group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  'denied.thirdParty': { group: '（三）不予公开', label: '4.保护第三方合法权益' },
  'denied.internalAffairs': { group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  'denied.processInfo': { group: '（三）不予公开', label: '6.属于四类过程性信息' },
  'denied.enforcementFile': { group: '（三）不予公开', label: '7.属于行政执法案卷' },
  'denied.adminQuery': { group: '（三）不予公开', label: '8.属于行政查询事项' },
  'unable.notHeld': { group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  'unable.needCreate': { group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  'unable.stillUnclear': { group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  'notProcessed.petition': { group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  'notProcessed.repeat': { group: '（五）不予处理', label: '2.重复申请' },
  'notProcessed.publication': { group: '（五）不予处理', label: '3.要求提供公开出版物' },
  'notProcessed.massRepeat': { group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  'notProcessed.confirmReissue': { group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  'other.noCorrection': {
    group: '（六）其他处理',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  'other.unpaidFee': {
    group: '（六）其他处理',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  'other.other': { group: '（六）其他处理', label: '3.其他' },
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const outcomeText = (k: string) => {
  const o = OUTCOMES[k as Outcome];
  return o ? (o.group === o.label ? o.label : `${o.group} ${o.label}`) : k;
};

export const DELIVERY_METHODS = {
  in_person: '当面送达',
  mail: '邮寄送达',
  email: '电子邮件送达',
  fax: '传真送达',
  online: '网上送达',
} as const;

/** 条例第三十条: the one-time correction notice within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 条例第三十二条、第三十四条: third parties and other agencies answer within 15 working days. */
export const CONSULTATION_WORKING_DAYS = 15;

/** Clock purposes beside the reply clock ('request.reply'). */
export const CORRECTION_NOTICE_PURPOSE = 'request.correction_notice';
export const CONSULTATION_PURPOSE = 'request.consultation';

/** Who is consulted: a third party (条例第三十二条) or another agency that made the information with us (条例第三十四条). */
export const CONSULTEES = {
  third_party: { label: '第三方', article: '条例第三十二条' },
  other_agency: { label: '其他行政机关', article: '条例第三十四条' },
} as const;
export type Consultee = keyof typeof CONSULTEES;

export const CONSULTATION_STATUS = { open: '征求意见中', answered: '已提出意见', lapsed: '逾期未答复' } as const;
export const CONSULTATION_ANSWERS = { agree: '同意公开', disagree: '不同意公开' } as const;

/** What the law says happens when the consultee stays silent past the 15 working days (regulations §1.5.5). */
export const LAPSE_CONSEQUENCES: Record<Consultee, string> = {
  third_party: '第三方逾期未提出意见的，由行政机关依照本条例的规定决定是否公开',
  other_agency: '逾期未提出意见的视为同意公开',
};

/** 条例第三十二条 on a third party's objection. */
export const THIRD_PARTY_OBJECTION =
  '第三方不同意公开且有合理理由的，行政机关不予公开。行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方';

Object.assign(STATUS_LABELS, {
  correction: '待申请人补正',
  fee_pending: '待缴纳信息处理费',
  consultation: '征求意见中',
  review: '拟办意见待审核',
  approved: '审核通过，待答复',
  replied: '已答复',
  delivered: '已送达',
  archived: '已归档',
});

/** 行政复议 and 行政诉讼 about a request (年报表四, 条例第五十一条): the kinds and their results. */
export const APPEAL_KINDS = {
  review: '行政复议',
  litigationDirect: '未经复议直接起诉',
  litigationAfterReview: '复议后起诉',
} as const;
export type AppealKind = keyof typeof APPEAL_KINDS;
export const APPEAL_RESULTS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果' } as const;
export type AppealResult = keyof typeof APPEAL_RESULTS;

/** The purpose of the reply clock (条例第三十三条), beside the correction-notice and consultation clocks. */
export const REPLY_PURPOSE = 'request.reply';

/**
 * 需补正: found incomplete at intake, and the one 补正 notice is not out yet — still awaiting
 * confirmation, or received with its 补正告知期限 clock running (not stopped by the notice or by
 * finding the contents clear).
 */
export const awaitsCorrectionNotice = (
  r: { intake_missing: string | null; correction_count: number; status: string },
  noticeOpen: boolean,
) =>
  !!r.intake_missing &&
  r.intake_missing !== '[]' &&
  r.correction_count === 0 &&
  (r.status === 'awaiting_confirmation' || (r.status === 'processing' && noticeOpen));
