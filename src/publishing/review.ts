/**
 * Review and publication: 提交审查, 公开审查/保密审查 by the unit reviewer (条例第十七条, the 公开属性
 * confirmed there), publication now or at a set time within the 公开时限 (条例第二十六条), with the
 * policy's interpretations going out with it (三同步). Publishing emits `record.published`.
 */
import type { Transaction } from 'kysely';
import { type Actor, auditActor, systemActor } from '../platform/access.js';
import type { AuditActor } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError, ValidationError } from '../platform/errors.js';
import type { Database } from '../platform/schema.js';
import { parseInput } from '../platform/validation.js';
import { runStep, runStepIn } from '../platform/workflow.js';
import { calendarFor, rulesFor } from '../calendar/service.js';
import { todayInChina } from '../calendar/dates.js';
import { unitById } from '../org/api.js';
import { applyChange } from './changes.js';
import { access, countySetting, isPublic, itemChoices, type RecordRow, recordEvent, type UnitRow } from './core.js';
import { postingEnd, postingPeriodFor } from './deadline.js';
import { interpretationDue } from './interpretations.js';
import { ATTRIBUTES, type Attribute } from './model.js';
import { publishSchema, reviewSchema } from './schema.js';
import { PUBLISHING_SETTINGS } from './settings.js';
import { addEvent } from './store/history.js';
import { itemIdsOf } from './store/items.js';
import * as store from './store/records.js';

const OPEN = ['draft', 'returned'] as const;

export async function submitRecord(db: Db, actor: Actor, id: number): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.edit');
  const who = auditActor(actor);
  await runStep(db, {
    actor: who,
    async change(trx) {
      if (record.status === 'published' && record.pending_json) {
        if (record.pending_status === 'submitted') throw new ConflictError('该变更已提交审查。');
        await store.updateRecord(trx, id, { pending_status: 'submitted', updated_at: nowIso() });
      } else if ((OPEN as readonly string[]).includes(record.status)) {
        await store.updateRecord(trx, id, { status: 'submitted', updated_at: nowIso() });
        // 三同步: the policy's interpretation drafts go to review with it.
        if (record.kind === 'info')
          await store.updateInterpretations(trx, id, OPEN, { status: 'submitted', updated_at: nowIso() });
      } else {
        throw new ConflictError('该信息当前不能提交审查。');
      }
      await addEvent(trx, id, 'submit', who.name);
    },
    audit: {
      action: 'record.submit',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `《${record.title}》提交公开审查和保密审查`,
    },
  });
}

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
  const audit = { objectType: 'info_record', objectId: id, unitId: unit.id, jurisdictionId: unit.jurisdiction_id };
  if (input.decision === 'return') {
    await runStep(db, {
      actor: who,
      async change(trx) {
        await store.updateRecord(
          trx,
          id,
          change
            ? { pending_status: 'returned', review_comment: input.comment, updated_at: now }
            : {
                status: 'returned',
                review_comment: input.comment,
                reviewed_by: who.name,
                reviewed_at: now,
                updated_at: now,
              },
        );
        if (!change)
          await store.updateInterpretations(trx, id, ['submitted'], {
            status: 'returned',
            review_comment: `随政策文件退回：${input.comment}`,
            updated_at: now,
          });
        await addEvent(trx, id, 'return', who.name, input.comment);
      },
      audit: { action: 'record.return', summary: `退回《${record.title}》：${input.comment}`, ...audit },
    });
    return 'returned';
  }
  if (change) {
    await applyChange(db, actor, record, unit, input.comment);
    return 'published';
  }
  const status = isPublic(record.attribute) ? 'approved' : 'filed';
  await runStep(db, {
    actor: who,
    async change(trx) {
      await store.updateRecord(trx, id, {
        status,
        review_comment: input.comment,
        reviewed_by: who.name,
        reviewed_at: now,
        assessed_on: status === 'filed' && record.attribute === 'withheld' ? todayInChina() : null,
        updated_at: now,
      });
      // 三同步: interpretations submitted with the policy are approved in the same step.
      if (record.kind === 'info')
        await store.updateInterpretations(trx, id, ['submitted'], {
          status: 'approved',
          reviewed_by: who.name,
          reviewed_at: now,
          updated_at: now,
        });
      await addEvent(
        trx,
        id,
        'approve',
        who.name,
        [`公开属性确认为“${ATTRIBUTES[record.attribute as Attribute]}”，已完成保密审查`, input.comment]
          .filter(Boolean)
          .join('；'),
      );
    },
    audit: {
      action: 'record.approve',
      summary: `审查通过《${record.title}》（公开审查、保密审查）`,
      after: { status, attribute: record.attribute },
      ...audit,
    },
  });
  return status;
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
    (await countySetting(db.k, PUBLISHING_SETTINGS.requireInterpretation, record.county_code))
  ) {
    const interp = await store.anyInterpretation(db.k, id, ['approved', 'scheduled', 'published']);
    if (!interp)
      throw new ConflictError('本县要求政策文件与解读材料同步发布（三同步）：请先起草解读并随政策文件一并审查。');
  }
  if (record.kind === 'interpretation' && record.policy_id) {
    const policy = await store.findPolicy(db.k, record.policy_id);
    if (policy?.status !== 'published' && input.when === 'now')
      throw new ConflictError('政策解读应与政策文件同步或在其后发布：请先发布政策文件（解读将随之发布）。');
  }
  const who = auditActor(actor);
  if (input.when === 'scheduled') {
    const at = chinaLocalToIso(input.scheduled_at!);
    if (Number.isNaN(Date.parse(at)) || Date.parse(at) <= Date.now())
      throw new ValidationError({ scheduled_at: '定时发布的时间应晚于现在' });
    const when = input.scheduled_at!.replace('T', ' ');
    await runStep(db, {
      actor: who,
      async change(trx) {
        await store.updateRecord(trx, id, { status: 'scheduled', scheduled_at: at, updated_at: nowIso() });
        await addEvent(trx, id, 'schedule', who.name, `定于 ${when} 发布`);
      },
      audit: {
        action: 'record.schedule',
        objectType: 'info_record',
        objectId: id,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `《${record.title}》定于 ${when} 发布`,
      },
    });
    return 'scheduled';
  }
  await db.k.transaction().execute(async (trx) => publishNow(trx, who, record, unit));
  return 'published';
}

