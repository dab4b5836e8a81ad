/**
 * Excel exchange of the 政务公开事项标准目录 (regulations §7 template): export in the standard
 * two-row-header layout, import of the files county offices send back (tolerating the template
 * variants seen in local catalogs). Import is all or nothing: any error → no items.
 */
import type ExcelJS from 'exceljs';

/** exceljs is loaded on first use (it is large and most requests never need it). */
const loadExcel = async () => (await import('exceljs')).default;
import {
  CHANNEL_ALIASES,
  STANDARD_CHANNELS,
  TIERS,
  type CatalogItemData,
  type StandardChannel,
  type Tier,
} from '../model.js';

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

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Guard against ZIP bombs: the unpacked parts may be at most this multiple of the size limit. */
const MAX_UNZIP_RATIO = 30;

export const MSG_NOT_XLSX = '文件不是 Excel（.xlsx）格式，未导入。';

// ---------------------------------------------------------------------------------------------
// Layout shared by the Excel and Word exports
// ---------------------------------------------------------------------------------------------

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

const PLATFORM_SUFFIX = /(平台|网站|网|系统|热线|App|APP|app|客户端|小程序|公众号|视频号|专栏|专区|微博|微信)$/;

/** Unknown channel names are accepted as extra channels only when they name a platform/system. */
export function looksLikePlatform(name: string): boolean {
  return PLATFORM_SUFFIX.test(name);
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

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
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
const HEADER_ROWS = 2;
const FIRST_DATA_ROW = 2 + HEADER_ROWS;

/** Hidden sheet holding sheet name → domain when a sheet name cannot carry the domain. */
const DOMAIN_SHEET = '_gongkai_domains';

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
function sheetNameFor(domain: string, used: Set<string>): string {
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
function domainFromSheetName(name: string): string | null {
  const n = name.trim();
  if (!n || GENERIC_SHEET.test(n)) return null;
  return n.endsWith('领域') && n.length > 2 ? n.slice(0, -2) : n;
}

// XML 1.0 cannot carry these; exceljs would write a broken file.
const stripControl = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** Display width of a line in Excel width units (CJK and full-width ≈ 2, others ≈ 1). */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6■□√●]/.test(ch)
      ? 2
      : 1;
  return w;
}

function estimateLines(text: string, width: number): number {
  const perLine = Math.max(1, width - 1.5);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
}

const escapeHeaderFooter = (s: string) => s.replace(/&/g, '&&');

