/**
 * The statutory annual report of a unit (条例第四十九条、第五十条), 2021 format: sections 一, 五, 六
 * edited from a generated draft; table 2 第二十条第（一）项 computed from the published 规章 and
 * 行政规范性文件 (table2.ts), its other four cells entered; tables 3 and 4 computed from live
 * requests; the county government's report rolls up every unit of the county. Publishing freezes a
 * snapshot with the computed values as they are at publication.
 */
import type { Db } from '../platform/db.js';
import { nowIso, parseJson } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { NotFoundError, ValidationError, ConflictError } from '../platform/errors.js';
import { assertCan, auditActor, can, type Actor } from '../platform/access.js';
import * as org from '../org/api.js';
import { feesCharged } from '../requests/api.js';
import { defineSetting, readSetting } from '../platform/settings.js';
import { z } from '../platform/validation.js';
import * as store from './store.js';
import { table3ForUnits, table4ForUnits } from './statistics.js';
import { TABLE2_FIELDS, TABLE2_ENTERED, type Sections, type Table2 } from './model.js';
import { table2Of } from './table2.js';
import type { Table3 } from './table3.js';
import type { Table4 } from './table4.js';

export interface ReportData {
  unitName: string;
  year: number;
  rollUp: boolean;
  sections: Sections;
  table2: Table2;
  table3: Table3;
  table4: Table4;
  checks: string[];
}

const zero2 = (): Table2 => Object.fromEntries(TABLE2_FIELDS.map(([k]) => [k, 0])) as Table2;

/** Units whose requests count in the report: the unit, or every unit of the county for the county government. */
async function scopeUnits(db: Db, unitId: number) {
  const unit = await org.unitById(db.k, unitId);
  if (!unit) throw new NotFoundError('该单位不存在。');
  if (unit.kind !== 'county_government') return { unit, ids: [unit.id], rollUp: false };
  const all = await org.unitsUnder(db.k, unit.jurisdiction_code);
  return { unit, ids: all.map((u) => u.id), rollUp: true };
}

export function draftSections(unitName: string, year: number, t3: Table3, _t4: Table4, feesCharged: number): Sections {
  return {
    one: `本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和《中华人民共和国政府信息公开工作年度报告格式》编制，所列数据统计期限为${year}年1月1日至12月31日。\n（一）主动公开。\n（二）依申请公开。${year}年${unitName}新收政府信息公开申请${t3.newReceived.total}件，上年结转${t3.carriedOver.total}件，办结${t3.total.total}件，结转下年度继续办理${t3.carryForward.total}件。\n（三）政府信息管理。\n（四）政府信息公开平台建设。\n（五）监督保障。`,
    five: `${year}年，${unitName}政府信息公开工作存在的主要问题：\n改进情况：`,
    six: `${feesCharged ? `依据《政府信息公开信息处理费管理办法》规定，${year}年${unitName}发出收费通知的信息处理费共计${feesCharged}元。` : `${year}年${unitName}未收取信息处理费。`}`,
  };
}

export async function reportFor(
  db: Db,
  actor: Actor,
  unitId: number,
  year: number,
): Promise<{ data: ReportData; status: string; publishedAt: string | null; canEdit: boolean; canPublish: boolean }> {
  const { unit, ids, rollUp } = await scopeUnits(db, unitId);
  const ref = { id: unit.id, jurisdictionCode: unit.jurisdiction_code };
  assertCan(actor, 'catalog.view', ref, '您无权查看该单位的年度报告。');
  const row = await store.findReport(db.k, unit.id, year);
  const t3 = await table3ForUnits(db, ids, year);
  const t4 = await table4ForUnits(db, ids, year);
  const sections = row
    ? parseJson<Sections>(row.sections_json, draftSections(unit.name, year, t3.table, t4.table, 0))
    : draftSections(unit.name, year, t3.table, t4.table, await feesCharged(db.k, ids, year));
  // Only the entered cells are read from table2_json (reports saved before 0010 also hold the
  // 第二十条第（一）项 cells there; the computed values replace them).
  const stored = row ? parseJson<Partial<Table2>>(row.table2_json, {}) : {};
  const entered = Object.fromEntries(TABLE2_ENTERED.map(([k]) => [k, Number(stored[k] ?? 0) || 0]));
  const table2: Table2 = { ...zero2(), ...entered, ...(await table2Of(db, ids, year)) };
  return {
    data: {
      unitName: unit.name,
      year,
      rollUp,
      sections,
      table2,
      table3: t3.table,
      table4: t4.table,
      checks: [...t3.problems, ...t4.problems],
    },
    status: row?.status ?? 'draft',
    publishedAt: row?.published_at ?? null,
    canEdit: can(actor, 'report.edit', ref),
    canPublish: can(actor, 'report.publish', ref),
  };
}

