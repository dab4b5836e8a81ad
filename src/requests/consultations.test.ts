/**
 * 征求意见 with each consultee's own period: a third party (条例第三十二条) and another agency
 * (条例第三十四条) answer within 15 working days of receiving the 征求意见书; silence has a different
 * consequence for each; the reply clock (条例第三十三条第二款) resumes when the last one closes.
 */
import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { register, getRequest, queue } from './service.js';
import * as wf from './workflow.js';
import { type ValidationError, ConflictError } from '../platform/errors.js';

const form = (unit: number, over: Record<string, string> = {}) => ({
  unit_id: String(unit),
  applicant_type: 'natural',
  name: '郑十',
  id_type: 'resident_id',
  id_number: '11010519491231002X',
  phone: '13500000000',
  description: '城关镇2025年老旧小区改造工程施工合同',
  form: 'paper',
  delivery: 'pickup',
  channel: 'in_person',
  submitted_on: '2025-09-01',
  ...over,
});

describeEachDb('征求意见 periods', (db) => {
  let id: number;
  let unit: number;

  it('tracks two consultations at once, each with its 15 working days from receipt of the 征求意见书', async () => {
    await seedDemoDb(db());
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const h = await actorFor(db(), 'cgz.banli');
    unit = await unitIdByName(db(), '城关镇人民政府');
    id = (await register(db(), h, scope, form(unit))).id;
    const noName = await wf.consult(db(), h, id, { party: 'third_party', date: '2025-09-15' }).catch((x: unknown) => x);
    expect((noName as ValidationError).fieldErrors).toEqual({ party_name: '请填写被征求意见的第三方或行政机关名称' });
    expect(await db().k.selectFrom('info_request_consultations').select('id').execute()).toHaveLength(0);
    // Received the day after it was sent: counted from the next day, 10-01…10-08 not counted → 10-13.
    expect(
      await wf.consult(db(), h, id, {
        party: 'third_party',
        party_name: '示范建筑工程有限公司',
        date: '2025-09-15',
        received_on: '2025-09-16',
      }),
    ).toBeNull(); // the reply clock is paused
    expect(
      await wf.consult(db(), h, id, {
        party: 'other_agency',
        party_name: '示范县住房和城乡建设局',
        date: '2025-09-17',
      }),
    ).toBe('2025-10-14');
    const early = await wf
      .consult(db(), h, id, { party: 'other_agency', party_name: '示范县财政局', date: '2025-09-10' })
      .catch((x: unknown) => x);
    expect((early as ValidationError).fieldErrors).toEqual({
      date: '发出征求意见书日期不能早于本申请已登记的征求意见日期 2025-09-17',
    });
    const v = await getRequest(db(), h, id);
    expect(v.request.status).toBe('consultation');
    expect(v.consultations.map((c) => [c.partyType, c.partyName, c.receivedOn, c.due, c.status])).toEqual([
      ['third_party', '示范建筑工程有限公司', '2025-09-16', '2025-10-13', 'open'],
      ['other_agency', '示范县住房和城乡建设局', '2025-09-17', '2025-10-14', 'open'],
    ]);
    expect(v.consultations[0].steps.at(-1)).toBe('第 15 个工作日为 2025-10-13（星期一），即截止日。');
    expect(v.events.filter((e) => e.type === 'request.consult').map((e) => e.public_note)).toEqual([
      '2025-09-15 书面征求第三方意见（条例第三十二条），第三方应自收到征求意见书之日（2025-09-16）起 15 个工作日内提出意见，期限至 2025-10-13；征求意见所需时间不计算在答复期限内（条例第三十三条）',
      '2025-09-17 书面征求其他行政机关意见（条例第三十四条），其他行政机关应自收到征求意见书之日（2025-09-17）起 15 个工作日内提出意见，期限至 2025-10-14；征求意见所需时间不计算在答复期限内（条例第三十三条）',
    ]);
  });

  it('lists requests whose consultation period has passed', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    expect((await queue(db(), h, { state: 'consultation_lapsed' }, '2025-10-13')).map((r) => r.id)).not.toContain(id);
    const rows = await queue(db(), h, { state: 'consultation_lapsed' }, '2025-10-14');
    expect(rows.map((r) => r.id)).toEqual([id]);
    expect(rows[0]).toMatchObject({ consultationDue: '2025-10-13', consultationLapsed: true });
  });

  it('records silence as 逾期未答复 with the consequence of the article, and resumes the reply clock at the last', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const [third, agency] = (await getRequest(db(), h, id)).consultations;
    const notYet = await wf
      .consultationDone(db(), h, id, { consultation_id: String(third.id), result: 'lapsed', date: '2025-10-13' })
      .catch((x: unknown) => x);
    expect((notYet as ValidationError).fieldErrors).toEqual({
      date: '征求意见期限 2025-10-13 尚未届满，不能按逾期未答复处理',
    });
    const which = await wf
      .consultationDone(db(), h, id, { result: 'agree', date: '2025-10-10' })
      .catch((x: unknown) => x);
    expect((which as ValidationError).fieldErrors).toEqual({ consultation_id: '请选择要结束的征求意见' });
    await wf.consultationDone(db(), h, id, { consultation_id: String(third.id), result: 'lapsed', date: '2025-10-14' });
    let v = await getRequest(db(), h, id);
    expect(v.request.status).toBe('consultation'); // the other agency has not answered yet
    expect(v.clock?.result.paused).toBe(true);
    expect(v.consultations[0]).toMatchObject({
      status: 'lapsed',
      closedOn: '2025-10-14',
      consequence: '第三方逾期未提出意见的，由行政机关依照本条例的规定决定是否公开',
    });
    await expect(
      wf.consultationDone(db(), h, id, { consultation_id: String(third.id), result: 'agree', date: '2025-10-14' }),
    ).rejects.toThrow('对示范建筑工程有限公司的征求意见已于 2025-10-14 结束，不能重复登记。');
    const noReason = await wf
      .consultationDone(db(), h, id, { consultation_id: String(agency.id), result: 'disagree', date: '2025-10-15' })
      .catch((x: unknown) => x);
    expect((noReason as ValidationError).fieldErrors).toEqual({ reason: '请填写不同意公开的理由' });
    expect(
      await wf.consultationDone(db(), h, id, {
        consultation_id: String(agency.id),
        result: 'lapsed',
        date: '2025-10-15',
      }),
    ).toBe('2025-10-29');
    v = await getRequest(db(), h, id);
    expect(v.request.status).toBe('processing');
    expect(v.consultations[1]).toMatchObject({
      status: 'lapsed',
      consequence: '逾期未提出意见的视为同意公开',
      clock: { state: 'stopped' },
    });
    expect(v.clock?.result.steps).toContain('2025-09-16 至 10-15 征求第三方意见，期间不计算。');
    expect(v.events.filter((e) => e.type === 'request.consulted').map((e) => e.public_note)).toEqual([
      '2025-10-14 第三方逾期未提出意见。第三方逾期未提出意见的，由行政机关依照本条例的规定决定是否公开（条例第三十二条）',
      '2025-10-15 其他行政机关逾期未提出意见。逾期未提出意见的视为同意公开（条例第三十四条）；征求意见结束，恢复计算答复期限；答复期限：2025-10-29',
    ]);
    const audit = await db()
      .k.selectFrom('audit_log')
      .select(['action', 'summary', 'after_json'])
      .where('object_type', '=', 'info_request')
      .where('object_id', '=', String(id))
      .where('action', 'in', ['request.consult', 'request.consulted'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'request.consult',
      'request.consult',
      'request.consulted',
      'request.consulted',
    ]);
    expect(JSON.parse(audit[3].after_json!)).toMatchObject({
      status: 'processing',
      result: 'lapsed',
      consequence: '逾期未提出意见的视为同意公开',
    });
    await expect(
      wf.consultationDone(db(), h, id, { consultation_id: String(agency.id), result: 'agree' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('records an answer (同意 / 不同意 with reason) and resumes the clock; refuses steps that do not fit the state', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const other = (
      await register(
        db(),
        h,
        scope,
        form(unit, { description: '城关镇2025年某企业环境影响评价文件', submitted_on: '2025-09-22' }),
      )
    ).id;
    await expect(wf.consultationDone(db(), h, other, { result: 'agree' })).rejects.toThrow(
      '该申请当前为“办理中”，不能结束征求意见。',
    );
    await wf.consult(db(), h, other, { party: 'third_party', party_name: '示范化工有限公司', date: '2025-09-23' });
    await wf.consultationDone(db(), h, other, {
      result: 'disagree',
      reason: '涉及生产工艺等商业秘密',
      date: '2025-09-26',
    });
    const v = await getRequest(db(), h, other);
    expect(v.request.status).toBe('processing');
    expect(v.consultations[0]).toMatchObject({
      status: 'answered',
      answer: 'disagree',
      reason: '涉及生产工艺等商业秘密',
    });
    expect(v.consultations[0].consequence).toContain('第三方不同意公开且有合理理由的，行政机关不予公开');
    expect(v.events.at(-1)!.public_note).not.toContain('商业秘密'); // the reason stays with the handlers
    const letter = await wf.draftDocument(db(), h, other, 'consultation');
    expect(letter.startsWith('示范化工有限公司：')).toBe(true);
    await wf.sendCorrection(db(), h, other, { items: '请写明企业名称', date: '2025-09-26', until: '2025-10-20' });
    await expect(
      wf.consult(db(), h, other, { party: 'third_party', party_name: '示范化工有限公司', date: '2025-09-29' }),
    ).rejects.toThrow('该申请当前为“待申请人补正”，不能征求意见。');
  });
});
