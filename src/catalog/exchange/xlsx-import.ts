/**
 * Import from Excel: the files county offices send back, in the template's layout or the variants
 * seen in local catalogs. All or nothing: any error → no items, every error by sheet, row and column.
 */
import type ExcelJS from 'exceljs';

/** exceljs is loaded on first use (it is large and most requests never need it). */
const loadExcel = async () => (await import('exceljs')).default;
import { TIERS, type CatalogItemData, type Tier } from '../model.js';
import { parseChannels } from './channels.js';
import { DOMAIN_SHEET, domainFromSheetName, type ImportError, type ImportResult } from './layout.js';
import {
  cellText,
  columnLetter,
  type ImportField,
  isMergeSlave,
  parseRange,
  readHeader,
  valueText,
} from './xlsx-header.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Guard against ZIP bombs: the unpacked parts may be at most this multiple of the size limit. */
const MAX_UNZIP_RATIO = 30;

export const MSG_NOT_XLSX = '文件不是 Excel（.xlsx）格式，未导入。';

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
