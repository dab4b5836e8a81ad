/** Import from Excel, step one: finding and reading the header rows, and reading cells. */
import type ExcelJS from 'exceljs';
import type { FieldKey, ImportError } from './layout.js';

export type ImportField = FieldKey | 'townshipVillage' | 'domain' | 'ignore';

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

export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
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

export function valueText(v: ExcelJS.CellValue | undefined): string {
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

export function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  return valueText(ws.getCell(row, col).value)
    .replace(/\r\n?/g, '\n')
    .replace(/_x000D_/g, '')
    .trim();
}

/** True when the cell is covered by a merge whose top-left cell is elsewhere. */
export function isMergeSlave(ws: ExcelJS.Worksheet, row: number, col: number): boolean {
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

export function readHeader(ws: ExcelJS.Worksheet, sheet: string, lastCol: number): Header | null {
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
