/**
 * 条例第十八条: the periodic re-assessment of 不予公开 information — what can now be disclosed is
 * disclosed (it becomes 主动公开, approved and waiting for publication) — and the queue of records due.
 */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError } from '../platform/errors.js';
import { parseInput } from '../platform/validation.js';
import { runStep } from '../platform/workflow.js';
import { addMonths, type IsoDate, todayInChina } from '../calendar/dates.js';
import { access, countySetting, unitsReached, withUnitNames } from './core.js';
import { assessSchema } from './schema.js';
import { PUBLISHING_SETTINGS } from './settings.js';
import { addEvent } from './store/history.js';
import { assessmentRows } from './store/lists.js';
import { updateRecord } from './store/records.js';

export async function assessWithheld(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  const { record, unit } = await access(db.k, actor, id, 'record.assess');
  const input = parseInput(assessSchema, raw);
  if (record.status !== 'filed' || record.attribute !== 'withheld')
    throw new ConflictError('只有已审定为不予公开的信息需要定期评估。');
  const who = auditActor(actor);
  const keep = input.result === 'keep';
  await runStep(db, {
    actor: who,
    async change(trx) {
      await updateRecord(
        trx,
        id,
        keep
          ? { assessed_on: todayInChina(), updated_at: nowIso() }
          : {
              assessed_on: todayInChina(),
              attribute: 'proactive',
              attribute_reason: null,
              status: 'approved',
              updated_at: nowIso(),
            },
      );
      await addEvent(
        trx,
        id,
        'assess',
        who.name,
        `${keep ? '继续不予公开' : '因情势变化可以公开，转为主动公开'}：${input.note}`,
      );
    },
    audit: {
      action: 'record.assess',
      objectType: 'info_record',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `定期评估《${record.title}》：${keep ? '继续不予公开' : '转为主动公开'}（${input.note}）`,
    },
  });
}

/** 条例第十八条: 不予公开 records due for their periodic re-assessment. */
export async function assessmentQueue(db: Db, actor: Actor, countyCode: string, today: IsoDate = todayInChina()) {
  const months = await countySetting(db.k, PUBLISHING_SETTINGS.assessMonths, countyCode);
  // Due once `months` have passed since the last assessment (a month without the day ends on its last day).
  const cutoff = addMonths(today, -months);
  const units = await unitsReached(db.k, actor, 'record.assess');
  return { months, rows: await withUnitNames(db.k, await assessmentRows(db.k, units, countyCode, cutoff)) };
}
