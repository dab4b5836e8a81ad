/**
 * Publishing government information against the catalog: drafting with the standard metadata
 * (regulations §4), 公开审查/保密审查 by the unit reviewer (条例第十七条), publication now or at a set
 * time within the 公开时限 (条例第二十六条), changes as new versions, withdrawal with a public reason,
 * 政策解读 reviewed and published with their policy (三同步), the yearly re-assessment of 不予公开
 * information (条例第十八条). Published information is never deleted.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { InfoRecordTable } from './tables.js';
import type { Db } from '../platform/db.js';
import { nowIso, parseJson, flag } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import { parseInput } from '../platform/validation.js';
import { cleanRichText, escapeHtml } from '../platform/richtext.js';
import {
  assertCan,
  auditActor,
  can,
  reachOf,
  reachIsEmpty,
  systemActor,
  type Actor,
  type Reach,
} from '../platform/access.js';
import * as orgStore from '../org/store.js';
import type { UnitRow } from '../org/store.js';
import { calendarFor, rulesFor } from '../calendar/service.js';
import { addWorkingDays, type CountingRules } from '../calendar/clock.js';
import { CalendarMissingError, type WorkCalendar } from '../calendar/calendar.js';
import { todayInChina, addDays, addMonths, type IsoDate } from '../calendar/dates.js';
import { type PublishedItem, publishedItems } from '../catalog/api.js';
import {
  recordSchema,
  reviewSchema,
  publishSchema,
  withdrawSchema,
  validitySchema,
  assessSchema,
  channelSchema,
  type RecordInput,
} from './schema.js';
import {
  ATTRIBUTES,
  VALIDITY,
  DEFAULT_INDEX_SCHEME,
  INDEX_SCHEME_KEY,
  OPEN_STATUSES,
  PUBLIC_ATTRIBUTES,
  formatIndexNo,
  normalizeDocNumber,
  checkIndexScheme,
  type Attribute,
  type Validity,
} from './model.js';
import { dueFor, postingPeriodFor, postingEnd, type ItemLimit } from './deadline.js';
import { checkRecordFiles, stripMetadata } from './attachments.js';
import { indexRecord } from './search.js';
import { extractText } from '../platform/search/index.js';
import { insertFile, type Upload } from '../platform/files.js';

type K = Kysely<Database> | Transaction<Database>;
export type RecordRow = Selectable<InfoRecordTable>;

const unitRef = (u: UnitRow) => ({ id: u.id, jurisdictionCode: u.jurisdiction_code });
const countyOf = (u: UnitRow) => u.jurisdiction_code.slice(0, 6);

export const INTERPRETATION_DAYS_KEY = 'publishing.interpretationDays';
export const REQUIRE_INTERPRETATION_KEY = 'publishing.requireInterpretation';
export const ASSESS_MONTHS_KEY = 'publishing.assessMonths';

async function setting<T>(k: K, countyCode: string, key: string, fallback: T): Promise<T> {
  const r = await k
    .selectFrom('settings')
    .select('value')
    .where('scope', '=', countyCode)
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? parseJson<T>(r.value, fallback) : fallback;
}

export async function publishingSettings(db: Db, countyCode: string) {
  return {
    indexScheme: await setting(db.k, countyCode, INDEX_SCHEME_KEY, DEFAULT_INDEX_SCHEME),
    interpretationDays: await setting(db.k, countyCode, INTERPRETATION_DAYS_KEY, 3),
    requireInterpretation: await setting(db.k, countyCode, REQUIRE_INTERPRETATION_KEY, false),
    assessMonths: await setting(db.k, countyCode, ASSESS_MONTHS_KEY, 12),
  };
}

/** County settings: 索引号 template, 解读发布期限 (default 3 working days; 0 = 同步), 三同步 block, re-assessment period. */
export async function savePublishingSettings(
  db: Db,
  actor: Actor,
  countyCode: string,
  raw: Record<string, string>,
): Promise<void> {
  const county = await db.k
    .selectFrom('jurisdictions')
    .select(['id', 'code'])
    .where('code', '=', countyCode)
    .executeTakeFirst();
  if (!county) throw new NotFoundError();
  assertCan(actor, 'record.settings', { id: -1, jurisdictionCode: countyCode });
  const errors: Record<string, string> = {};
  const scheme = (raw.indexScheme ?? '').trim();
  const schemeError = checkIndexScheme(scheme);
  if (schemeError) errors.indexScheme = schemeError;
  const days = Number(raw.interpretationDays);
  if (!Number.isInteger(days) || days < 0 || days > 20)
    errors.interpretationDays = '解读发布期限应为 0 至 20 之间的整数（0 表示与政策文件同步发布）';
  const months = Number(raw.assessMonths);
  if (!Number.isInteger(months) || months < 1 || months > 36) errors.assessMonths = '评估周期应为 1 至 36 个月';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const values = {
    [INDEX_SCHEME_KEY]: scheme,
    [INTERPRETATION_DAYS_KEY]: days,
    [REQUIRE_INTERPRETATION_KEY]: raw.requireInterpretation === '1',
    [ASSESS_MONTHS_KEY]: months,
  };
  await db.k.transaction().execute(async (trx) => {
    for (const [key, v] of Object.entries(values)) {
      await trx
        .insertInto('settings')
        .values({ scope: countyCode, key, value: JSON.stringify(v), updated_at: nowIso() })
        .onConflict((oc) =>
          oc.columns(['scope', 'key']).doUpdateSet({ value: JSON.stringify(v), updated_at: nowIso() }),
        )
        .execute();
    }
    await writeAudit(trx, auditActor(actor), {
      action: 'record.settings',
      objectType: 'jurisdiction',
      objectId: county.id,
      jurisdictionId: county.id,
      summary: `修改信息发布设置：索引号规则 ${scheme}，解读期限 ${days} 个工作日，${values[REQUIRE_INTERPRETATION_KEY] ? '' : '不'}强制三同步，不予公开信息每 ${months} 个月评估`,
      after: values,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Catalog items a unit can publish against
// ---------------------------------------------------------------------------------------------

/** A catalog item a record can be published against (catalog/api.ts: read from the published versions). */
export type ItemChoice = PublishedItem;

/** The items of the unit's published catalogs (标准目录, 补充目录, 面向村（居）目录). */
export const itemChoices = (k: K, unitId: number): Promise<ItemChoice[]> => publishedItems(k, unitId);

async function resolveItems(k: K, unitId: number, ids: number[]): Promise<ItemChoice[]> {
  if (!ids.length) return [];
  const choices = await itemChoices(k, unitId);
  const picked = ids.map((id) => choices.find((c) => c.id === id));
  if (picked.some((p) => !p))
    throw new ValidationError({ item_ids: '所选目录事项不在本单位已发布的目录中，请重新选择' });
  return [...new Map((picked as ItemChoice[]).map((p) => [p.id, p])).values()];
}

// ---------------------------------------------------------------------------------------------
// Access
// ---------------------------------------------------------------------------------------------

async function loadRecord(k: K, id: number) {
  const record = await k.selectFrom('info_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!record) throw new NotFoundError('该信息不存在。');
  const unit = await orgStore.findUnit(k, record.unit_id);
  if (!unit) throw new NotFoundError('该信息不存在。');
  return { record, unit };
}

async function access(k: K, actor: Actor, id: number, action: Parameters<typeof assertCan>[1]) {
  const found = await loadRecord(k, id);
  assertCan(actor, action, unitRef(found.unit), '您无权处理该单位的信息。');
  return found;
}

async function event(k: K, recordId: number, action: string, actorName: string, comment: string | null = null) {
  await k
    .insertInto('info_record_events')
    .values({ record_id: recordId, action, actor_name: actorName, comment, at: nowIso() })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Drafting
// ---------------------------------------------------------------------------------------------

/** The next 索引号 of a unit: serial per unit and year from a counter that is never decremented. */
async function nextIndexNo(trx: Transaction<Database>, unit: UnitRow, scheme: string, date: IsoDate): Promise<string> {
  const year = Number(date.slice(0, 4));
  const code = unit.credit_code || `${unit.jurisdiction_code}${String(unit.id).padStart(4, '0')}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const r = await trx
      .insertInto('index_serials')
      .values({ unit_id: unit.id, year, last: 1 })
      .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ last: sql<number>`index_serials.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    const no = formatIndexNo(scheme, { code, date, serial: r.last });
    const taken = await trx.selectFrom('info_records').select('id').where('index_no', '=', no).executeTakeFirst();
    if (!taken) return no;
  }
  throw new ConflictError('无法生成唯一的索引号，请检查索引号规则。');
}

interface Prepared {
  input: RecordInput;
  html: string;
  text: string;
  sanitized: boolean;
  items: ItemChoice[];
  docNumber: string | null;
}

async function prepare(k: K, unit: UnitRow, raw: unknown): Promise<Prepared> {
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
    const policy = await k
      .selectFrom('info_records')
      .select(['id', 'unit_id', 'kind', 'county_code'])
      .where('id', '=', input.policy_id!)
      .executeTakeFirst();
    if (policy?.kind !== 'info' || policy.county_code !== countyOf(unit))
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

/**
 * 解读 deadline: published with its policy (days = 0, 三同步) or within `days` working days after the
 * policy's publication (regulations §5.1, the configurable local rule).
 */
const interpretationBasis = (days: number) =>
  days === 0 ? '政策解读与政策文件同步发布（三同步）' : `政策解读最迟在政策文件发布后 ${days} 个工作日内发布`;

function interpretationDue(
  cal: WorkCalendar,
  rules: CountingRules,
  policyPublishedOn: IsoDate,
  days: number,
): { due_on: IsoDate | null; due_note: string } {
  try {
    return { due_on: addWorkingDays(cal, policyPublishedOn, days, rules).due, due_note: interpretationBasis(days) };
  } catch (e) {
    if (e instanceof CalendarMissingError) return { due_on: null, due_note: `${e.message}，暂无法计算解读发布期限` };
    throw e;
  }
}

/** Due date of a record from its items' rule and its 形成或变更日期 (条例第二十六条). */
async function dueOf(
  k: K,
  unit: UnitRow,
  p: { formedOn: IsoDate; items: ItemLimit[]; kind: string; policyId: number | null },
) {
  const cal = await calendarFor(k, unit.jurisdiction_code);
  const rules = await rulesFor(k, unit.jurisdiction_code);
  if (p.kind === 'interpretation' && p.policyId) {
    // 解读: published with the policy, or within the configured working days after it (regulations §5.1).
    const policy = await k
      .selectFrom('info_records')
      .select(['published_on', 'due_on'])
      .where('id', '=', p.policyId)
      .executeTakeFirst();
    const days = await setting(k, countyOf(unit), INTERPRETATION_DAYS_KEY, 3);
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

function contentColumns(p: Prepared) {
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

async function writeItems(k: K, recordId: number, items: ItemChoice[]) {
  await k.deleteFrom('info_record_items').where('record_id', '=', recordId).execute();
  if (items.length)
    await k
      .insertInto('info_record_items')
      .values(items.map((i) => ({ record_id: recordId, catalog_item_id: i.id, domain: i.domain, label: i.label })))
      .execute();
}

async function assertIndexFree(k: K, indexNo: string, exceptId: number | null) {
  let q = k.selectFrom('info_records').select(['id', 'title']).where('index_no', '=', indexNo);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const taken = await q.executeTakeFirst();
  if (taken)
    throw new ValidationError({ index_no: `索引号“${indexNo}”已被《${taken.title}》使用，每条信息的索引号必须唯一` });
}

export type { Upload };

export interface SaveResult {
  id: number;
  /** The body contained markup that was removed (scripts, styles…). */
  sanitized: boolean;
}

export async function createRecord(
  db: Db,
  actor: Actor,
  unitId: number,
  raw: Record<string, unknown>,
  uploads: Upload[] = [],
): Promise<SaveResult> {
  const unit = await orgStore.findUnit(db.k, unitId);
  if (unit?.active !== 1) throw new NotFoundError('该单位不存在。');
  assertCan(actor, 'record.edit', unitRef(unit), '您无权为该单位起草信息。');
  const p = await prepare(db.k, unit, raw);
  const files = await prepareFiles(uploads, 0);
  const scheme = await setting(db.k, countyOf(unit), INDEX_SCHEME_KEY, DEFAULT_INDEX_SCHEME);
  const due = await dueOf(db.k, unit, {
    formedOn: p.input.formed_on,
    items: p.items,
    kind: p.input.kind,
    policyId: p.input.policy_id,
  });
  const who = auditActor(actor);
  const id = await db.k.transaction().execute(async (trx) => {
    if (p.input.index_no) await assertIndexFree(trx, p.input.index_no, null);
    const indexNo = p.input.index_no ?? (await nextIndexNo(trx, unit, scheme, todayInChina()));
    const now = nowIso();
    const r = await trx
      .insertInto('info_records')
      .values({
        county_code: countyOf(unit),
        unit_id: unit.id,
        index_no: indexNo,
        publisher: unit.name,
        ...contentColumns(p),
        ...due,
        status: 'draft',
        created_by: who.name,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeItems(trx, r.id, p.items);
    await insertFiles(trx, r.id, files, 0);
    await event(trx, r.id, 'create', who.name, files.length ? `附件 ${files.length} 个` : null);
    await writeAudit(trx, who, {
      action: 'record.create',
      objectType: 'info_record',
      objectId: r.id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `起草《${p.input.title}》（索引号 ${indexNo}）`,
      after: { title: p.input.title, attribute: p.input.attribute, items: p.items.map((i) => i.id) },
    });
    return r.id;
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
  if (record.status === 'published') {
    if (record.pending_status === 'submitted') throw new ConflictError('该信息的变更正在审查中，审查完成前不能修改。');
    await db.k.transaction().execute(async (trx) => {
      await trx
        .updateTable('info_records')
        .set({
          pending_json: JSON.stringify({ raw: { ...raw, kind: record.kind } }),
          pending_status: 'draft',
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      await event(trx, id, 'change', who.name);
      await writeAudit(trx, who, {
        action: 'record.change',
        objectType: 'info_record',
        objectId: id,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `拟变更已发布的《${record.title}》`,
        before: { title: record.title },
        after: { title: p.input.title },
      });
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
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_records')
      .set({ ...contentColumns(p), ...due, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeItems(trx, id, p.items);
    await event(trx, id, 'update', who.name);
    await writeAudit(trx, who, {
      action: 'record.update',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `修改《${p.input.title}》`,
      before: { title: record.title },
      after: { title: p.input.title },
    });
  });
  return { id, sanitized: p.sanitized };
}

/** Never-published drafts may be deleted; published information can only be withdrawn. */
export async function deleteDraft(db: Db, actor: Actor, id: number): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  if (record.published_at || !['draft', 'returned'].includes(record.status))
    throw new ConflictError('已发布或已送审的信息不能删除；已发布的信息只能撤回并说明理由。');
  const interps = await db.k.selectFrom('info_records').select('id').where('policy_id', '=', id).executeTakeFirst();
  if (interps) throw new ConflictError('该信息已有关联的政策解读，请先删除解读草稿。');
  await db.k.transaction().execute(async (trx) => {
    const files = await trx.selectFrom('info_record_files').select('file_id').where('record_id', '=', id).execute();
    if (files.length)
      await trx
        .deleteFrom('files')
        .where(
          'id',
          'in',
          files.map((f) => f.file_id),
        )
        .execute();
    for (const t of [
      'info_record_files',
      'info_record_items',
      'info_record_channels',
      'info_record_events',
      'info_record_versions',
    ] as const)
      await trx.deleteFrom(t).where('record_id', '=', id).execute();
    await trx.deleteFrom('info_records').where('id', '=', id).execute();
    await writeAudit(trx, auditActor(actor), {
      action: 'record.delete',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `删除未发布的草稿《${record.title}》（索引号 ${record.index_no} 不再使用）`,
      before: { title: record.title, index_no: record.index_no },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Attachments and channels
// ---------------------------------------------------------------------------------------------

async function prepareFiles(uploads: Upload[], already: number) {
  const checked = checkRecordFiles(uploads, already);
  const out: { name: string; mime: string; data: Buffer; text: string }[] = [];
  for (const f of checked) {
    const data = await stripMetadata(f);
    out.push({ name: f.name, mime: f.mime, data, text: await extractText(data, f.mime) });
  }
  return out;
}

async function insertFiles(
  k: K,
  recordId: number,
  files: Awaited<ReturnType<typeof prepareFiles>>,
  startOrder: number,
) {
  for (const [i, f] of files.entries()) {
    const fileId = await insertFile(k, 'info_record', recordId, f);
    await k
      .insertInto('info_record_files')
      .values({
        record_id: recordId,
        file_id: fileId,
        name: f.name,
        mime: f.mime,
        size: f.data.length,
        text: f.text,
        sort_order: startOrder + i + 1,
      })
      .execute();
  }
}

export async function addAttachments(db: Db, actor: Actor, id: number, uploads: Upload[]): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  if (!['draft', 'returned'].includes(record.status))
    throw new ConflictError('只有草稿或退回修改的信息可以增删附件；已发布的信息如需更换附件，请撤回后重新发布。');
  if (!uploads.length) throw new ValidationError({ attachments: '请选择要上传的文件' });
  const existing = await db.k
    .selectFrom('info_record_files')
    .select(['sort_order'])
    .where('record_id', '=', id)
    .execute();
  const files = await prepareFiles(uploads, existing.length);
  await db.k.transaction().execute(async (trx) => {
    await insertFiles(trx, id, files, Math.max(0, ...existing.map((e) => e.sort_order)));
    await event(trx, id, 'attach', auditActor(actor).name, files.map((f) => f.name).join('、'));
    await writeAudit(trx, auditActor(actor), {
      action: 'record.attach',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `为《${record.title}》上传附件：${files.map((f) => f.name).join('、')}`,
    });
  });
}

export async function removeAttachment(db: Db, actor: Actor, id: number, attachmentId: number): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  if (!['draft', 'returned'].includes(record.status)) throw new ConflictError('只有草稿或退回修改的信息可以删除附件。');
  const a = await db.k
    .selectFrom('info_record_files')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('record_id', '=', id)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('附件不存在。');
  await db.k.transaction().execute(async (trx) => {
    await trx.deleteFrom('info_record_files').where('id', '=', a.id).execute();
    await trx.deleteFrom('files').where('id', '=', a.file_id).execute();
    await event(trx, id, 'detach', auditActor(actor).name, a.name);
    await writeAudit(trx, auditActor(actor), {
      action: 'record.detach',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `删除《${record.title}》的附件 ${a.name}`,
    });
  });
}

/** Record a channel actually used (条例第二十三条), with a link or a photo of the 公示栏. */
export async function addChannel(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
  photo?: Upload,
): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.publish');
  if (record.status !== 'published') throw new ConflictError('信息发布后才能登记其他公开渠道。');
  const input = parseInput(channelSchema, raw);
  let file: { name: string; mime: string; data: Buffer } | null = null;
  if (photo) {
    const [f] = checkRecordFiles([photo]);
    if (!f.mime.startsWith('image/')) throw new ValidationError({ photo: '公示栏照片只能是 JPG 或 PNG 图片' });
    file = { name: f.name, mime: f.mime, data: await stripMetadata(f) };
  }
  if (!input.link && !file) throw new ValidationError({ link: '请填写链接或上传公示栏照片' });
  if (input.used_on < record.formed_on) throw new ValidationError({ used_on: '公开日期不能早于信息形成日期' });
  await db.k.transaction().execute(async (trx) => {
    const fileId = file ? await insertFile(trx, 'info_record_channel', id, file) : null;
    await trx
      .insertInto('info_record_channels')
      .values({
        record_id: id,
        channel: input.channel,
        used_on: input.used_on,
        link: input.link,
        file_id: fileId,
        created_at: nowIso(),
      })
      .execute();
    await event(trx, id, 'channel', auditActor(actor).name, `${input.channel}（${input.used_on}）`);
    await writeAudit(trx, auditActor(actor), {
      action: 'record.channel',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `登记《${record.title}》通过“${input.channel}”公开（${input.used_on}）`,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Review and publication
// ---------------------------------------------------------------------------------------------

export async function submitRecord(db: Db, actor: Actor, id: number): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    if (record.status === 'published' && record.pending_json) {
      if (record.pending_status === 'submitted') throw new ConflictError('该变更已提交审查。');
      await trx
        .updateTable('info_records')
        .set({ pending_status: 'submitted', updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
    } else if (['draft', 'returned'].includes(record.status)) {
      await trx
        .updateTable('info_records')
        .set({ status: 'submitted', updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      // 三同步: the policy's interpretation drafts go to review with it.
      if (record.kind === 'info')
        await trx
          .updateTable('info_records')
          .set({ status: 'submitted', updated_at: nowIso() })
          .where('policy_id', '=', id)
          .where('status', 'in', ['draft', 'returned'])
          .execute();
    } else {
      throw new ConflictError('该信息当前不能提交审查。');
    }
    await event(trx, id, 'submit', who.name);
    await writeAudit(trx, who, {
      action: 'record.submit',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `《${record.title}》提交公开审查和保密审查`,
    });
  });
}

const isPublic = (attribute: string) => PUBLIC_ATTRIBUTES.includes(attribute as Attribute);

/** 公开审查/保密审查 (条例第十七条) by the unit reviewer; the 公开属性 is confirmed here. */
export async function reviewRecord(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
): Promise<'approved' | 'returned' | 'filed' | 'published'> {
  const { record, unit } = await access(db.k, actor, id, 'record.review');
  const input = parseInput(reviewSchema, raw);
  const who = auditActor(actor);
  const now = nowIso();
  const change = record.status === 'published' && record.pending_status === 'submitted';
  if (!change && record.status !== 'submitted') throw new ConflictError('该信息不在待审查状态。');
  if (input.decision === 'return') {
    await db.k.transaction().execute(async (trx) => {
      await trx
        .updateTable('info_records')
        .set(
          change
            ? { pending_status: 'returned', review_comment: input.comment, updated_at: now }
            : {
                status: 'returned',
                review_comment: input.comment,
                reviewed_by: who.name,
                reviewed_at: now,
                updated_at: now,
              },
        )
        .where('id', '=', id)
        .execute();
      if (!change)
        await trx
          .updateTable('info_records')
          .set({ status: 'returned', review_comment: `随政策文件退回：${input.comment}`, updated_at: now })
          .where('policy_id', '=', id)
          .where('status', '=', 'submitted')
          .execute();
      await event(trx, id, 'return', who.name, input.comment);
      await writeAudit(trx, who, {
        action: 'record.return',
        objectType: 'info_record',
        objectId: id,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `退回《${record.title}》：${input.comment}`,
      });
    });
    return 'returned';
  }
  if (change) {
    await applyChange(db, actor, record, unit, input.comment);
    return 'published';
  }
  const status = isPublic(record.attribute) ? 'approved' : 'filed';
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_records')
      .set({
        status,
        review_comment: input.comment,
        reviewed_by: who.name,
        reviewed_at: now,
        assessed_on: status === 'filed' && record.attribute === 'withheld' ? todayInChina() : null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    // 三同步: interpretations submitted with the policy are approved in the same step.
    if (record.kind === 'info')
      await trx
        .updateTable('info_records')
        .set({ status: 'approved', reviewed_by: who.name, reviewed_at: now, updated_at: now })
        .where('policy_id', '=', id)
        .where('status', '=', 'submitted')
        .execute();
    await event(
      trx,
      id,
      'approve',
      who.name,
      [`公开属性确认为“${ATTRIBUTES[record.attribute as Attribute]}”，已完成保密审查`, input.comment]
        .filter(Boolean)
        .join('；'),
    );
    await writeAudit(trx, who, {
      action: 'record.approve',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `审查通过《${record.title}》（公开审查、保密审查）`,
      after: { status, attribute: record.attribute },
    });
  });
  return status;
}

const SNAPSHOT_FIELDS = [
  'title',
  'doc_number',
  'written_on',
  'formed_on',
  'subject',
  'genre',
  'keywords',
  'summary',
  'attribute',
  'attribute_reason',
  'validity',
  'validity_on',
  'column_slug',
  'column_item',
  'body_html',
  'published_at',
  'published_on',
] as const;
export type VersionSnapshot = Pick<RecordRow, (typeof SNAPSHOT_FIELDS)[number]> & {
  items: string[];
  attachments: string[];
};

async function snapshotOf(k: K, record: RecordRow): Promise<VersionSnapshot> {
  const items = await k.selectFrom('info_record_items').select('label').where('record_id', '=', record.id).execute();
  const files = await k
    .selectFrom('info_record_files')
    .select('name')
    .where('record_id', '=', record.id)
    .orderBy('sort_order')
    .execute();
  const snap = Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, record[f]])) as Pick<
    RecordRow,
    (typeof SNAPSHOT_FIELDS)[number]
  >;
  return { ...snap, items: items.map((i) => i.label), attachments: files.map((f) => f.name) };
}

/** An approved change of published information: the old version is kept, the new one published now. */
async function applyChange(db: Db, actor: Actor, record: RecordRow, unit: UnitRow, comment: string | null) {
  const pending = parseJson<{ raw: Record<string, unknown> }>(record.pending_json, { raw: {} });
  const p = await prepare(db.k, unit, pending.raw);
  const due = await dueOf(db.k, unit, {
    formedOn: p.input.formed_on,
    items: p.items,
    kind: record.kind,
    policyId: p.input.policy_id,
  });
  const who = auditActor(actor);
  const now = nowIso();
  const today = todayInChina();
  const cal = await calendarFor(db.k, unit.jurisdiction_code);
  const posting = postingPeriodFor(p.items);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .insertInto('info_record_versions')
      .values({
        record_id: record.id,
        version: record.version,
        snapshot_json: JSON.stringify(await snapshotOf(trx, record)),
        published_at: record.published_at,
        replaced_at: now,
        reason: comment ?? '信息变更',
      })
      .execute();
    const stillPublic = isPublic(p.input.attribute);
    await trx
      .updateTable('info_records')
      .set({
        ...contentColumns(p),
        ...due,
        version: record.version + 1,
        pending_json: null,
        pending_status: null,
        status: stillPublic ? 'published' : 'withdrawn',
        withdrawn_reason: stillPublic ? null : '经审查，公开属性变更为不主动公开',
        withdrawn_at: stillPublic ? null : now,
        published_at: now,
        published_on: today,
        posting_end_on: posting ? postingEnd(cal, today, posting) : null,
        reviewed_by: who.name,
        reviewed_at: now,
        review_comment: comment,
        updated_at: now,
      })
      .where('id', '=', record.id)
      .execute();
    await writeItems(trx, record.id, p.items);
    await event(
      trx,
      record.id,
      'change_publish',
      who.name,
      `第 ${record.version + 1} 版${comment ? `：${comment}` : ''}`,
    );
    await writeAudit(trx, who, {
      action: 'record.change_publish',
      objectType: 'info_record',
      objectId: record.id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `审查通过并发布《${p.input.title}》第 ${record.version + 1} 版（原版本保留）`,
      before: { version: record.version, title: record.title },
      after: { version: record.version + 1, title: p.input.title },
    });
    await indexRecord(trx, record.id);
  });
}

/** Chinese local time (UTC+8) as typed in a datetime-local field → ISO UTC. */
export const chinaLocalToIso = (local: string): string =>
  new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`).toISOString();

export async function publishRecord(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
): Promise<'published' | 'scheduled'> {
  const { record, unit } = await access(db.k, actor, id, 'record.publish');
  const input = parseInput(publishSchema, raw);
  if (!['approved', 'scheduled'].includes(record.status))
    throw new ConflictError(
      record.status === 'published' ? '该信息已发布。' : '该信息尚未通过公开审查和保密审查，不能发布。',
    );
  if (
    record.kind === 'info' &&
    record.needs_interpretation === 1 &&
    (await setting(db.k, record.county_code, REQUIRE_INTERPRETATION_KEY, false))
  ) {
    const interp = await db.k
      .selectFrom('info_records')
      .select('id')
      .where('policy_id', '=', id)
      .where('status', 'in', ['approved', 'scheduled', 'published'])
      .executeTakeFirst();
    if (!interp)
      throw new ConflictError('本县要求政策文件与解读材料同步发布（三同步）：请先起草解读并随政策文件一并审查。');
  }
  if (record.kind === 'interpretation' && record.policy_id) {
    const policy = await db.k
      .selectFrom('info_records')
      .select('status')
      .where('id', '=', record.policy_id)
      .executeTakeFirst();
    if (policy?.status !== 'published' && input.when === 'now')
      throw new ConflictError('政策解读应与政策文件同步或在其后发布：请先发布政策文件（解读将随之发布）。');
  }
  const who = auditActor(actor);
  if (input.when === 'scheduled') {
    const at = chinaLocalToIso(input.scheduled_at!);
    if (Number.isNaN(Date.parse(at)) || Date.parse(at) <= Date.now())
      throw new ValidationError({ scheduled_at: '定时发布的时间应晚于现在' });
    await db.k.transaction().execute(async (trx) => {
      await trx
        .updateTable('info_records')
        .set({ status: 'scheduled', scheduled_at: at, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      await event(trx, id, 'schedule', who.name, `定于 ${input.scheduled_at!.replace('T', ' ')} 发布`);
      await writeAudit(trx, who, {
        action: 'record.schedule',
        objectType: 'info_record',
        objectId: id,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `《${record.title}》定于 ${input.scheduled_at!.replace('T', ' ')} 发布`,
      });
    });
    return 'scheduled';
  }
  await db.k.transaction().execute(async (trx) => publishNow(trx, who, record, unit));
  return 'published';
}

async function publishNow(
  trx: Transaction<Database>,
  who: ReturnType<typeof auditActor>,
  record: RecordRow,
  unit: UnitRow,
) {
  const now = nowIso();
  const today = todayInChina();
  const items = await trx
    .selectFrom('info_record_items')
    .select('catalog_item_id')
    .where('record_id', '=', record.id)
    .execute();
  const choices = (await itemChoices(trx, unit.id)).filter((c) => items.some((i) => i.catalog_item_id === c.id));
  const posting = postingPeriodFor(choices);
  const cal = await calendarFor(trx, unit.jurisdiction_code);
  await trx
    .updateTable('info_records')
    .set({
      status: 'published',
      published_at: now,
      published_on: today,
      scheduled_at: null,
      posting_end_on: posting ? postingEnd(cal, today, posting) : null,
      updated_at: now,
    })
    .where('id', '=', record.id)
    .execute();
  const late = record.due_on && today > record.due_on ? `，超过公开期限 ${record.due_on}` : '';
  await event(trx, record.id, 'publish', who.name, late ? `发布${late}` : null);
  await writeAudit(trx, who, {
    action: 'record.publish',
    objectType: 'info_record',
    objectId: record.id,
    unitId: unit.id,
    jurisdictionId: unit.jurisdiction_id,
    summary: `发布《${record.title}》${late}`,
  });
  await indexRecord(trx, record.id);
  if (record.kind === 'info') {
    // 三同步: approved interpretations of this policy go out with it.
    const interps = await trx
      .selectFrom('info_records')
      .selectAll()
      .where('policy_id', '=', record.id)
      .where('status', 'in', ['approved', 'scheduled'])
      .execute();
    for (const i of interps) await publishNow(trx, who, i, unit);
    // The others had the policy's deadline while it was unpublished: now they have the 解读 rule.
    const days = await setting(trx, countyOf(unit), INTERPRETATION_DAYS_KEY, 3);
    const due = interpretationDue(cal, await rulesFor(trx, unit.jurisdiction_code), today, days);
    await trx
      .updateTable('info_records')
      .set({ due_on: due.due_on, due_note: due.due_note, updated_at: now })
      .where('policy_id', '=', record.id)
      .where('status', 'in', ['draft', 'submitted', 'returned'])
      .execute();
  }
}

/** Publish what was scheduled and is due (run by the server every minute, and before lists). */
export async function publishDue(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db.k
    .selectFrom('info_records')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now.toISOString())
    .limit(100)
    .execute();
  const who = auditActor(systemActor('系统（定时发布）'));
  let n = 0;
  for (const r of due) {
    const unit = await orgStore.findUnit(db.k, r.unit_id);
    if (!unit) continue;
    await db.k.transaction().execute(async (trx) => {
      // Claim the record with a conditional update first: when several app servers run the job, the
      // row lock makes the others see it no longer scheduled, so it is published exactly once.
      const claimed = await trx
        .updateTable('info_records')
        .set({ status: 'approved' })
        .where('id', '=', r.id)
        .where('status', '=', 'scheduled')
        .where('scheduled_at', '<=', now.toISOString())
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const fresh = await trx.selectFrom('info_records').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
      await publishNow(trx, who, fresh, unit);
      n++;
    });
  }
  return n;
}

export async function withdrawRecord(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.withdraw');
  const input = parseInput(withdrawSchema, raw);
  if (record.status !== 'published') throw new ConflictError('只有已发布的信息可以撤回。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_records')
      .set({
        status: 'withdrawn',
        withdrawn_reason: input.reason,
        withdrawn_at: nowIso(),
        pending_json: null,
        pending_status: null,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await event(trx, id, 'withdraw', who.name, input.reason);
    await writeAudit(trx, who, {
      action: 'record.withdraw',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `撤回《${record.title}》：${input.reason}`,
    });
    await indexRecord(trx, id);
  });
}

/** 有效性 of published information (失效/废止 with date), e.g. after a 清理. */
export async function setValidity(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.withdraw');
  const input = parseInput(validitySchema, raw);
  if (record.status !== 'published') throw new ConflictError('只有已发布的信息可以修改有效性。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_records')
      .set({
        validity: input.validity,
        validity_on: input.validity === 'valid' ? null : input.validity_on,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await event(
      trx,
      id,
      'validity',
      who.name,
      `${VALIDITY[input.validity]}（${input.validity_on}）${input.note ? `：${input.note}` : ''}`,
    );
    await writeAudit(trx, who, {
      action: 'record.validity',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `《${record.title}》有效性改为${VALIDITY[input.validity]}（${input.validity_on}）`,
      before: { validity: record.validity },
      after: { validity: input.validity, validity_on: input.validity_on },
    });
  });
}

/** 条例第十八条: periodic re-assessment of 不予公开 information; what can now be disclosed is disclosed. */
export async function assessWithheld(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.assess');
  const input = parseInput(assessSchema, raw);
  if (record.status !== 'filed' || record.attribute !== 'withheld')
    throw new ConflictError('只有已审定为不予公开的信息需要定期评估。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_records')
      .set(
        input.result === 'keep'
          ? { assessed_on: todayInChina(), updated_at: nowIso() }
          : {
              assessed_on: todayInChina(),
              attribute: 'proactive',
              attribute_reason: null,
              status: 'approved',
              updated_at: nowIso(),
            },
      )
      .where('id', '=', id)
      .execute();
    await event(
      trx,
      id,
      'assess',
      who.name,
      `${input.result === 'keep' ? '继续不予公开' : '因情势变化可以公开，转为主动公开'}：${input.note}`,
    );
    await writeAudit(trx, who, {
      action: 'record.assess',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `定期评估《${record.title}》：${input.result === 'keep' ? '继续不予公开' : '转为主动公开'}（${input.note}）`,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Back-office lists
// ---------------------------------------------------------------------------------------------

function withinReach<Q extends { where: (...a: never[]) => Q }>(q: Q, reach: Reach): Q {
  if (reach.all) return q;
  // biome-ignore lint/suspicious/noExplicitAny: the query's row type is generic here; the columns named exist on every caller's join
  return (q as any).where((eb: any) =>
    eb.or([
      ...(reach.unitIds.length ? [eb('info_records.unit_id', 'in', reach.unitIds)] : []),
      ...reach.jurisdictionPrefixes.map((p) => eb('jurisdictions.code', 'like', `${p}%`)),
      ...(reachIsEmpty(reach) ? [eb.lit(false)] : []),
    ]),
  );
}

export interface StaffFilter {
  unitId?: number;
  status?: string;
  q?: string;
  kind?: string;
  page?: number;
}

export const PAGE_SIZE = 30;

export async function listForStaff(db: Db, actor: Actor, f: StaffFilter = {}) {
  const reach = reachOf(actor, 'record.view');
  let q = db.k
    .selectFrom('info_records')
    .innerJoin('units', 'units.id', 'info_records.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select([
      'info_records.id',
      'info_records.title',
      'info_records.index_no',
      'info_records.status',
      'info_records.pending_status',
      'info_records.attribute',
      'info_records.kind',
      'info_records.due_on',
      'info_records.published_on',
      'info_records.updated_at',
      'units.name as unit_name',
    ]);
  q = withinReach(q, reach);
  if (f.unitId) q = q.where('info_records.unit_id', '=', f.unitId);
  if (f.status === 'changing') q = q.where('info_records.pending_status', 'is not', null);
  else if (f.status) q = q.where('info_records.status', '=', f.status);
  if (f.kind) q = q.where('info_records.kind', '=', f.kind);
  if (f.q)
    q = q.where((eb) => eb.or([eb('info_records.title', 'like', `%${f.q}%`), eb('info_records.index_no', '=', f.q!)]));
  const page = Math.max(1, f.page ?? 1);
  const rows = await q
    .orderBy('info_records.updated_at', 'desc')
    .orderBy('info_records.id', 'desc')
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE, page };
}

/** Active units the actor may perform a publishing action for (unit pickers and filters). */
export async function unitsFor(db: Db, actor: Actor, action: 'record.view' | 'record.edit'): Promise<UnitRow[]> {
  const reach = reachOf(actor, action);
  if (reachIsEmpty(reach)) return [];
  return orgStore.listUnits(db.k, reach, { activeOnly: true });
}

/** An attachment of a record for staff download (anyone who may view the unit's records). */
export async function recordFile(
  db: Db,
  actor: Actor,
  id: number,
  attachmentId: number,
): Promise<{ name: string; mime: string; data: Buffer }> {
  await access(db.k, actor, id, 'record.view');
  const f = await db.k
    .selectFrom('info_record_files')
    .innerJoin('files', 'files.id', 'info_record_files.file_id')
    .select(['info_record_files.name', 'info_record_files.mime', 'files.data'])
    .where('info_record_files.id', '=', attachmentId)
    .where('info_record_files.record_id', '=', id)
    .executeTakeFirst();
  if (!f) throw new NotFoundError('附件不存在。');
  return { name: f.name, mime: f.mime, data: Buffer.from(f.data as Uint8Array) };
}

export async function getForStaff(db: Db, actor: Actor, id: number) {
  const { record, unit } = await access(db.k, actor, id, 'record.view');
  const [items, files, channels, events, versions, interpretations] = await Promise.all([
    db.k.selectFrom('info_record_items').selectAll().where('record_id', '=', id).orderBy('id').execute(),
    db.k
      .selectFrom('info_record_files')
      .select(['id', 'name', 'mime', 'size', 'downloads'])
      .where('record_id', '=', id)
      .orderBy('sort_order')
      .execute(),
    db.k.selectFrom('info_record_channels').selectAll().where('record_id', '=', id).orderBy('used_on').execute(),
    db.k.selectFrom('info_record_events').selectAll().where('record_id', '=', id).orderBy('id', 'desc').execute(),
    db.k
      .selectFrom('info_record_versions')
      .select(['version', 'published_at', 'replaced_at', 'reason'])
      .where('record_id', '=', id)
      .orderBy('version', 'desc')
      .execute(),
    db.k
      .selectFrom('info_records')
      .select(['id', 'title', 'status', 'interp_form', 'due_on', 'published_on'])
      .where('policy_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  const policy = record.policy_id
    ? await db.k
        .selectFrom('info_records')
        .select(['id', 'title', 'status'])
        .where('id', '=', record.policy_id)
        .executeTakeFirst()
    : undefined;
  const ref = unitRef(unit);
  const open = ['draft', 'returned'].includes(record.status);
  const rights = {
    edit:
      can(actor, 'record.edit', ref) &&
      (open || (record.status === 'published' && record.pending_status !== 'submitted')),
    submit:
      can(actor, 'record.edit', ref) &&
      (open || (record.status === 'published' && ['draft', 'returned'].includes(record.pending_status ?? ''))),
    review:
      can(actor, 'record.review', ref) && (record.status === 'submitted' || record.pending_status === 'submitted'),
    publish: can(actor, 'record.publish', ref) && ['approved', 'scheduled'].includes(record.status),
    withdraw: can(actor, 'record.withdraw', ref) && record.status === 'published',
    assess: can(actor, 'record.assess', ref) && record.status === 'filed' && record.attribute === 'withheld',
    channel: can(actor, 'record.publish', ref) && record.status === 'published',
    delete: can(actor, 'record.edit', ref) && open && !record.published_at,
    interpret: can(actor, 'record.edit', ref) && record.kind === 'info' && record.status !== 'withdrawn',
  };
  // The 公示 period the record's catalog items ask for (its end is fixed at publication).
  const choices = items.length ? await itemChoices(db.k, unit.id) : [];
  const posting = postingPeriodFor(choices.filter((c) => items.some((i) => i.catalog_item_id === c.id)));
  const pending = record.pending_json
    ? parseJson<{ raw: Record<string, unknown> }>(record.pending_json, { raw: {} }).raw
    : null;
  return { record, unit, items, files, channels, events, versions, interpretations, policy, rights, pending, posting };
}

/**
 * 公开时限 supervision: open records past their due date (overdue), due within the county's
 * due-soon window of working days (at risk), and records published after their due date.
 */
export async function deadlineBoard(
  db: Db,
  actor: Actor,
  opts: { unitId?: number; today?: IsoDate; countyCode: string },
) {
  const reach = reachOf(actor, 'record.view');
  const today = opts.today ?? todayInChina();
  const cal = await calendarFor(db.k, opts.countyCode);
  const rules = await rulesFor(db.k, opts.countyCode);
  let soon: IsoDate;
  try {
    soon = addWorkingDays(cal, today, rules.dueSoonWorkingDays, rules).due;
  } catch {
    soon = addDays(today, 7);
  }
  const base = () => {
    let q = db.k
      .selectFrom('info_records')
      .innerJoin('units', 'units.id', 'info_records.unit_id')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
      .select([
        'info_records.id',
        'info_records.title',
        'info_records.status',
        'info_records.due_on',
        'info_records.formed_on',
        'info_records.published_on',
        'info_records.due_note',
        'units.name as unit_name',
        'units.id as unit_id',
      ])
      .where('info_records.county_code', '=', opts.countyCode);
    q = withinReach(q, reach);
    if (opts.unitId) q = q.where('info_records.unit_id', '=', opts.unitId);
    return q;
  };
  const open = [...OPEN_STATUSES];
  const [overdue, atRisk, late] = await Promise.all([
    base()
      .where('info_records.status', 'in', open)
      .where('info_records.due_on', '<', today)
      .orderBy('info_records.due_on')
      .limit(500)
      .execute(),
    base()
      .where('info_records.status', 'in', open)
      .where('info_records.due_on', '>=', today)
      .where('info_records.due_on', '<=', soon)
      .orderBy('info_records.due_on')
      .limit(500)
      .execute(),
    base()
      .where('info_records.status', '=', 'published')
      .whereRef('info_records.published_on', '>', 'info_records.due_on')
      .orderBy('info_records.published_on', 'desc')
      .limit(100)
      .execute(),
  ]);
  return { today, soon, soonDays: rules.dueSoonWorkingDays, overdue, atRisk, late };
}

/** 条例第十八条: 不予公开 records due for their periodic re-assessment. */
export async function assessmentQueue(db: Db, actor: Actor, countyCode: string, today: IsoDate = todayInChina()) {
  const months = await setting(db.k, countyCode, ASSESS_MONTHS_KEY, 12);
  // Due once `months` have passed since the last assessment (a month without the day ends on its last day).
  const cutoff = addMonths(today, -months);
  let q = db.k
    .selectFrom('info_records')
    .innerJoin('units', 'units.id', 'info_records.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select([
      'info_records.id',
      'info_records.title',
      'info_records.attribute_reason',
      'info_records.assessed_on',
      'info_records.reviewed_at',
      'units.name as unit_name',
    ])
    .where('info_records.county_code', '=', countyCode)
    .where('info_records.status', '=', 'filed')
    .where('info_records.attribute', '=', 'withheld')
    .where((eb) => eb.or([eb('info_records.assessed_on', 'is', null), eb('info_records.assessed_on', '<=', cutoff)]));
  q = withinReach(q, reachOf(actor, 'record.assess'));
  return { months, rows: await q.orderBy('info_records.assessed_on').limit(500).execute() };
}

/** Policies that need an interpretation (解读) and have none published, with the interpretation's due date. */
export async function missingInterpretations(db: Db, actor: Actor, countyCode: string) {
  const days = await setting(db.k, countyCode, INTERPRETATION_DAYS_KEY, 3);
  let q = db.k
    .selectFrom('info_records')
    .innerJoin('units', 'units.id', 'info_records.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select(['info_records.id', 'info_records.title', 'info_records.published_on', 'units.name as unit_name'])
    .where('info_records.county_code', '=', countyCode)
    .where('info_records.kind', '=', 'info')
    .where('info_records.needs_interpretation', '=', 1)
    .where('info_records.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('info_records as i')
            .select('i.id')
            .whereRef('i.policy_id', '=', 'info_records.id')
            .where('i.status', '=', 'published'),
        ),
      ),
    );
  q = withinReach(q, reachOf(actor, 'record.view'));
  const rows = await q.orderBy('info_records.published_on').limit(500).execute();
  const cal = await calendarFor(db.k, countyCode);
  const rules = await rulesFor(db.k, countyCode);
  return {
    days,
    rows: rows.map((r) => {
      return { ...r, due: r.published_on ? interpretationDue(cal, rules, r.published_on, days).due_on : null };
    }),
  };
}

/**
 * 清理: a draft 清理结果 record of a unit for a year, listing the information it declared 失效 or 废止
 * that year; it is reviewed and published like any other record.
 */
export async function draftCleanupResult(db: Db, actor: Actor, unitId: number, year: number): Promise<SaveResult> {
  const unit = await orgStore.findUnit(db.k, unitId);
  if (!unit) throw new NotFoundError('该单位不存在。');
  assertCan(actor, 'record.edit', unitRef(unit));
  const rows = await db.k
    .selectFrom('info_records')
    .select(['title', 'doc_number', 'validity', 'validity_on', 'index_no'])
    .where('unit_id', '=', unitId)
    .where('validity', 'in', ['expired', 'repealed'])
    .where('validity_on', '>=', `${year}-01-01`)
    .where('validity_on', '<=', `${year}-12-31`)
    .orderBy('validity_on')
    .execute();
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