export async function saveReport(
  db: Db,
  actor: Actor,
  unitId: number,
  year: number,
  raw: Record<string, unknown>,
): Promise<void> {
  const { unit } = await scopeUnits(db, unitId);
  assertCan(
    actor,
    'report.edit',
    { id: unit.id, jurisdictionCode: unit.jurisdiction_code },
    '您无权编辑该单位的年度报告。',
  );
  const errors: Record<string, string> = {};
  const sections: Sections = {
    one: String(raw.one ?? '').trim(),
    five: String(raw.five ?? '').trim(),
    six: String(raw.six ?? '').trim(),
  };
  for (const k of ['one', 'five', 'six'] as const)
    if (sections[k].length > 20000) errors[k] = '内容不能超过 20000 个字';
  if (!sections.one) errors.one = '请填写总体情况';
  // Only the entered cells; the 第二十条第（一）项 cells are computed and never saved as edits.
  const table2: Partial<Table2> = {};
  for (const [k, , col] of TABLE2_ENTERED) {
    const v = String(raw[k] ?? '0').trim() || '0';
    const ok = k === 'fees' ? /^\d+(\.\d{1,4})?$/.test(v) : /^\d+$/.test(v);
    if (!ok) errors[k] = k === 'fees' ? `${col}应为非负数（可有小数）` : `${col}应为非负整数`;
    else table2[k] = Number(v);
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const existing = await store.findReport(db.k, unit.id, year);
  if (existing?.status === 'published') throw new ConflictError('年度报告已发布，不能再修改。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    const values = {
      sections_json: JSON.stringify(sections),
      table2_json: JSON.stringify(table2),
      updated_at: nowIso(),
    };
    if (existing) await store.updateReport(trx, existing.id, values);
    else
      await store.insertReport(trx, {
        unit_id: unit.id,
        year,
        ...values,
        snapshot_json: null,
        status: 'draft',
        published_at: null,
      });
    await writeAudit(trx, who, {
      action: 'report.save',
      objectType: 'annual_report',
      objectId: `${unit.id}-${year}`,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `编辑${unit.name}${year}年政府信息公开工作年度报告`,
      after: { table2 },
    });
  });
}

/** Publish to the 政府信息公开工作年度报告 column; refused while the 勾稽 checks fail. */
export async function publishReport(db: Db, actor: Actor, unitId: number, year: number): Promise<void> {
  const { unit } = await scopeUnits(db, unitId);
  assertCan(
    actor,
    'report.publish',
    { id: unit.id, jurisdictionCode: unit.jurisdiction_code },
    '只有县政府办公室可以发布年度报告。',
  );
  const r = await reportFor(db, actor, unitId, year);
  const row = await store.findReport(db.k, unit.id, year);
  if (!row) throw new ValidationError({ _form: '请先编辑并保存年度报告。' }, '请先编辑并保存年度报告。');
  if (row.status === 'published') throw new ConflictError('年度报告已发布。');
  if (r.data.checks.length)
    throw new ValidationError(
      { _form: r.data.checks.join('；') },
      `勾稽关系不成立，不能发布：${r.data.checks.join('；')}`,
    );
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await store.updateReport(trx, row.id, {
      status: 'published',
      published_at: nowIso(),
      snapshot_json: JSON.stringify(r.data),
      updated_at: nowIso(),
    });
    await writeAudit(trx, who, {
      action: 'report.publish',
      objectType: 'annual_report',
      objectId: `${unit.id}-${year}`,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `发布${unit.name}${year}年政府信息公开工作年度报告`,
    });
  });
}

