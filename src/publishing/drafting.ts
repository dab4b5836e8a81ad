/**
 * Drafting government information against the catalog, with the standard metadata (regulations
 * §4): the 索引号 from the county's template, the 公开期限 from the items' rule (条例第二十六条), the
 * body cleaned of unsafe markup; editing a draft, or preparing a change of published information;
 * deleting a never-published draft.
 */
import type { Transaction } from 'kysely';
import { type Actor, assertCan, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { flag, nowIso } from '../platform/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import { deleteFiles, type Upload } from '../platform/files.js';
import { cleanRichText } from '../platform/richtext.js';
import type { Database } from '../platform/schema.js';
import { parseInput } from '../platform/validation.js';
import { runStep } from '../platform/workflow.js';
import { calendarFor, rulesFor } from '../calendar/service.js';
import { type IsoDate, todayInChina } from '../calendar/dates.js';
import { unitById } from '../org/api.js';
import {
  access,
  countyCodeOf,
  countySetting,
  type ItemChoice,
  type K,
  resolveItems,
  type UnitRow,
  unitRef,
} from './core.js';
import { dueFor, type ItemLimit } from './deadline.js';
import { insertFiles, prepareFiles } from './files.js';
import { interpretationBasis, interpretationDue } from './interpretations.js';
import { formatIndexNo, normalizeDocNumber } from './model.js';
import { type RecordInput, recordSchema } from './schema.js';
import { PUBLISHING_SETTINGS } from './settings.js';
import { attachmentFileIds } from './store/files.js';
import { addEvent } from './store/history.js';
import { writeItems } from './store/items.js';
import * as store from './store/records.js';

export type { Upload };

export interface SaveResult {
  id: number;
  /** The body contained markup that was removed (scripts, styles…). */
  sanitized: boolean;
}

/** The next 索引号 of a unit: serial per unit and year from a counter that is never decremented. */
async function nextIndexNo(trx: Transaction<Database>, unit: UnitRow, scheme: string, date: IsoDate): Promise<string> {
  const year = Number(date.slice(0, 4));
  const code = unit.credit_code || `${unit.jurisdiction_code}${String(unit.id).padStart(4, '0')}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const serial = await store.nextIndexSerial(trx, unit.id, year);
    const no = formatIndexNo(scheme, { code, date, serial });
    if (!(await store.recordWithIndexNo(trx, no))) return no;
  }
  throw new ConflictError('无法生成唯一的索引号，请检查索引号规则。');
}

export interface Prepared {
  input: RecordInput;
  html: string;
  text: string;
  sanitized: boolean;
  items: ItemChoice[];
  docNumber: string | null;
}

/** Validate a record form for a unit: the fields, the items, the 文件类别 and an interpretation's policy. */
export async function prepare(k: K, unit: UnitRow, raw: unknown): Promise<Prepared> {
  const input = parseInput(recordSchema, raw);
  const body = cleanRichText(input.body);
  const items = await resolveItems(k, unit.id, input.item_ids);
  // 乡镇人民政府 and 街道办事处 (and village committees) have no power to make 规章 (regulations §2.3).
  if (
    input.kind === 'info' &&
    input.doc_class === 'rule' &&
    (unit.jurisdiction_level === 'township' || unit.jurisdiction_level === 'village')
  ) {
    throw new ValidationError({
      doc_class:
        '乡镇（街道）、村（居）没有规章制定权，本单位的信息不能标为“规章”；如为行政规范性文件，请选择“行政规范性文件”',
    });
  }
  if (input.kind === 'interpretation') {
    const policy = await store.findPolicy(k, input.policy_id!);
    if (policy?.kind !== 'info' || policy.county_code !== (await countyCodeOf(k, unit)))
      throw new ValidationError({ policy_id: '所解读的政策文件不存在' });
  }
  return {
    input,
    html: body.html,
    text: body.text,
    sanitized: body.changed,
    items,
    docNumber: input.doc_number ? normalizeDocNumber(input.doc_number).value : null,
  };
}

/** Due date of a record from its items' rule and its 形成或变更日期 (条例第二十六条). */
export async function dueOf(
  k: K,
  unit: UnitRow,
  p: { formedOn: IsoDate; items: ItemLimit[]; kind: string; policyId: number | null },
) {
  const cal = await calendarFor(k, unit.jurisdiction_code);
  const rules = await rulesFor(k, unit.jurisdiction_code);
  if (p.kind === 'interpretation' && p.policyId) {
    // 解读: published with the policy, or within the configured working days after it (regulations §5.1).
    const policy = await store.findPolicy(k, p.policyId);
    const days = await countySetting(k, PUBLISHING_SETTINGS.interpretationDays, await countyCodeOf(k, unit));
    if (policy?.published_on) return interpretationDue(cal, rules, policy.published_on, days);
    // Until the policy is out, its own deadline; publishNow moves this onto the rule above.
    return {
      due_on: policy?.due_on ?? null,
      due_note: `${interpretationBasis(days)}（政策文件尚未发布，暂按政策文件的公开期限）`,
    };
  }
  const d = dueFor(cal, p.formedOn, p.items, rules);
  return { due_on: d.due, due_note: d.note };
}

/** The columns of info_records a form fills. */
export function contentColumns(p: Prepared) {
  const i = p.input;
  return {
    kind: i.kind,
    policy_id: i.kind === 'interpretation' ? i.policy_id : null,
    interp_form: i.kind === 'interpretation' ? (i.interp_form ?? null) : null,
    title: i.title,
    doc_number: p.docNumber,
    written_on: i.written_on,
    formed_on: i.formed_on,
    subject: i.subject,
    genre: i.genre,
    keywords: i.keywords,
    summary: i.summary,
    attribute: i.attribute,
    attribute_reason: i.attribute === 'withheld' || i.attribute === 'redacted' ? i.attribute_reason : null,
    attribute_note: i.attribute_note,
    validity: i.validity,
    validity_on: i.validity === 'valid' ? null : i.validity_on,
    // 文件类别 applies to government information only, not to a 政策解读 of it.
    doc_class: i.kind === 'info' ? (i.doc_class ?? null) : null,
    column_slug: i.column_slug,
    column_item: i.column_item,
    body_html: p.html,
    body_text: p.text,
    needs_interpretation: flag(i.needs_interpretation),
  };
}

async function assertIndexFree(k: K, indexNo: string, exceptId: number | null) {
  const taken = await store.recordWithIndexNo(k, indexNo, exceptId);
  if (taken)
    throw new ValidationError({ index_no: `索引号“${indexNo}”已被《${taken.title}》使用，每条信息的索引号必须唯一` });
}

export async function createRecord(
  db: Db,
  actor: Actor,
  unitId: number,
  raw: Record<string, unknown>,
  uploads: Upload[] = [],
): Promise<SaveResult> {
  const unit = await unitById(db.k, unitId);
  if (unit?.active !== 1) throw new NotFoundError('该单位不存在。');
  assertCan(actor, 'record.edit', unitRef(unit), '您无权为该单位起草信息。');
  const p = await prepare(db.k, unit, raw);
  const files = await prepareFiles(uploads, 0);
  const county = await countyCodeOf(db.k, unit);
  const scheme = await countySetting(db.k, PUBLISHING_SETTINGS.indexScheme, county);
  const due = await dueOf(db.k, unit, {
    formedOn: p.input.formed_on,
    items: p.items,
    kind: p.input.kind,
    policyId: p.input.policy_id,
  });
  const who = auditActor(actor);
  const { id } = await runStep(db, {
    actor: who,
    async change(trx) {
      if (p.input.index_no) await assertIndexFree(trx, p.input.index_no, null);
      const indexNo = p.input.index_no ?? (await nextIndexNo(trx, unit, scheme, todayInChina()));
      const now = nowIso();
      const id = await store.insertRecord(trx, {
        county_code: county,
        unit_id: unit.id,
        index_no: indexNo,
        publisher: unit.name,
        ...contentColumns(p),
        ...due,
        status: 'draft',
        created_by: who.name,
        created_at: now,
        updated_at: now,
      });
      await writeItems(trx, id, p.items);
      await insertFiles(trx, id, files, 0);
      await addEvent(trx, id, 'create', who.name, files.length ? `附件 ${files.length} 个` : null);
      return { id, indexNo };
    },
    audit: ({ id, indexNo }) => ({
      action: 'record.create',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `起草《${p.input.title}》（索引号 ${indexNo}）`,
      after: { title: p.input.title, attribute: p.input.attribute, items: p.items.map((i) => i.id) },
    }),
  });
  return { id, sanitized: p.sanitized };
}

/** Edit a draft; editing a published record prepares a change (新版本) that goes through review again. */
export async function updateRecord(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
): Promise<SaveResult> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  const p = await prepare(db.k, unit, { ...raw, kind: record.kind });
  const who = auditActor(actor);
  const audit = {
    objectType: 'info_record',
    objectId: id,
    unitId: unit.id,
    jurisdictionId: unit.jurisdiction_id,
    before: { title: record.title },
    after: { title: p.input.title },
  };
  if (record.status === 'published') {
    if (record.pending_status === 'submitted') throw new ConflictError('该信息的变更正在审查中，审查完成前不能修改。');
    await runStep(db, {
      actor: who,
      async change(trx) {
        await store.updateRecord(trx, id, {
          pending_json: JSON.stringify({ raw: { ...raw, kind: record.kind } }),
          pending_status: 'draft',
          updated_at: nowIso(),
        });
        await addEvent(trx, id, 'change', who.name);
      },
      audit: { action: 'record.change', summary: `拟变更已发布的《${record.title}》`, ...audit },
    });
    return { id, sanitized: p.sanitized };
  }
  if (!['draft', 'returned'].includes(record.status))
    throw new ConflictError('该信息正在审查或等待发布，不能修改；如需修改，请审核人先退回。');
  if (p.input.index_no && p.input.index_no !== record.index_no)
    throw new ValidationError({ index_no: '索引号生成后不能修改' });
  const due = await dueOf(db.k, unit, {
    formedOn: p.input.formed_on,
    items: p.items,
    kind: record.kind,
    policyId: p.input.policy_id,
  });
  await runStep(db, {
    actor: who,
    async change(trx) {
      await store.updateRecord(trx, id, { ...contentColumns(p), ...due, updated_at: nowIso() });
      await writeItems(trx, id, p.items);
      await addEvent(trx, id, 'update', who.name);
    },
    audit: { action: 'record.update', summary: `修改《${p.input.title}》`, ...audit },
  });
  return { id, sanitized: p.sanitized };
}

/** Never-published drafts may be deleted; published information can only be withdrawn. */
export async function deleteDraft(db: Db, actor: Actor, id: number): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  if (record.published_at || !['draft', 'returned'].includes(record.status))
    throw new ConflictError('已发布或已送审的信息不能删除；已发布的信息只能撤回并说明理由。');
  if (await store.anyInterpretation(db.k, id)) throw new ConflictError('该信息已有关联的政策解读，请先删除解读草稿。');
  await runStep(db, {
    actor: auditActor(actor),
    async change(trx) {
      await deleteFiles(trx, 'info_record', id, await attachmentFileIds(trx, id));
      await store.deleteRecordRows(trx, id);
    },
    audit: {
      action: 'record.delete',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `删除未发布的草稿《${record.title}》（索引号 ${record.index_no} 不再使用）`,
      before: { title: record.title, index_no: record.index_no },
    },
  });
}

/** Save the record form of an existing record; `change` tells whether it prepared a change of published information. */
export async function saveRecord(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
): Promise<SaveResult & { change: boolean }> {
  const { record } = await access(db.k, actor, id, 'record.view');
  const res = await updateRecord(db, actor, id, raw);
  return { ...res, change: record.status === 'published' };
}