export async function catalogToXlsx(meta: CatalogMeta, items: CatalogItemData[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = meta.unitName;
  wb.lastModifiedBy = meta.unitName;
  wb.company = meta.unitName;
  wb.title = meta.title;
  if (meta.version) wb.description = `版本：${meta.version}`;

  const groups = groupByDomain(items);
  if (groups.length === 0) groups.push({ domain: '', items: [] });
  const used = new Set<string>([DOMAIN_SHEET.toLowerCase()]);
  const domainMap: [string, string][] = [];
  let needMap = false;

  const footer =
    `&L${escapeHeaderFooter(meta.unitName)}&C第 &P 页，共 &N 页` +
    (meta.version ? `&R版本：${escapeHeaderFooter(meta.version)}` : '');

  for (const group of groups) {
    const name = sheetNameFor(group.domain, used);
    domainMap.push([name, group.domain]);
    if (group.items.length > 0 && domainFromSheetName(name) !== group.domain) needMap = true;

    const cols = columnsFor(group.items);
    const ws = wb.addWorksheet(name, {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: `2:${1 + HEADER_ROWS}`,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: footer },
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 + HEADER_ROWS }],
    });
    for (const [i, c] of cols.entries()) ws.getColumn(i + 1).width = c.width;
    const n = cols.length;

    // Title
    ws.mergeCells(1, 1, 1, n);
    const title = ws.getCell(1, 1);
    title.value = stripControl(meta.title);
    title.font = { name: FONT, size: 16, bold: true, charset: 134 };
    title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(1).height = 36;

    // Two-row header
    for (let r = 2; r <= 1 + HEADER_ROWS; r++) {
      ws.getRow(r).height = 24;
      for (let c = 1; c <= n; c++) {
        const cell = ws.getCell(r, c);
        cell.font = { name: FONT, size: 10, bold: true, charset: 134 };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = BORDER;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
    }
    for (let c = 1; c <= n; ) {
      const col = cols[c - 1];
      if (!col.group) {
        ws.getCell(2, c).value = col.label;
        ws.mergeCells(2, c, 3, c);
        c++;
        continue;
      }
      let end = c;
      while (end < n && cols[end].group === col.group) end++;
      ws.getCell(2, c).value = col.group;
      if (end > c) ws.mergeCells(2, c, 2, end);
      for (let k = c; k <= end; k++) ws.getCell(3, k).value = cols[k - 1].label;
      c = end + 1;
    }

    // Data
    group.items.forEach((item, idx) => {
      const r = FIRST_DATA_ROW + idx;
      const row = ws.getRow(r);
      let lines = 1;
      cols.forEach((col, ci) => {
        const cell = row.getCell(ci + 1);
        if (col.key === 'seq') {
          cell.value = idx + 1;
        } else {
          const text = stripControl(
            col.key === 'channels' ? channelChecklist(item).join('\n') : fieldText(item, col.key, idx + 1),
          );
          cell.value = text === '' ? null : text;
          lines = Math.max(lines, estimateLines(text, col.width));
        }
        cell.font = { name: FONT, size: 10, charset: 134 };
        cell.alignment = {
          horizontal: CENTERED.has(col.key) ? 'center' : 'left',
          vertical: 'middle',
          wrapText: true,
        };
        cell.border = BORDER;
      });
      row.height = Math.min(409, Math.max(20, lines * 13.5 + 4));
    });
  }

  if (needMap) {
    const ms = wb.addWorksheet(DOMAIN_SHEET, { state: 'veryHidden' });
    ms.addRow(['工作表', '所属领域']);
    for (const [sheet, domain] of domainMap) ms.addRow([sheet, stripControl(domain)]);
  }

  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out);
}

// ---------------------------------------------------------------------------------------------
// Import: header recognition
// ---------------------------------------------------------------------------------------------

type ImportField = FieldKey | 'townshipVillage' | 'domain' | 'ignore';

