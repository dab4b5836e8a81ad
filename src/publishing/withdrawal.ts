/**
 * Withdrawal of published information with a public reason (it is never deleted; withdrawing emits
 * `record.withdrawn`), and its 有效性 (失效/废止 with a date, e.g. after a 清理).
 */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError } from '../platform/errors.js';
import { parseInput } from '../platform/validation.js';
import { runStep } from '../platform/workflow.js';
import { access, recordEvent } from './core.js';
import { VALIDITY } from './model.js';
import { validitySchema, withdrawSchema } from './schema.js';
import { addEvent } from './store/history.js';
import { updateRecord } from './store/records.js';

export async function withdrawRecord(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.withdraw');
  const input = parseInput(withdrawSchema, raw);
  if (record.status !== 'published') throw new ConflictError('只有已发布的信息可以撤回。');
  const who = auditActor(actor);
  await runStep(db, {
    actor: who,
    async change(trx) {
      await updateRecord(trx, id, {
        status: 'withdrawn',
        withdrawn_reason: input.reason,
        withdrawn_at: nowIso(),
        pending_json: null,
        pending_status: null,
        updated_at: nowIso(),
      });
      await addEvent(trx, id, 'withdraw', who.name, input.reason);
    },
    audit: {
      action: 'record.withdraw',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `撤回《${record.title}》：${input.reason}`,
    },
    events: [recordEvent('record.withdrawn', id, { unitId: unit.id, reason: input.reason })],
  });
}

/** 有效性 of published information (失效/废止 with date), e.g. after a 清理. */
export async function setValidity(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.withdraw');
  const input = parseInput(validitySchema, raw);
  if (record.status !== 'published') throw new ConflictError('只有已发布的信息可以修改有效性。');
  const who = auditActor(actor);
  await runStep(db, {
    actor: who,
    async change(trx) {
      await updateRecord(trx, id, {
        validity: input.validity,
        validity_on: input.validity === 'valid' ? null : input.validity_on,
        updated_at: nowIso(),
      });
      await addEvent(
        trx,
        id,
        'validity',
        who.name,
        `${VALIDITY[input.validity]}（${input.validity_on}）${input.note ? `：${input.note}` : ''}`,
      );
    },
    audit: {
      action: 'record.validity',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `《${record.title}》有效性改为${VALIDITY[input.validity]}（${input.validity_on}）`,
      before: { validity: record.validity },
      after: { validity: input.validity, validity_on: input.validity_on },
    },
  });
}