/** Publish an approved record inside the caller's transaction, with the policy's approved interpretations. */
async function publishNow(trx: Transaction<Database>, who: AuditActor, record: RecordRow, unit: UnitRow) {
  const now = nowIso();
  const today = todayInChina();
  const itemIds = await itemIdsOf(trx, record.id);
  const choices = (await itemChoices(trx, unit.id)).filter((c) => itemIds.includes(c.id));
  const posting = postingPeriodFor(choices);
  const cal = await calendarFor(trx, unit.jurisdiction_code);
  const late = record.due_on && today > record.due_on ? `，超过公开期限 ${record.due_on}` : '';
  await runStepIn(trx, {
    actor: who,
    async change(t) {
      await store.updateRecord(t, record.id, {
        status: 'published',
        published_at: now,
        published_on: today,
        scheduled_at: null,
        posting_end_on: posting ? postingEnd(cal, today, posting) : null,
        updated_at: now,
      });
      await addEvent(t, record.id, 'publish', who.name, late ? `发布${late}` : null);
    },
    audit: {
      action: 'record.publish',
      objectType: 'info_record',
      objectId: record.id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `发布《${record.title}》${late}`,
    },
    events: [recordEvent('record.published', record.id, { unitId: unit.id, version: record.version })],
  });
  if (record.kind === 'info') {
    // 三同步: approved interpretations of this policy go out with it.
    for (const i of await store.interpretationsIn(trx, record.id, ['approved', 'scheduled']))
      await publishNow(trx, who, i, unit);
    // The others had the policy's deadline while it was unpublished: now they have the 解读 rule.
    const days = await countySetting(trx, PUBLISHING_SETTINGS.interpretationDays, record.county_code);
    const due = interpretationDue(cal, await rulesFor(trx, unit.jurisdiction_code), today, days);
    await store.updateInterpretations(trx, record.id, ['draft', 'submitted', 'returned'], {
      due_on: due.due_on,
      due_note: due.due_note,
      updated_at: now,
    });
  }
}

/** Publish what was scheduled and is due (run by the server every minute, and before lists). */
export async function publishDue(db: Db, now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  const due = await store.scheduledBefore(db.k, at, 100);
  const who = auditActor(systemActor('系统（定时发布）'));
  let n = 0;
  for (const r of due) {
    const unit = await unitById(db.k, r.unit_id);
    if (!unit) continue;
    await db.k.transaction().execute(async (trx) => {
      // Claim the record first, so that it is published exactly once among several app servers.
      if (!(await store.claimScheduled(trx, r.id, at))) return;
      const fresh = await store.findRecord(trx, r.id);
      if (!fresh) return;
      await publishNow(trx, who, fresh, unit);
      n++;
    });
  }
  return n;
}
