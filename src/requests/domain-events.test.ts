/**
 * The domain events of 依申请公开 are written with the step they report (platform/outbox.ts):
 * request.received, request.corrected and request.replied, about the info_request, with its unit.
 */
import { it, expect } from 'vitest';
import { todayInChina } from '../calendar/dates.js';
import { ConflictError } from '../platform/errors.js';
import { eventsOf } from '../platform/outbox.js';
import { actorFor, describeEachDb, seedDemoDb, unitIdByName } from '../testing.js';
import { confirmReceipt, register, submitOnline } from './service.js';
import { replyReviewed } from './testing.js';
import * as wf from './workflow.js';

const form = (unit: number, over: Record<string, string> = {}) => ({
  unit_id: String(unit),
  applicant_type: 'natural',
  name: '孙七',
  id_type: 'resident_id',
  id_number: '11010519491231002X',
  phone: '13500000007',
  description: '城关镇2025年老旧小区改造工程资金明细',
  form: 'paper',
  delivery: 'pickup',
  channel: 'in_person',
  submitted_on: '2025-09-01',
  ...over,
});

describeEachDb('domain events of requests', (db) => {
  const types = async (id: number) => (await eventsOf(db().k, 'info_request', id)).map((e) => e.type);

  it('reports receipt, correction and reply in the transaction of each step', async () => {
    await seedDemoDb(db());
    const j = await db()
      .k.selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', '990121')
      .executeTakeFirstOrThrow();
    const scope = { code: '990121', jurisdictionId: j.id, name: '示范县' };
    const unit = await unitIdByName(db(), '城关镇人民政府');
    const h = await actorFor(db(), 'cgz.banli');

    // Registered in person: received on the day of submission.
    const rec = await register(db(), h, scope, form(unit));
    const [received] = await eventsOf(db().k, 'info_request', rec.id);
    expect(received).toMatchObject({
      type: 'request.received',
      subjectType: 'info_request',
      subjectId: String(rec.id),
      payload: { unitId: unit, receivedOn: '2025-09-01' },
    });

    // Online: nothing is received until the office confirms.
    const online = await submitOnline(
      db(),
      scope,
      form(unit, { description: '城关镇2025年低保资金发放名单' }),
      '10.90.0.1',
    );
    expect(await types(online.id)).toEqual([]);
    await confirmReceipt(db(), h, online.id, { received_on: todayInChina() });
    expect(await eventsOf(db().k, 'info_request', online.id)).toMatchObject([
      { type: 'request.received', payload: { unitId: unit, receivedOn: todayInChina() } },
    ]);

    await wf.sendCorrection(db(), h, rec.id, { items: '请写明年度', date: '2025-09-03', until: '2025-09-15' });
    await wf.receiveCorrection(db(), h, rec.id, { date: '2025-09-10' });
    await replyReviewed(db(), h, await actorFor(db(), 'cgz.shenhe'), rec.id, 'granted', '2025-10-10');
    expect(await eventsOf(db().k, 'info_request', rec.id)).toMatchObject([
      { type: 'request.received' },
      { type: 'request.corrected', payload: { unitId: unit, receivedOn: '2025-09-10' } },
      { type: 'request.replied', payload: { unitId: unit, outcome: 'granted', repliedOn: '2025-10-10' } },
    ]);

    // A refused step writes no event.
    await expect(wf.reply(db(), h, rec.id, { outcome: 'granted', date: '2025-10-11' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await types(rec.id)).toEqual(['request.received', 'request.corrected', 'request.replied']);
  });

  it('reports the closing of a request without correction as its reply (其他处理 1)', async () => {
    const j = await db()
      .k.selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', '990121')
      .executeTakeFirstOrThrow();
    const unit = await unitIdByName(db(), '城关镇人民政府');
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(
      db(),
      h,
      { code: '990121', jurisdictionId: j.id },
      form(unit, { name: '吴九', description: '城关镇2025年道路维修工程合同' }),
    );
    await wf.sendCorrection(db(), h, rec.id, { items: '请写明村组', date: '2025-09-03', until: '2025-09-15' });
    await wf.closeWithoutCorrection(db(), h, rec.id, { date: '2025-09-16' });
    expect((await eventsOf(db().k, 'info_request', rec.id)).at(-1)).toMatchObject({
      type: 'request.replied',
      payload: { unitId: unit, outcome: 'other.noCorrection', repliedOn: '2025-09-16' },
    });
  });
});
