/**
 * Changes of published information: an approved change is published as a new version; the
 * version it replaces is kept with a snapshot of what was published (never deleted).
 */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso, parseJson } from '../platform/dialect.js';
import { runStep } from '../platform/workflow.js';
import { calendarFor } from '../calendar/service.js';
import { todayInChina } from '../calendar/dates.js';
import { isPublic, type K, type RecordRow, recordEvent, type UnitRow } from './core.js';
import { postingEnd, postingPeriodFor } from './deadline.js';
import { contentColumns, dueOf, prepare } from './drafting.js';
import { attachmentNames } from './store/files.js';
import { addEvent, insertVersion } from './store/history.js';
import { itemLabelsOf, writeItems } from './store/items.js';
import { updateRecord } from './store/records.js';

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
  const items = await itemLabelsOf(k, record.id);
  const attachments = await attachmentNames(k, record.id);
  const snap = Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, record[f]])) as Pick<
    RecordRow,
    (typeof SNAPSHOT_FIELDS)[number]
  >;
  return { ...snap, items, attachments };
}

/** An approved change of published information: the old version is kept, the new one published now. */
export async function applyChange(db: Db, actor: Actor, record: RecordRow, unit: UnitRow, comment: string | null) {
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
  const stillPublic = isPublic(p.input.attribute);
  const version = record.version + 1;
  await runStep(db, {
    actor: who,
    async change(trx) {
      await insertVersion(trx, {
        record_id: record.id,
        version: record.version,
        snapshot_json: JSON.stringify(await snapshotOf(trx, record)),
        published_at: record.published_at,
        replaced_at: now,
        reason: comment ?? '信息变更',
      });
      await updateRecord(trx, record.id, {
        ...contentColumns(p),
        ...due,
        version,
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
      });
      await writeItems(trx, record.id, p.items);
      await addEvent(trx, record.id, 'change_publish', who.name, `第 ${version} 版${comment ? `：${comment}` : ''}`);
    },
    audit: {
      action: 'record.change_publish',
      objectType: 'info_record',
      objectId: record.id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `审查通过并发布《${p.input.title}》第 ${version} 版（原版本保留）`,
      before: { version: record.version, title: record.title },
      after: { version, title: p.input.title },
    },
    // The search index follows (index.ts): the new version, or out of the index when no longer public.
    events: [
      stillPublic
        ? recordEvent('record.published', record.id, { unitId: unit.id, version })
        : recordEvent('record.withdrawn', record.id, { unitId: unit.id, version }),
    ],
  });
}
