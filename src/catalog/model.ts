/**
 * The catalog item of a 政务公开事项标准目录 and its fixed vocabularies (regulations §7, the
 * standard catalog template of the 26 domain guidelines).
 */
import type { ParsedTimeLimit, Trigger } from '../calendar/timelimit.js';

/** The 13 standard channels of 公开渠道和载体, in the template's order. */
export const STANDARD_CHANNELS = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏（电子屏）',
  '精准推送',
  '其他',
] as const;
export type StandardChannel = (typeof STANDARD_CHANNELS)[number];

/** Spellings seen in local catalogs that mean a standard channel. */
export const CHANNEL_ALIASES: Record<string, StandardChannel> = {
  纸质载体: '纸质媒体',
  '社区/企事业单位/村公示栏(电子屏)': '社区/企事业单位/村公示栏（电子屏）',
  '社区/企事业单位/村公示栏': '社区/企事业单位/村公示栏（电子屏）',
  '发布会／听证会': '发布会/听证会',
  '入户／现场': '入户/现场',
};

export const TIERS = ['county', 'township', 'village'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = { county: '县级', township: '乡级', village: '村级' };

/** One row of a catalog, as edited in the back office and exchanged as Excel/Word. */
export interface CatalogItemData {
  /** 所属领域 (one of the 26 domains or a local domain name). */
  domain: string;
  level1: string;
  level2: string | null;
  level3: string | null;
  /** 公开内容（要素） */
  elements: string;
  /** 公开依据 */
  basis: string;
  /** 公开时限 as written */
  timeLimit: string;
  /** 公开主体 */
  subject: string;
  /** Ticked standard channels, in the standard order. */
  channels: StandardChannel[];
  /** Named extra channels (e.g. 公共资源交易平台, 信用中国网站), in the order given. */
  extraChannels: string[];
  /** 公开对象 */
  audiencePublic: boolean;
  audienceSpecific: boolean;
  /** The group named when 特定群体 is ticked (特定群体（请写明）). */
  specificGroup: string | null;
  /** 公开方式 */
  modeProactive: boolean;
  modeOnRequest: boolean;
  /** 公开层级 */
  tiers: Tier[];
}

/** Order channels by the standard list. */
export function sortChannels(list: StandardChannel[]): StandardChannel[] {
  return STANDARD_CHANNELS.filter((c) => list.includes(c));
}

/** A manual deadline rule (when the 公开时限 text reads as 需人工设定). */
export interface ManualRule {
  amount: number;
  unit: 'workday' | 'day';
  trigger: Trigger;
}

/** An item of a unit's catalog (the working copy). */
export interface CatalogItem extends CatalogItemData {
  id: number;
  manualRule?: ManualRule | null;
  sortOrder: number;
  source: string;
  reviewComment: string | null;
  responsibleUnitId: number | null;
  contact: string | null;
}

/** An item as a published version fixed it, with its 公开时限 read once at publication. */
export interface SnapshotItem extends CatalogItem {
  limit: ParsedTimeLimit;
}

/** What a published version holds (catalog_versions.snapshot_json). */
export interface Snapshot {
  unitName: string;
  items: SnapshotItem[];
  notes: { domain: string; reason: string }[];
  /** 负面清单 (absent in snapshots taken before it existed). */
  negatives?: { id: number; name: string; content: string; reason: string; basis: string }[];
}

export const STATUS_LABELS: Record<string, string> = {
  draft: '编制中',
  submitted: '待县政府办公室审核',
  returned: '已退回修改',
  city_review: '待市级审核',
  published: '已发布',
};