/** Header text normalised: no whitespace, full-width brackets. */
function normHeader(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

const EXACT_HEADERS: Record<string, ImportField> = {
  序号: 'seq',
  编号: 'seq',
  所属领域: 'domain',
  领域: 'domain',
  一级事项: 'level1',
  二级事项: 'level2',
  三级事项: 'level3',
  '公开内容（要素）': 'elements',
  公开内容要素: 'elements',
  公开内容: 'elements',
  公开要素: 'elements',
  公开依据: 'basis',
  公开时限: 'timeLimit',
  公开主体: 'subject',
  公开渠道和载体: 'channels',
  公开渠道及载体: 'channels',
  公开渠道与载体: 'channels',
  公开渠道: 'channels',
  公开载体: 'channels',
  全社会: 'audiencePublic',
  主动: 'modeProactive',
  主动公开: 'modeProactive',
  依申请: 'modeOnRequest',
  依申请公开: 'modeOnRequest',
  县级: 'county',
  县区级: 'county',
  '县（区）级': 'county',
  '县（市）级': 'county',
  '县（市、区）级': 'county',
  '县（市区）级': 'county',
  乡级: 'township',
  镇级: 'township',
  乡镇级: 'township',
  '乡（镇）级': 'township',
  '乡镇（街道）级': 'township',
  '乡（镇、街道）级': 'township',
  街道级: 'township',
  村级: 'village',
  '村（社区）级': 'village',
  '村（居）级': 'village',
  社区级: 'village',
  备注: 'ignore',
  说明: 'ignore',
  过程: 'ignore',
  五公开: 'ignore',
  公开属性: 'ignore',
};

const SPECIFIC_HEADER = /^特定(群体|群众|对象)(（[^（）]*）)?$/;
const TOWNSHIP_VILLAGE_HEADER = /^(乡|镇|乡镇)级?[、/／]村级?$/;
const FIVE_PUBLIC_HEADER = /^(决策|执行|管理|服务|结果)(公开)?$/;

function classifyHeader(label: string): ImportField | null {
  if (Object.hasOwn(EXACT_HEADERS, label)) return EXACT_HEADERS[label];
  if (SPECIFIC_HEADER.test(label)) return 'audienceSpecific';
  if (TOWNSHIP_VILLAGE_HEADER.test(label)) return 'townshipVillage';
  if (FIVE_PUBLIC_HEADER.test(label)) return 'ignore';
  return null;
}

const SUB_HEADER_FIELDS = new Set<ImportField>([
  'level1',
  'level2',
  'level3',
  'audiencePublic',
  'audienceSpecific',
  'modeProactive',
  'modeOnRequest',
  'county',
  'township',
  'village',
  'townshipVillage',
]);

/** Labels used in messages about missing columns. */
const FIELD_LABELS: Record<string, string> = {
  level1: '一级事项',
  elements: '公开内容（要素）',
  timeLimit: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
};

export function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const a = { col: columnNumber(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

function valueText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return valueText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof t === 'string' ? t : valueText(t as ExcelJS.CellValue);
    }
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  return valueText(ws.getCell(row, col).value)
    .replace(/\r\n?/g, '\n')
    .replace(/_x000D_/g, '')
    .trim();
}

/** True when the cell is covered by a merge whose top-left cell is elsewhere. */
function isMergeSlave(ws: ExcelJS.Worksheet, row: number, col: number): boolean {
  const cell = ws.getCell(row, col);
  return cell.isMerged && cell.master.address !== cell.address;
}

interface HeaderColumn {
  col: number;
  field: ImportField;
  label: string;
}

interface Header {
  row: number;
  dataStart: number;
  columns: HeaderColumn[];
  errors: ImportError[];
}

function findHeaderRow(ws: ExcelJS.Worksheet, lastCol: number): number | null {
  const limit = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= limit; r++) {
    let known = 0;
    let seqOrItem = false;
    for (let c = 1; c <= lastCol; c++) {
      const label = normHeader(cellText(ws, r, c));
      if (!label) continue;
      if (label === '序号' || label === '公开事项' || label === '一级事项') seqOrItem = true;
      if (
        label === '公开事项' ||
        label === '公开对象' ||
        label === '公开方式' ||
        label === '公开层级' ||
        classifyHeader(label)
      )
        known++;
    }
    if (seqOrItem && known >= 3) return r;
  }
  return null;
}

