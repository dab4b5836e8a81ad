/**
 * 清理: a draft 清理结果 record of a unit for a year, listing the information it declared 失效 or 废止
 * that year; it is reviewed and published like any other record.
 */
import { type Actor, assertCan } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { escapeHtml } from '../platform/richtext.js';
import { todayInChina } from '../calendar/dates.js';
import { type UnitRow, unitById } from '../org/api.js';
import { unitRef } from './core.js';
import { createRecord, type SaveResult } from './drafting.js';
import { VALIDITY, type Validity } from './model.js';
import { unitsFor } from './staff.js';
import { retiredInYear } from './store/records.js';

export async function draftCleanupResult(db: Db, actor: Actor, unitId: number, year: number): Promise<SaveResult> {
  const unit = await unitById(db.k, unitId);
  if (!unit) throw new NotFoundError('该单位不存在。');
  assertCan(actor, 'record.edit', unitRef(unit));
  const rows = await retiredInYear(db.k, unitId, year);
  if (!rows.length) throw new ValidationError({ year: `${year} 年本单位没有宣布失效或废止的信息，无需发布清理结果` });
  const body = `<p>根据政府信息公开工作要求，${escapeHtml(unit.name)}对本单位${year}年公开的政府信息进行了清理，现将宣布失效、废止的信息公布如下：</p><table><thead><tr><th>序号</th><th>名称</th><th>文号</th><th>清理结果</th><th>日期</th></tr></thead><tbody>${rows.map((r, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.doc_number ?? '—')}</td><td>${VALIDITY[r.validity as Validity]}</td><td>${r.validity_on}</td></tr>`).join('')}</tbody></table>`;
  return createRecord(db, actor, unitId, {
    title: `${unit.name}${year}年政府信息清理结果`,
    formed_on: todayInChina(),
    subject: '综合政务\\政务公开',
    genre: '清理结果',
    keywords: '清理；失效；废止',
    summary: `${year}年宣布失效、废止的政府信息共 ${rows.length} 件`,
    attribute: 'proactive',
    column_slug: 'fdzdgknr',
    column_item: 'a20-1',
    body,
  });
}

/** The units the actor may draft a 清理结果 for (refused when there are none). */
export async function cleanupUnits(db: Db, actor: Actor): Promise<UnitRow[]> {
  const units = await unitsFor(db, actor, 'record.edit');
  if (!units.length) assertCan(actor, 'record.edit', undefined, '您无权起草信息。');
  return units;
}
