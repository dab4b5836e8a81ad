/**
 * The 补正告知期限 (条例第三十条) is computed once, when its clock starts, and read back: also for a
 * request that was complete at intake and is found unclear later, whose clock starts with the notice.
 */
import { it, expect } from 'vitest';
import { noticeClockOf } from './clocks.js';
import { actorFor, describeEachDb, seedDemoDb, unitIdByName } from '../testing.js';
import { register } from './service.js';
import * as wf from './workflow.js';

describeEachDb('the 补正告知期限 read from its clock', (db) => {
  it('flags a late notice of a request complete at intake, counted from the day of receipt', async () => {
    await seedDemoDb(db());
    const j = await db()
      .k.selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', '990121')
      .executeTakeFirstOrThrow();
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(
      db(),
      h,
      { code: '990121', jurisdictionId: j.id },
      {
        unit_id: String(await unitIdByName(db(), '城关镇人民政府')),
        applicant_type: 'natural',
        name: '郑十',
        id_type: 'resident_id',
        id_number: '11010519491231002X',
        phone: '13500000010',
        description: '城关镇2025年农村危房改造补助资金发放明细',
        form: 'paper',
        delivery: 'pickup',
        channel: 'in_person',
        submitted_on: '2025-09-01',
      },
    );
    expect(rec).toMatchObject({ missing: [], correctionNoticeDue: null });
    expect(await noticeClockOf(db().k, rec.id)).toBeUndefined();
    await wf.sendCorrection(db(), h, rec.id, { items: '请写明村组', date: '2025-09-20', until: '2025-10-10' });
    // Received Mon 2025-09-01: the 7th working day is 09-10, so a notice on 09-20 is late.
    expect(await noticeClockOf(db().k, rec.id)).toMatchObject({ dueDate: '2025-09-10', closed: true });
    const audit = await db()
      .k.selectFrom('audit_log')
      .select('summary')
      .where('object_id', '=', String(rec.id))
      .where('action', '=', 'request.correction')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('告知逾期');
  });
});
