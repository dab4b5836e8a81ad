/** exceljs is loaded on first use (it is large and most requests never need it). */
const loadExcel = async () => (await import('exceljs')).default;
import { countyOf, jurisdictionByCode } from '../org/api.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { assertCan, auditActor, can, type Actor } from '../platform/access.js';
import { getCatalog, progressBoard } from './catalogs.js';
import type { ImportError } from './exchange/xlsx.js';
import type { CatalogItemData } from './model.js';
import { replaceServiceItems, type ServiceItemRow, serviceItemsAt } from './store/services.js';

export type ServiceItem = ServiceItemRow;

export class ServiceImportFailed extends Error {
  constructor(readonly errors: ImportError[]) {
    super(`导入失败，未做任何修改。共 ${errors.length} 处错误。`);
  }
}

const HEADERS: Record<keyof ServiceItem, RegExp> = {
  name: /^(事项名称|政务服务事项名称|服务事项名称|名称)$/,
  code: /^(事项编码|实施编码|基本编码|事项代码|编码)$/,
  unitName: /^(实施主体|实施机构|办理部门|责任单位|实施单位)$/,
  category: /^(事项类型|事项类别|类型|类别)$/,
};

const norm = (s: string) =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]/g, '（')
    .replace(/[)）]/g, '）');
const letter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Parse CSV text (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Read the list from .xlsx or .csv; every bad cell is reported by sheet, row and column. */
export async function readServiceList(
  filename: string,
  body: Buffer,
): Promise<{ items: ServiceItem[]; errors: ImportError[] }> {
  let table: string[][] = [];
  let sheet = '';
  if (/\.csv$/i.test(filename)) {
    sheet = filename;
    table = parseCsv(body.toString('utf8'));
  } else if (/\.xlsx$/i.test(filename)) {
    if (body.subarray(0, 4).toString('latin1') !== 'PK\x03\x04')
      return {
        items: [],
        errors: [{ sheet: '', row: 0, column: '', message: '文件不是 Excel（.xlsx）格式，未导入。' }],
      };
    const wb = new (await loadExcel()).Workbook();
    try {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      return {
        items: [],
        errors: [{ sheet: '', row: 0, column: '', message: '文件不是 Excel（.xlsx）格式，未导入。' }],
      };
    }
    const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.rowCount > 0);
    if (!ws) return { items: [], errors: [{ sheet: '', row: 0, column: '', message: '文件中没有数据，未导入。' }] };
    sheet = ws.name;
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: string[] = [];
      r.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cell.text ?? ''));
      table[n - 1] = cells;
    });
    table = Array.from(table, (r) => r ?? []);
  } else
    return { items: [], errors: [{ sheet: '', row: 0, column: '', message: '只能导入 .xlsx 或 .csv 文件，未导入。' }] };

  const headerIndex = table.findIndex((r) => r.some((c) => HEADERS.name.test(norm(c ?? ''))));
  if (headerIndex < 0) return { items: [], errors: [{ sheet, row: 0, column: '', message: '未找到“事项名称”列' }] };
  const cols: Partial<Record<keyof ServiceItem, number>> = {};
  table[headerIndex].forEach((h, i) => {
    for (const [k, re] of Object.entries(HEADERS) as [keyof ServiceItem, RegExp][])
      if (re.test(norm(h ?? '')) && cols[k] === undefined) cols[k] = i;
  });
  const items: ServiceItem[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (let r = headerIndex + 1; r < table.length; r++) {
    const row = table[r] ?? [];
    if (row.every((c) => !c?.trim())) continue;
    const get = (k: keyof ServiceItem) => (cols[k] === undefined ? null : (row[cols[k]!] ?? '').trim() || null);
    const name = get('name');
    if (!name) {
      errors.push({ sheet, row: r + 1, column: letter(cols.name! + 1), message: '缺少事项名称' });
      continue;
    }
    if (name.length > 200)
      errors.push({ sheet, row: r + 1, column: letter(cols.name! + 1), message: '事项名称超过 200 个字' });
    const key = `${norm(name)}|${get('unitName') ?? ''}`;
    if (seen.has(key))
      errors.push({ sheet, row: r + 1, column: letter(cols.name! + 1), message: `与第 ${seen.get(key)} 行重复` });
    seen.set(key, r + 1);
    items.push({ name, code: get('code'), unitName: get('unitName'), category: get('category') });
  }
  if (!errors.length && items.length === 0)
    errors.push({ sheet, row: 0, column: '', message: '文件中没有政务服务事项，未导入。' });
  return { items: errors.length ? [] : items, errors };
}