function readHeader(ws: ExcelJS.Worksheet, sheet: string, lastCol: number): Header | null {
  const r = findHeaderRow(ws, lastCol);
  if (r === null) return null;

  // Second header row: at least two cells below are sub-labels (一级事项, 全社会, 主动, 县级, …)
  // of their own (one could be data that happens to read 县级).
  let subLabels = 0;
  for (let c = 1; c <= lastCol && r < ws.rowCount; c++) {
    const f = classifyHeader(normHeader(cellText(ws, r + 1, c)));
    if (f && SUB_HEADER_FIELDS.has(f) && !isMergeSlave(ws, r + 1, c)) subLabels++;
  }
  const twoRows = subLabels >= 2;

  const errors: ImportError[] = [];
  const columns: HeaderColumn[] = [];
  const seen = new Map<ImportField, number>();
  const dataStart = r + (twoRows ? 2 : 1);

  for (let c = 1; c <= lastCol; c++) {
    const top = cellText(ws, r, c);
    const sub = twoRows && !isMergeSlave(ws, r + 1, c) ? cellText(ws, r + 1, c) : '';
    const raw = sub || top;
    const labelRow = sub ? r + 1 : r;
    const label = normHeader(raw);
    const letter = columnLetter(c);
    if (!label) {
      // A column without a header is fine as long as it holds nothing.
      let hasData = false;
      for (let d = dataStart; d <= ws.rowCount && !hasData; d++) hasData = cellText(ws, d, c) !== '';
      if (hasData) errors.push({ sheet, row: r, column: letter, message: '该列没有表头，无法判断内容属于哪一项' });
      continue;
    }
    let field = classifyHeader(label);
    // A single 公开事项 column without sub-labels holds the 一级事项.
    if (!field && label === '公开事项') field = 'level1';
    if (!field) {
      errors.push({ sheet, row: labelRow, column: letter, message: `无法识别的表头“${raw.replace(/\s+/g, '')}”` });
      continue;
    }
    if (field === 'ignore') continue;
    if (seen.has(field)) {
      errors.push({ sheet, row: labelRow, column: letter, message: `表头“${raw.replace(/\s+/g, '')}”重复` });
      continue;
    }
    seen.set(field, c);
    columns.push({ col: c, field, label: raw });
  }

  const has = (f: ImportField) => seen.has(f);
  for (const f of ['level1', 'elements', 'timeLimit', 'subject', 'channels'] as const) {
    if (!has(f)) errors.push({ sheet, row: r, column: FIELD_LABELS[f], message: `缺少“${FIELD_LABELS[f]}”列` });
  }
  if (!has('audiencePublic') && !has('audienceSpecific'))
    errors.push({ sheet, row: r, column: '公开对象', message: '缺少“公开对象”列（全社会、特定群体）' });
  if (!has('modeProactive') && !has('modeOnRequest'))
    errors.push({ sheet, row: r, column: '公开方式', message: '缺少“公开方式”列（主动、依申请）' });
  if (!has('county') && !has('township') && !has('village') && !has('townshipVillage'))
    errors.push({ sheet, row: r, column: '公开层级', message: '缺少“公开层级”列（县级、乡级）' });

  return { row: r, dataStart, columns, errors };
}

// ---------------------------------------------------------------------------------------------
// Import: cell values
// ---------------------------------------------------------------------------------------------

const TRUE_MARKS = new Set(['√', '✓', '✔', '●', '是', '■', '☑']);
const FALSE_MARKS = new Set(['', '×', '否', '□', '☐', '✗', '✘']);

type Tick = { ok: true; value: boolean } | { ok: false };

function parseTick(text: string): Tick {
  const t = text.replace(/\s+/g, '');
  if (TRUE_MARKS.has(t)) return { ok: true, value: true };
  if (FALSE_MARKS.has(t)) return { ok: true, value: false };
  return { ok: false };
}

const tickError = (text: string) => `无法识别的勾选标记“${text}”（应为“√”或空白）`;

const SPECIFIC_WITH_GROUP = /^[√✓✔●是■☑]\s*(?:[（(](.*)[）)]|[:：]?\s*(.*))$/s;

/** 特定群体 cell: a tick, a tick with the group (√（低保对象）), or the group name alone. */
function parseSpecific(text: string): { ok: true; value: boolean; group: string | null } | { ok: false } {
  const tick = parseTick(text);
  if (tick.ok) return { ok: true, value: tick.value, group: null };
  if (text.trim() === '无') return { ok: true, value: false, group: null };
  const m = SPECIFIC_WITH_GROUP.exec(text);
  if (m) {
    const group = (m[1] ?? m[2] ?? '').trim();
    return { ok: true, value: true, group: group || null };
  }
  // 特定群体（请写明）: offices often just write the group.
  if (/\p{Script=Han}/u.test(text)) return { ok: true, value: true, group: text.trim() };
  return { ok: false };
}

/** A channel name as written, without surrounding blanks and list separators. */
function cleanChannelName(s: string): string {
  return s.replace(/^[\s\u3000、，,；;]+|[\s\u3000、，,；;。]+$/g, '');
}

function normChannelName(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/／/g, '/')
    .replace(/[、，,；;。.：:]+$/, '')
    .replace(/^[、，,；;]+/, '');
}

