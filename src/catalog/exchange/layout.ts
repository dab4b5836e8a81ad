/**
 * The template layout shared by the Excel and Word exports (regulations §7 standard catalog
 * template): columns, cell texts, the ■/□ channel checklist, and worksheet names by domain.
 */
import { STANDARD_CHANNELS, type CatalogItemData } from '../model.js';
import { cleanChannelName, looksLikePlatform, normChannelName, OTHER_DETAIL, standardChannel } from './channels.js';

export interface CatalogMeta {
  title: string;
  unitName: string;
  version?: string;
}

export interface ImportError {
  sheet: string;
  /** Excel row number (1-based); 0 for file- or sheet-level errors. */
  row: number;
  /** Excel column letter, or the header label when the whole column is missing. */
  column: string;
  message: string;
}

export interface ImportResult {
  items: CatalogItemData[];
  errors: ImportError[];
  sheets: string[];
}

export type FieldKey =
  | 'seq'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'elements'
  | 'basis'
  | 'timeLimit'
  | 'subject'
  | 'channels'
  | 'audiencePublic'
  | 'audienceSpecific'
  | 'modeProactive'
  | 'modeOnRequest'
  | 'county'
  | 'township'
  | 'village';

export interface LayoutColumn {
  key: FieldKey;
  label: string;
  /** The label of the merged group cell above (公开事项, 公开对象, 公开方式, 公开层级). */
  group: string | null;
  /** Excel column width (characters of the default font). */
  width: number;
}

/** The template's columns; 三级事项 and 村级 only when the items use them. */
export function catalogColumns(opts: { level3: boolean; village: boolean }): LayoutColumn[] {
  const cols: LayoutColumn[] = [
    { key: 'seq', label: '序号', group: null, width: 6 },
    { key: 'level1', label: '一级事项', group: '公开事项', width: 12 },
    { key: 'level2', label: '二级事项', group: '公开事项', width: 14 },
  ];
  if (opts.level3) cols.push({ key: 'level3', label: '三级事项', group: '公开事项', width: 14 });
  cols.push(
    { key: 'elements', label: '公开内容（要素）', group: null, width: 36 },
    { key: 'basis', label: '公开依据', group: null, width: 28 },
    { key: 'timeLimit', label: '公开时限', group: null, width: 18 },
    { key: 'subject', label: '公开主体', group: null, width: 18 },
    { key: 'channels', label: '公开渠道和载体', group: null, width: 36 },
    { key: 'audiencePublic', label: '全社会', group: '公开对象', width: 7 },
    { key: 'audienceSpecific', label: '特定群体', group: '公开对象', width: 10 },
    { key: 'modeProactive', label: '主动', group: '公开方式', width: 6 },
    { key: 'modeOnRequest', label: '依申请', group: '公开方式', width: 7 },
    { key: 'county', label: '县级', group: '公开层级', width: 6 },
    { key: 'township', label: '乡级', group: '公开层级', width: 6 },
  );
  if (opts.village) cols.push({ key: 'village', label: '村级', group: '公开层级', width: 6 });
  return cols;
}

export function columnsFor(items: CatalogItemData[]): LayoutColumn[] {
  return catalogColumns({
    level3: items.some((i) => !!i.level3),
    village: items.some((i) => i.tiers.includes('village')),
  });
}

/** Items grouped by domain, domains in order of first appearance, item order kept. */
export function groupByDomain(items: CatalogItemData[]): { domain: string; items: CatalogItemData[] }[] {
  const map = new Map<string, CatalogItemData[]>();
  for (const item of items) {
    const list = map.get(item.domain);
    if (list) list.push(item);
    else map.set(item.domain, [item]);
  }
  return [...map].map(([domain, list]) => ({ domain, items: list }));
}

export const TICK = '√';

export function specificText(item: CatalogItemData): string {
  if (!item.audienceSpecific) return '';
  return item.specificGroup ? `${TICK}（${item.specificGroup}）` : TICK;
}

/** Plain cell text of a column for one item (channels: see the callers). */
export function fieldText(item: CatalogItemData, key: FieldKey, seq: number): string {
  switch (key) {
    case 'seq':
      return String(seq);
    case 'level1':
      return item.level1;
    case 'level2':
      return item.level2 ?? '';
    case 'level3':
      return item.level3 ?? '';
    case 'elements':
      return item.elements;
    case 'basis':
      return item.basis;
    case 'timeLimit':
      return item.timeLimit;
    case 'subject':
      return item.subject;
    case 'channels':
      return tickedChannelNames(item).join('\n');
    case 'audiencePublic':
      return item.audiencePublic ? TICK : '';
    case 'audienceSpecific':
      return specificText(item);
    case 'modeProactive':
      return item.modeProactive ? TICK : '';
    case 'modeOnRequest':
      return item.modeOnRequest ? TICK : '';
    case 'county':
    case 'township':
    case 'village':
      return item.tiers.includes(key) ? TICK : '';
  }
}

/** The ticked channels by name: standard ones in the standard order, then the extra ones. */
export function tickedChannelNames(item: CatalogItemData): string[] {
  return [...STANDARD_CHANNELS.filter((c) => item.channels.includes(c)), ...item.extraChannels];
}

/** The ■/□ checklist of the template: 13 standard lines, then one ■ line per extra channel. */
export function channelChecklist(item: CatalogItemData): string[] {
  const lines = STANDARD_CHANNELS.map((c) => (item.channels.includes(c) ? '■' : '□') + c);
  for (const extra of item.extraChannels) {
    // A name that would not be read back as itself is written as 其他：name.
    const plain =
      cleanChannelName(extra) === extra &&
      looksLikePlatform(normChannelName(extra)) &&
      standardChannel(extra) === null &&
      !OTHER_DETAIL.test(extra) &&
      !/[■□☑☐\n]/.test(extra);
    lines.push('■' + (plain ? extra : `其他：${extra}`));
  }
  return lines;
}

/** Columns whose cells are centred (序号 and the ticks). */
export const CENTERED = new Set<FieldKey>([
  'seq',
  'audiencePublic',
  'audienceSpecific',
  'modeProactive',
  'modeOnRequest',
  'county',
  'township',
  'village',
]);

/** Hidden sheet holding sheet name → domain when a sheet name cannot carry the domain. */
export const DOMAIN_SHEET = '_gongkai_domains';

const SHEET_NAME_REPLACEMENTS: Record<string, string> = {
  '[': '【',
  ']': '】',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
};

function chars(s: string): string[] {
  return Array.from(s);
}

/** A valid, unique worksheet name for a domain (max 31 chars, none of []:*?/\ and no ' quotes). */
export function sheetNameFor(domain: string, used: Set<string>): string {
  let base = domain
    .replace(/[[\]:*?/\\]/g, (c) => SHEET_NAME_REPLACEMENTS[c])
    .replace(/[\u0000-\u001f]/g, '')
    .trim()
    .replace(/'/g, '’');
  if (!base || base.toLowerCase() === 'history') base = '目录';
  base = chars(base).slice(0, 31).join('');
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `（${n}）`;
    name =
      chars(base)
        .slice(0, 31 - suffix.length)
        .join('') + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

const GENERIC_SHEET = /^(sheet|工作表)\s*\d*$/i;

/** Domain read from a sheet name: a trailing 领域 is dropped; generic names give null. */
export function domainFromSheetName(name: string): string | null {
  const n = name.trim();
  if (!n || GENERIC_SHEET.test(n)) return null;
  return n.endsWith('领域') && n.length > 2 ? n.slice(0, -2) : n;
}

// XML 1.0 cannot carry these; exceljs would write a broken file.
export const stripControl = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
