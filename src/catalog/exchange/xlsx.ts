/**
 * Excel exchange of the 政务公开事项标准目录 (regulations §7 template): export in the standard
 * two-row-header layout, import of the files county offices send back (tolerating the template
 * variants seen in local catalogs, xlsx-import.ts). Import is all or nothing: any error → no items.
 */
import type ExcelJS from 'exceljs';

/** exceljs is loaded on first use (it is large and most requests never need it). */
const loadExcel = async () => (await import('exceljs')).default;
import type { CatalogItemData } from '../model.js';
import {
  type CatalogMeta,
  CENTERED,
  channelChecklist,
  columnsFor,
  DOMAIN_SHEET,
  domainFromSheetName,
  fieldText,
  groupByDomain,
  sheetNameFor,
  stripControl,
} from './layout.js';

export type { CatalogMeta, ImportError, ImportResult } from './layout.js';
export { DEFAULT_MAX_BYTES, MSG_NOT_XLSX, xlsxToCatalog } from './xlsx-import.js';

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_ROWS = 2;
const FIRST_DATA_ROW = 2 + HEADER_ROWS;

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
