import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { register } from '../requests/service.js';
import * as wf from '../requests/workflow.js';
import { replyReviewed } from '../requests/testing.js';
import { table4ForUnits } from './statistics.js';
import { computeTable4, checkTable4 } from './table4.js';
import { type ValidationError, ConflictError } from '../platform/errors.js';

describeEachDb('annual report table 4 from 复议 and 诉讼 records', (db) => {
  it('counts cases filed in the year by result, 尚未审结 when undecided at year end', async () => {
    await seedDemoDb(db());
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const unit = await unitIdByName(db(), '城关镇人民政府');
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(db(), h, scope, {
      unit_id: String(unit),
      applicant_type: 'natural',
      name: '王五',
      id_type: 'resident_id',
      id_number: '11010519491231002X',
      phone: '13700000000',
      description: '城关镇2025年征地补偿方案',
      form: 'paper',
      delivery: 'pickup',
      channel: 'in_person',
      submitted_on: '2025-09-22',
    });
    await expect(wf.addAppeal(db(), h, rec.id, { kind: 'review', filed_on: '2025-10-01' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await replyReviewed(db(), h, await actorFor(db(), 'cgz.shenhe'), rec.id, 'denied.processInfo', '2025-10-10');
    const bad = await wf
      .addAppeal(db(), h, rec.id, { kind: 'appeal', filed_on: '2025-10-20' })
      .catch((x: unknown) => x);
    expect((bad as ValidationError).fieldErrors).toEqual({ kind: '请选择行政复议或行政诉讼的类型' });
    await wf.addAppeal(db(), h, rec.id, { kind: 'review', filed_on: '2025-11-20' });
    await wf.addAppeal(db(), h, rec.id, { kind: 'litigationDirect', filed_on: '2025-12-01' });
    await wf.addAppeal(db(), h, rec.id, { kind: 'litigationAfterReview', filed_on: '2025-12-20' });
    const [review, , afterReview] = await wf.listAppeals(db(), h, rec.id);
    await wf.decideAppeal(db(), h, rec.id, {
      appeal_id: String(review.id),
      result: 'corrected',
      decided_on: '2025-12-10',
    });
    await wf.decideAppeal(db(), h, rec.id, {
      appeal_id: String(afterReview.id),
      result: 'upheld',
      decided_on: '2026-02-01',
    }); // decided next year
    const { table, problems } = await table4ForUnits(db(), [unit], 2025);
    expect(problems).toEqual([]);
    expect(table).toEqual({
      review: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    });
    expect((await table4ForUnits(db(), [unit], 2026)).table.litigationAfterReview.total).toBe(0);
  });
});

it('checks that each group adds up', () => {
  const t = computeTable4([{ kind: 'review', filedOn: '2025-03-01', result: 'upheld', decidedOn: '2025-04-01' }], 2025);
  expect(checkTable4(t)).toEqual([]);
  t.review.total = 3;
  expect(checkTable4(t)).toEqual(['行政复议：总计（3）不等于结果维持、结果纠正、其他结果、尚未审结之和']);
});
