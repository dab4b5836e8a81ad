import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { register, getRequest, publicStatus } from './service.js';
import * as wf from './workflow.js';
import { ValidationError, ConflictError, ForbiddenError } from '../platform/errors.js';

const form = (unit: number) => ({
  unit_id: String(unit),
  applicant_type: 'legal',
  org_type: 'legal_service',
  name: '示范律师事务所',
  id_type: 'credit_code',
  id_number: '91350100M000100Y43',
  phone: '0000-7777777',
  description: '城关镇2025年农村危房改造补助资金发放明细',
  form: 'paper',
  delivery: 'mail',
  address: '示范县法治路 6 号',
  channel: 'in_person',
  submitted_on: '2025-09-01',
});

describeEachDb('request workflow under the statutory clock', (db) => {
  let id: number;

  it('runs 补正 → restart → 征求意见 (not counted) → 延期 → 部分公开 → 送达 → 归档 with the official calendar', async () => {
    await seedDemoDb(db());
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(db(), h, scope, form(await unitIdByName(db(), '城关镇人民政府')));
    id = rec.id;
    expect(rec.due).toBe('2025-09-28'); // 9/28 is a make-up Sunday: the 20th working day
    await wf.sendCorrection(db(), h, id, {
      items: '请写明所需资金明细的年度和村组',
      date: '2025-09-03',
      until: '2025-09-15',
    });
    await expect(
      wf.sendCorrection(db(), h, id, { items: 'x', date: '2025-09-04', until: '2025-09-20' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await wf.receiveCorrection(db(), h, id, { date: '2025-09-10' })).toBe('2025-10-14');
    await expect(
      wf.sendCorrection(db(), h, id, { items: 'x', date: '2025-09-11', until: '2025-09-20' }),
    ).rejects.toThrow('补正告知只能一次性发出');
    await wf.consult(db(), h, id, { party: 'third_party', party_name: '示范建筑工程有限公司', date: '2025-09-15' });
    await expect(wf.propose(db(), h, id, { outcome: 'partial' })).rejects.toBeInstanceOf(ConflictError); // still in consultation
    expect(await wf.consultationDone(db(), h, id, { result: 'agree', date: '2025-09-30' })).toBe('2025-10-30');
    const noApprover = await wf
      .extend(db(), h, id, { working_days: '10', approver: '', reason: '', date: '2025-10-20' })
      .catch((x: unknown) => x);
    expect((noApprover as ValidationError).fieldErrors).toEqual({
      approver: '请填写批准延期的政府信息公开工作机构负责人',
      reason: '请填写延期理由',
    });
    expect(
      await wf.extend(db(), h, id, {
        working_days: '10',
        approver: '政务公开办主任 李某',
        reason: '涉及多个村组，信息量大',
        date: '2025-10-20',
      }),
    ).toBe('2025-11-13');
    const tooLong = await wf
      .extend(db(), h, id, {
        working_days: '11',
        approver: '政务公开办主任 李某',
        reason: '再次延期',
        date: '2025-10-21',
      })
      .catch((x: unknown) => x);
    expect((tooLong as ValidationError).message).toBe(
      '延长的期限最长不得超过20个工作日（《中华人民共和国政府信息公开条例》第三十三条）。',
    );
    const badOutcome = await wf.propose(db(), h, id, { outcome: 'granted-ish' }).catch((x: unknown) => x);
    expect((badOutcome as ValidationError).fieldErrors).toEqual({ outcome: '请选择答复结果' });
    await expect(wf.deliver(db(), h, id, { method: 'mail', date: '2025-11-10' })).rejects.toBeInstanceOf(ConflictError);
    await expect(wf.reply(db(), h, id, { outcome: 'partial', date: '2025-11-10' })).rejects.toThrow(
      '须先提出拟办意见并经单位审核通过',
    );
    const r = await actorFor(db(), 'cgz.shenhe');
    await wf.propose(db(), h, id, { outcome: 'granted', note: '拟全部公开' });
    await expect(wf.review(db(), h, id, { decision: 'approve', secrecy: '1' })).rejects.toBeInstanceOf(ForbiddenError); // handlers do not review
    const noSecrecy = await wf.review(db(), r, id, { decision: 'approve' }).catch((x: unknown) => x);
    expect((noSecrecy as ValidationError).fieldErrors).toEqual({
      secrecy: '请确认已对拟公开的信息进行保密审查（条例第十七条）',
    });
    await wf.review(db(), r, id, { decision: 'return', comment: '部分名单涉及个人隐私，应区分处理' });
    await wf.propose(db(), h, id, { outcome: 'partial' });
    await wf.review(db(), r, id, { decision: 'approve', secrecy: '1' });
    const mismatch = await wf.reply(db(), h, id, { outcome: 'granted', date: '2025-11-10' }).catch((x: unknown) => x);
    expect((mismatch as ValidationError).fieldErrors.outcome).toContain('答复结果应与审核通过的拟办意见一致');
    await wf.reply(db(), h, id, { date: '2025-11-10' });
    await wf.deliver(db(), h, id, { method: 'mail', date: '2025-11-11' });
    await wf.archive(db(), h, id);
    const v = await getRequest(db(), h, id);
    expect(v.request).toMatchObject({
      status: 'archived',
      outcome: 'partial',
      replied_on: '2025-11-10',
      delivery_method: 'mail',
    });
    expect(v.clock?.status).toMatchObject({ state: 'stopped', label: '已办结' });
    expect(v.clock?.result.steps).toContain('2025-09-16 至 09-30 征求第三方意见，期间不计算。');
    expect(v.events.map((e) => e.type)).toEqual([
      'submitted',
      'received',
      'request.correction',
      'request.corrected',
      'request.consult',
      'request.consulted',
      'request.extend',
      'request.propose',
      'request.review',
      'request.propose',
      'request.review',
      'request.reply',
      'request.deliver',
      'request.archive',
    ]);
  });

  it('lets only the handlers of the unit act', async () => {
    for (const who of ['gkb', 'cgz.bianji', 'shq.bianji', 'admin']) {
      await expect(wf.archive(db(), await actorFor(db(), who), id)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('closes a request whose correction did not come as 其他处理 1, only after the period', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const rec = await register(db(), h, scope, {
      ...form(await unitIdByName(db(), '城关镇人民政府')),
      description: '另一件申请：城关镇2025年低保名单',
      submitted_on: '2025-10-09',
    });
    await wf.sendCorrection(db(), h, rec.id, { items: '请写明村组', date: '2025-10-10', until: '2025-10-24' });
    const early = await wf.closeWithoutCorrection(db(), h, rec.id, { date: '2025-10-20' }).catch((x: unknown) => x);
    expect((early as ValidationError).fieldErrors).toEqual({ date: '补正期限 2025-10-24 尚未届满' });
    await wf.closeWithoutCorrection(db(), h, rec.id, { date: '2025-10-27' });
    expect((await getRequest(db(), h, rec.id)).request).toMatchObject({
      status: 'replied',
      outcome: 'other.noCorrection',
    });
    const s = await publicStatus(db(), '990121', (await getRequest(db(), h, rec.id)).request.number, 'NOTKNOWN').catch(
      (x: unknown) => x,
    );
    expect(s).toBeInstanceOf(ValidationError);
  });
});