const ALIASES: Map<string, StandardChannel> = (() => {
  const m = new Map<string, StandardChannel>();
  for (const c of STANDARD_CHANNELS) m.set(normChannelName(c), c);
  for (const [k, v] of Object.entries(CHANNEL_ALIASES)) m.set(normChannelName(k), v);
  const local: Record<string, StandardChannel> = {
    发布会: '发布会/听证会',
    听证会: '发布会/听证会',
    '发布会、听证会': '发布会/听证会',
    入户: '入户/现场',
    现场: '入户/现场',
    '入户、现场': '入户/现场',
    '社区、企事业单位、村公示栏（电子屏）': '社区/企事业单位/村公示栏（电子屏）',
    '社区、企事业单位、村公示栏': '社区/企事业单位/村公示栏（电子屏）',
    '社区/企事业单位/村公示栏电子屏': '社区/企事业单位/村公示栏（电子屏）',
    纸质媒介: '纸质媒体',
    政务服务大厅: '政务服务中心',
  };
  for (const [k, v] of Object.entries(local)) m.set(normChannelName(k), v);
  return m;
})();

function standardChannel(name: string): StandardChannel | null {
  return ALIASES.get(normChannelName(name)) ?? null;
}

/** 其他：办税服务厅 / 其他（办税服务厅）: the 其他 box with a named channel. */
const OTHER_DETAIL = /^其他\s*(?:[:：]\s*(.+)|[（(](.+)[）)])$/s;

// Multi-part standard names that a list split on 、 would tear apart.
const PROTECTED_NAMES: [RegExp, string][] = [
  [/社区[、/／]企事业单位[、/／]村公示栏(?:[（(]电子屏[）)])?/g, '社区/企事业单位/村公示栏（电子屏）'],
  [/发布会[、/／]听证会/g, '发布会/听证会'],
  [/入户[、/／]现场/g, '入户/现场'],
];

interface ChannelResult {
  channels: StandardChannel[];
  extra: string[];
  unknown: string[];
}

function parseChannels(text: string): ChannelResult {
  const ticked = new Set<StandardChannel>();
  const extra: string[] = [];
  const unknown: string[] = [];
  let otherExplicit: boolean | null = null;
  let otherImplied = false;

  const entries: { name: string; on: boolean }[] = [];
  if (/[■□☑☐]/.test(text)) {
    const lead = text.split(/[■□☑☐]/)[0];
    for (const name of lead.split(/[\n、，,；;]+/)) if (normChannelName(name)) entries.push({ name, on: true });
    const re = /([■□☑☐])([^■□☑☐]*)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) entries.push({ name: m[2], on: m[1] === '■' || m[1] === '☑' });
  } else {
    let t = text;
    for (const [re, canonical] of PROTECTED_NAMES) t = t.replace(re, canonical);
    for (const name of t.split(/[\n、，,；;\s\u3000]+/)) entries.push({ name, on: true });
  }

  for (const e of entries) {
    const raw = cleanChannelName(e.name);
    const name = normChannelName(raw);
    if (!name) continue;
    const other = OTHER_DETAIL.exec(raw);
    if (other) {
      const detail = cleanChannelName(other[1] ?? other[2]);
      if (e.on) {
        otherImplied = true;
        if (!extra.includes(detail)) extra.push(detail);
      }
      continue;
    }
    const std = standardChannel(name);
    if (std) {
      if (std === '其他') otherExplicit = (otherExplicit ?? false) || e.on;
      else if (e.on) ticked.add(std);
      continue;
    }
    if (looksLikePlatform(name)) {
      if (e.on && !extra.includes(raw)) extra.push(raw);
      continue;
    }
    if (!unknown.includes(raw)) unknown.push(raw);
  }
  if (otherExplicit ?? otherImplied) ticked.add('其他');
  return { channels: STANDARD_CHANNELS.filter((c) => ticked.has(c)), extra, unknown };
}

// ---------------------------------------------------------------------------------------------
// Import: ZIP pre-check
// ---------------------------------------------------------------------------------------------

/** Entry names and total unpacked size from the ZIP central directory; null if not a ZIP. */
function zipDirectory(buf: Buffer): { names: string[]; unpacked: number } | null {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return null;
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return null;
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > buf.length) return null;
  const names: string[] = [];
  let unpacked = 0;
  for (let p = cdOffset; p + 46 <= cdOffset + cdSize && buf.readUInt32LE(p) === 0x02014b50; ) {
    const size = buf.readUInt32LE(p + 24);
    unpacked += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { names, unpacked };
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  return `${bytes} 字节`;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

function fileError(message: string): ImportResult {
  return { items: [], errors: [{ sheet: '', row: 0, column: '', message }], sheets: [] };
}

function sheetHasContent(ws: ExcelJS.Worksheet): boolean {
  let found = false;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (!found) row.eachCell({ includeEmpty: false }, (cell) => (found ||= valueText(cell.value).trim() !== ''));
  });
  return found;
}

