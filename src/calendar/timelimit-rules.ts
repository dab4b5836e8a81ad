/** The rules a 公开时限 text reads as (see timelimit.ts): types, labels and the statutory default. Pure. */

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** The event a time limit counts from (or, for 'advance', counts back from). */
export type Trigger =
  | 'info_formed_or_changed'
  | 'made_or_obtained'
  | 'request_received'
  | 'decision_made'
  | 'major_decision_made'
  | 'approved'
  | 'congress_approved'
  | 'finance_approved'
  | 'allocation_result_fixed'
  | 'land_approval_received'
  | 'land_survey_started'
  | 'event_held';

/** The date the user enters for each trigger (UI label). */
export const TRIGGER_LABELS: Record<Trigger, string> = {
  // 《政府信息公开条例》第二十六条: "自该政府信息形成或者变更之日起20个工作日内及时公开".
  info_formed_or_changed: '信息形成或变更之日',
  // 民政 domains (社会救助, 养老服务): "制定或获取信息之日起10个工作日内"; 公共法律服务: "制作或获取该信息之日起".
  made_or_obtained: '制作或获取信息之日',
  // 条例第三十三条: "自收到申请之日起20个工作日内予以答复".
  request_received: '收到申请之日',
  decision_made: '作出决定之日',
  major_decision_made: '重大决策作出之日',
  approved: '批准之日',
  // 《预算法》第十四条: "经本级人民代表大会或者本级人民代表大会常务委员会批准的预算……应当在批准后二十日内……向社会公开".
  congress_approved: '本级人民代表大会或其常务委员会批准之日',
  // 《预算法》第十四条: "经本级政府财政部门批复的部门预算……应当在批复后二十日内由各部门向社会公开".
  finance_approved: '本级政府财政部门批复之日',
  allocation_result_fixed: '分配结果确定之日',
  land_approval_received: '收到征地批准文件之日',
  land_survey_started: '实地启动拟征收土地工作之日',
  event_held: '会议或活动举行之日',
};

export type TimeUnit = 'workday' | 'day' | 'hour' | 'month';

export const UNIT_LABELS: Record<TimeUnit, string> = { workday: '个工作日', day: '日', hour: '小时', month: '个月' };

export type Period = 'month' | 'quarter' | 'half_year' | 'year';

export const PERIOD_LABELS: Record<Period, string> = { month: '月', quarter: '季度', half_year: '半年', year: '年' };

export interface Span {
  amount: number;
  unit: TimeUnit;
}

interface RuleBase {
  /** The part of the row's content the rule applies to, when the text splits rules by content. */
  scope?: string;
}

/** Publish within amount/unit after trigger ("信息形成或变更之日起20个工作日内"). */
export interface DeadlineRule extends RuleBase, Span {
  kind: 'deadline';
  trigger: Trigger;
  /** The text names no start event; trigger is the statutory default (条例第二十六条). */
  triggerImplied?: true;
  /** Where the text says to publish ("在政府网站/征地信息公开平台公开"). */
  channel?: string;
}

/** A posting (公示) period: the notice stays up this long ("公示7个工作日", "公示期7个工作日"). */
export interface PostingRule extends RuleBase, Span {
  kind: 'posting';
}

/** A period that must last at least this long ("征求意见期限不得少于30日"). */
export interface MinimumPeriodRule extends RuleBase, Span {
  kind: 'minimumPeriod';
  /** What the period is ("征求意见期限"); null when not named. */
  what: string | null;
}

/**
 * Recurring disclosure per calendar period. Without offset/due: at least `times` (default 1) per period.
 * offset: within amount/unit after each period ends ("每季度结束后10个工作日内").
 * due: by day `day` of month `month` of each period, month counted within the period, 1-based
 * ("每季度的首个月20日" → {month: 1, day: 20}; "每年1月31日前" → {month: 1, day: 31}).
 */
export interface PeriodicRule extends RuleBase {
  kind: 'periodic';
  period: Period;
  offset?: Span;
  due?: { month: number; day: number };
  times?: number;
}

/** Refresh every amount/unit ("每20个工作日更新"). */
export interface IntervalRule extends RuleBase, Span {
  kind: 'interval';
}

/** Kept public for the long term (长期公开 / 永久公开 / 常态化); dynamic: 动态调整 (kept up to date). */
export interface StandingRule extends RuleBase {
  kind: 'standing';
  dynamic?: true;
}

/** 及时公开: no fixed number of days. trigger: after which event; followsProgress: 按进展情况. */
export interface PromptRule extends RuleBase {
  kind: 'prompt';
  trigger: Trigger | null;
  followsProgress?: true;
}

/** 实时公开. */
export interface RealtimeRule extends RuleBase {
  kind: 'realtime';
}

/** The preceding deadline may be extended ("情况复杂的，经本单位负责人批准，可延长7个工作日"). */
export interface ExtensionRule extends RuleBase, Span {
  kind: 'extension';
  condition: string | null;
}

/** Act amount/unit before an event ("提前一周发通知邀请"). */
export interface AdvanceRule extends RuleBase, Span {
  kind: 'advance';
  before: Trigger;
  /** What to do in advance ("发通知邀请"). */
  action: string;
}

/** Published together with another document ("随采购公告、采购文件公开"). */
export interface WithDocumentRule extends RuleBase {
  kind: 'withDocument';
  document: string;
}

/** Published when an event happens ("在实地启动拟征收土地工作时，在村公示栏公开"). */
export interface OnEventRule extends RuleBase {
  kind: 'onEvent';
  trigger: Trigger;
  channel?: string;
}

export type TimeLimitRule =
  | DeadlineRule
  | PostingRule
  | MinimumPeriodRule
  | PeriodicRule
  | IntervalRule
  | StandingRule
  | PromptRule
  | RealtimeRule
  | ExtensionRule
  | AdvanceRule
  | WithDocumentRule
  | OnEventRule;

export interface ParsedTimeLimit {
  /** The text as given ('' for null/undefined). */
  text: string;
  /** 'manual' = 需人工设定: rules is then empty. */
  status: 'parsed' | 'manual';
  rules: TimeLimitRule[];
  /** "法律、法规另有规定的，从其规定" (or a variant) is part of the text. */
  lawOverride: boolean;
  /** Chinese explanation; always present for 'manual'. */
  note?: string;
}

export const MANUAL_LABEL = '需人工设定';

/** Longest normalised text the reader accepts (the longest phrasing seen is about 90 characters). */
export const MAX_LENGTH = 300;

/** The statutory default for proactive disclosure (条例第二十六条). */
export const STATUTORY_DEFAULT: Readonly<DeadlineRule> = Object.freeze({
  kind: 'deadline',
  amount: 20,
  unit: 'workday',
  trigger: 'info_formed_or_changed',
});