export async function importServiceItems(
  db: Db,
  actor: Actor,
  scope: { code: string; jurisdictionId: number; name: string },
  filename: string,
  body: Buffer,
): Promise<number> {
  assertCan(actor, 'serviceItems.import', { id: 0, jurisdictionCode: scope.code });
  const r = await readServiceList(filename, body);
  if (r.errors.length) throw new ServiceImportFailed(r.errors);
  const who = auditActor(actor);
  const now = nowIso();
  await db.k.transaction().execute(async (trx) => {
    await replaceServiceItems(trx, scope.code, r.items, who.name, now);
    await writeAudit(trx, who, {
      action: 'service_items.import',
      objectType: 'service_items',
      objectId: scope.code,
      jurisdictionId: scope.jurisdictionId,
      summary: `${scope.name}从 ${filename} 导入政务服务事项清单 ${r.items.length} 项（替换原清单）`,
      after: { items: r.items.length },
    });
  });
  return r.items.length;
}

/** The 政务服务事项 list of the county that a jurisdiction (given by its code) belongs to. */
export async function serviceItemsOf(db: Db, code: string): Promise<ServiceItem[]> {
  const j = await jurisdictionByCode(db.k, code);
  const county = j ? ((await countyOf(db.k, j.id))?.code ?? code) : code;
  return serviceItemsAt(db.k, county);
}

// ---- alignment ---------------------------------------------------------------------------------

const SERVICE_WORDS =
  /(办理|申请|审批|许可|登记|备案|认定|确认|核准|核发|给付|补贴|补助|发放|证明|变更|注销|年检|审核)/;
const GENERIC = /^(办事指南|办理流程|办理程序|服务指南|申请条件|办理结果|审批结果|审核信息|审批信息|审核审批信息)$/;

/** The name under which an item would appear in the service list, or null when it is not a 办事服务 item. */
export function serviceNameOf(i: Pick<CatalogItemData, 'level1' | 'level2' | 'level3'>): string | null {
  const levels = [i.level3, i.level2, i.level1].filter((x): x is string => Boolean(x));
  const deepest = levels[0];
  if (!deepest) return null;
  if (GENERIC.test(norm(deepest))) return levels[1] ?? null; // “办事指南” under “最低生活保障” → 最低生活保障
  return SERVICE_WORDS.test(deepest) ? deepest : null;
}

const bigrams = (s: string) => {
  const t = norm(s);
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
};

/** Dice similarity of character bigrams (0–1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return (2 * n) / (x.size + y.size);
}

export interface Mismatch {
  itemId: number;
  name: string;
  suggestions: { name: string; score: number }[];
}

/** Items whose service name is not in the list, with up to three closest names. */
export function alignItems(
  items: (Pick<CatalogItemData, 'level1' | 'level2' | 'level3'> & { id: number })[],
  services: ServiceItem[],
): Mismatch[] {
  const names = [...new Set(services.map((s) => s.name))];
  const exact = new Set(names.map(norm));
  const out: Mismatch[] = [];
  for (const i of items) {
    const name = serviceNameOf(i);
    if (!name || exact.has(norm(name))) continue;
    const suggestions = names
      .map((n) => ({ name: n, score: Math.round(similarity(name, n) * 100) / 100 }))
      .filter((s) => s.score >= 0.3)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, 3);
    out.push({ itemId: i.id, name, suggestions });
  }
  return out;
}

/** The 政务服务事项 page: the county's list, whether the actor may import, and per unit the items whose names differ. */
export async function serviceAlignment(db: Db, actor: Actor, scope: { code: string }) {
  const list = await serviceItemsOf(db, scope.code);
  const canImport = can(actor, 'serviceItems.import', { id: 0, jurisdictionCode: scope.code });
  const board = (await progressBoard(db, actor)).filter((b) => b.catalogId);
  const report: { unit: string; catalogId: number; mismatches: Mismatch[] }[] = [];
  if (list.length) {
    for (const b of board) {
      const v = await getCatalog(db, actor, b.catalogId!);
      const m = alignItems(v.items, list);
      if (m.length) report.push({ unit: b.unit.name, catalogId: b.catalogId!, mismatches: m });
    }
  }
  return { list, canImport, report };
}