/** The domain named in a title such as “……标准目录（社会救助领域）”. */
function domainFromTitle(ws: ExcelJS.Worksheet, headerRow: number, lastCol: number): string | null {
  for (let r = 1; r < headerRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const m = /[（(]([^（）()]+?)领域[）)]/.exec(cellText(ws, r, c));
      if (m) return m[1].trim();
    }
  }
  return null;
}

export async function xlsxToCatalog(buf: Buffer, opts: { maxBytes?: number } = {}): Promise<ImportResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.length > maxBytes) return fileError(`文件超过 ${formatSize(maxBytes)}，未导入。`);
  const dir = zipDirectory(buf);
  if (!dir?.names.includes('xl/workbook.xml')) return fileError(MSG_NOT_XLSX);
  if (dir.unpacked > maxBytes * MAX_UNZIP_RATIO)
    return fileError(`文件解压后超过 ${formatSize(maxBytes * MAX_UNZIP_RATIO)}，未导入。`);

  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return fileError(MSG_NOT_XLSX);
  }
  if (wb.worksheets.length === 0) return fileError(MSG_NOT_XLSX);

  // Domains the exporter could not put in a sheet name.
  const domainBySheet = new Map<string, string>();
  const mapSheet = wb.getWorksheet(DOMAIN_SHEET);
  if (mapSheet) {
    for (let r = 2; r <= mapSheet.rowCount; r++) {
      const sheet = valueText(mapSheet.getCell(r, 1).value);
      if (sheet) domainBySheet.set(sheet, valueText(mapSheet.getCell(r, 2).value));
    }
  }

  const items: CatalogItemData[] = [];
  const errors: ImportError[] = [];
  const sheets: string[] = [];

  for (const ws of wb.worksheets) {
    if (ws === mapSheet || ws.state !== 'visible' || !sheetHasContent(ws)) continue;
    const sheet = ws.name;
    sheets.push(sheet);
    const lastCol = ws.columnCount;
    const header = readHeader(ws, sheet, lastCol);
    if (!header) {
      errors.push({
        sheet,
        row: 0,
        column: '',
        message: '未找到表头（应有“序号”“公开事项”“公开内容（要素）”等列名）',
      });
      continue;
    }
    if (header.errors.length) {
      errors.push(...header.errors);
      continue;
    }
    const col = new Map(header.columns.map((h) => [h.field, h.col]));
    const sheetDomain =
      domainBySheet.get(sheet) ?? domainFromSheetName(sheet) ?? domainFromTitle(ws, header.row, lastCol);
    if (sheetDomain === null && !col.has('domain')) {
      errors.push({
        sheet,
        row: 0,
        column: '',
        message: `无法确定工作表“${sheet}”的所属领域，请将工作表改名为领域名称（如“社会救助”）`,
      });
      continue;
    }

    // Merges in the data area: vertical ones fill down, horizontal ones are ambiguous.
    const badRows = new Set<number>();
    const merges = [...ws.model.merges]
      .map(parseRange)
      .filter((m): m is NonNullable<typeof m> => m !== null && m.bottom >= header.dataStart && m.right > m.left)
      .sort((a, b) => a.top - b.top || a.left - b.left);
    for (const m of merges) {
      const top = Math.max(m.top, header.dataStart);
      const rows = top === m.bottom ? `第${top}行` : `第${top}至${m.bottom}行`;
      errors.push({
        sheet,
        row: top,
        column: columnLetter(m.left),
        message: `${rows}的${columnLetter(m.left)}:${columnLetter(m.right)}为合并单元格，无法判断内容属于哪一列`,
      });
      for (let r = top; r <= m.bottom; r++) badRows.add(r);
    }

    for (let r = header.dataStart; r <= ws.rowCount; r++) {
      if (badRows.has(r)) continue;
      const text = (f: ImportField) => {
        const c = col.get(f);
        return c === undefined ? '' : cellText(ws, r, c);
      };
      // Blank rows (or rows holding only a 序号 or cells merged down from above) are skipped.
      const own = header.columns.some(
        (h) => h.field !== 'seq' && cellText(ws, r, h.col) !== '' && !isMergeSlave(ws, r, h.col),
      );
      if (!own) continue;

      const rowErrors: ImportError[] = [];
      const err = (f: ImportField, message: string) =>
        rowErrors.push({ sheet, row: r, column: columnLetter(col.get(f) ?? 0), message });
      const required = (f: ImportField, label: string) => {
        const v = text(f);
        if (!v) err(f, `缺少${label}`);
        return v;
      };
      const tick = (f: ImportField): boolean => {
        if (!col.has(f)) return false;
        const t = text(f);
        const v = parseTick(t);
        if (!v.ok) {
          err(f, tickError(t));
          return false;
        }
        return v.value;
      };
      const firstOf = (...fs: ImportField[]) => fs.find((f) => col.has(f)) ?? fs[0];

      const level1 = required('level1', '一级事项');
      const level2 = text('level2') || null;
      const level3 = text('level3') || null;
      const elements = required('elements', '公开内容（要素）');
      const basis = text('basis');
      const timeLimit = required('timeLimit', '公开时限');
      const subject = required('subject', '公开主体');

      const ch = parseChannels(text('channels'));
      for (const name of ch.unknown) err('channels', `未知的公开渠道“${name}”`);
      if (ch.unknown.length === 0 && ch.channels.length + ch.extra.length === 0)
        err('channels', '缺少公开渠道和载体（至少勾选一项）');

      const beforeAudience = rowErrors.length;
      const audiencePublic = tick('audiencePublic');
      let audienceSpecific = false;
      let specificGroup: string | null = null;
      if (col.has('audienceSpecific')) {
        const t = text('audienceSpecific');
        const s = parseSpecific(t);
        if (s.ok) {
          audienceSpecific = s.value;
          specificGroup = s.group;
        } else err('audienceSpecific', tickError(t));
      }
      if (rowErrors.length === beforeAudience && !audiencePublic && !audienceSpecific)
        err(firstOf('audiencePublic', 'audienceSpecific'), '缺少公开对象（至少勾选一项）');

      const before = rowErrors.length;
      const modeProactive = tick('modeProactive');
      const modeOnRequest = tick('modeOnRequest');
      if (rowErrors.length === before && !modeProactive && !modeOnRequest)
        err(firstOf('modeProactive', 'modeOnRequest'), '缺少公开方式（至少勾选一项）');

      const beforeTiers = rowErrors.length;
      const tierSet = new Set<Tier>();
      if (tick('county')) tierSet.add('county');
      if (tick('township')) tierSet.add('township');
      if (tick('village')) tierSet.add('village');
      if (tick('townshipVillage')) {
        tierSet.add('township');
        tierSet.add('village');
      }
      if (rowErrors.length === beforeTiers && tierSet.size === 0)
        err(firstOf('county', 'township', 'townshipVillage', 'village'), '缺少公开层级（至少勾选一项）');

      let domain = sheetDomain ?? '';
      const domainCell = text('domain');
      if (domainCell)
        domain = domainCell.endsWith('领域') && domainCell.length > 2 ? domainCell.slice(0, -2) : domainCell;
      if (!domain) err('domain', '缺少所属领域');

      if (rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      items.push({
        domain,
        level1,
        level2,
        level3,
        elements,
        basis,
        timeLimit,
        subject,
        channels: ch.channels,
        extraChannels: ch.extra,
        audiencePublic,
        audienceSpecific,
        specificGroup,
        modeProactive,
        modeOnRequest,
        tiers: TIERS.filter((t) => tierSet.has(t)),
      });
    }
  }

  return { items: errors.length ? [] : items, errors, sheets };
}