/** The county's published reports, newest year first, units in their order. */
export async function publishedReports(db: Db, countyCode: string) {
  const units = new Map((await org.unitsUnder(db.k, countyCode)).map((u) => [u.id, u]));
  const rows = await store.publishedOf(db.k, [...units.keys()]);
  return rows
    .map((r) => ({ id: r.id, year: r.year, published_at: r.published_at, unit: units.get(r.unit_id)! }))
    .sort((a, b) => b.year - a.year || a.unit.sort_order - b.unit.sort_order)
    .map((r) => ({ id: r.id, year: r.year, published_at: r.published_at, unit_name: r.unit.name }));
}

export async function publishedReport(db: Db, countyCode: string, id: number): Promise<ReportData> {
  const r = await store.publishedSnapshot(db.k, id);
  const unit = r ? await org.unitById(db.k, r.unit_id) : undefined;
  if (!r || !unit?.jurisdiction_code.startsWith(countyCode) || !r.snapshot_json)
    throw new NotFoundError('该年度报告不存在或尚未发布。');
  return JSON.parse(r.snapshot_json) as ReportData;
}

/**
 * Deadlines of the annual report (条例第四十九条): 县级以上人民政府部门 1月31日, the county government
 * 3月31日; townships by local rule — the setting 'report.townshipDeadline' (MM-DD, default 01-31).
 */
export const TOWNSHIP_DEADLINE = defineSetting(
  'report.townshipDeadline',
  '乡镇（街道）年度报告公布期限（月-日）',
  z.string().regex(/^\d{2}-\d{2}$/),
  '01-31',
);

export async function reportDeadline(
  db: Db,
  unit: { id: number; kind: string; jurisdiction_code: string },
): Promise<string> {
  if (unit.kind === 'county_government' || unit.kind === 'county_office') return '03-31';
  if (unit.kind === 'township_government' || unit.kind === 'subdistrict_office')
    return readSetting(db.k, TOWNSHIP_DEADLINE, { jurisdictionCode: unit.jurisdiction_code });
  return '01-31';
}

/** Reminders for the dashboard: last year's reports of the actor's units not yet published. */
export async function reportReminders(db: Db, actor: Actor, today: string): Promise<string[]> {
  if (actor.kind !== 'user') return [];
  const year = Number(today.slice(0, 4)) - 1;
  const out: string[] = [];
  for (const g of actor.grants.filter((x) => x.role === 'editor' || x.role === 'office_admin')) {
    const unit = await org.unitById(db.k, g.unitId);
    if (!unit || unit.kind === 'village_committee') continue;
    // The county office (主管部门) answers for the county government's report.
    const gov = unit.kind === 'county_office' ? await org.governmentOf(db.k, unit.jurisdiction_id) : undefined;
    const target = gov ?? unit;
    const deadline = await reportDeadline(db, target);
    const due = `${year + 1}-${deadline}`;
    const row = await store.findReport(db.k, target.id, year);
    if (row?.status === 'published') continue;
    if (today <= due)
      out.push(
        `${target.name}${year}年政府信息公开工作年度报告须于${year + 1}年${Number(deadline.slice(0, 2))}月${Number(deadline.slice(3))}日前公布，尚未发布。`,
      );
    else if (today.slice(0, 4) === String(year + 1))
      out.push(
        `${target.name}${year}年政府信息公开工作年度报告已超过${year + 1}年${Number(deadline.slice(0, 2))}月${Number(deadline.slice(3))}日的公布期限，尚未发布。`,
      );
  }
  return [...new Set(out)];
}
