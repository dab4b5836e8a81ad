import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { register, getRequest } from './service.js';
import * as wf from './workflow.js';
import { type ValidationError, ForbiddenError } from '../platform/errors.js';

describeEachDb('信息处理费 and transfer', (db) => {
  it('charges the 11th request of a month 100 yuan, pauses the clock and closes an unpaid one as 其他处理 2', async () => {
    await seedDemoDb(db());
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const unit = String(await unitIdByName(db(), '城关镇人民政府'));
    const h = await actorFor(db(), 'cgz.banli');
    const base = {
      unit_id: unit,
      applicant_type: 'natural',
      name: '赵六',
      id_type: 'resident_id',
      id_number: '11010519491231002X',
      phone: '13600000000',
      form: 'paper',
      delivery: 'pickup',
      channel: 'in_person',
    };
    for (let i = 1; i <= 10; i++)
      await register(db(), h, scope, {
        ...base,
        description: `2025年9月第${i}件申请的内容`,
        submitted_on: `2025-09-0${Math.min(i, 9)}`,
      });
    const eleventh = await register(db(), h, scope, {
      ...base,
      description: '2025年9月第11件申请的内容',
      submitted_on: '2025-09-22',
    });
    const none = await wf
      .feeNotice(db(), h, eleventh.id, { basis: 'both', date: '2025-09-23' })
      .catch((x: unknown) => x);
    expect((none as ValidationError).fieldErrors).toEqual({
      basis: '请选择按件计收或按量计收（不得同时按两种标准计算）',
    });
    await wf.feeNotice(db(), h, eleventh.id, { basis: 'count', items: '1', date: '2025-09-23' });
    expect((await getRequest(db(), h, eleventh.id)).request).toMatchObject({ status: 'fee_pending', fee_amount: 100 });
    const early = await wf.feeUnpaid(db(), h, eleventh.id, { date: '2025-10-20' }).catch((x: unknown) => x);
    expect((early as ValidationError).fieldErrors).toEqual({ date: '缴费期限 2025-10-27 尚未届满' });
    await wf.feeUnpaid(db(), h, eleventh.id, { date: '2025-10-28' });
    expect((await getRequest(db(), h, eleventh.id)).request).toMatchObject({
      status: 'replied',
      outcome: 'other.unpaidFee',
    });
  });

  it('counts only the same applicant’s requests of the month (109号第四条 同一申请人), not a namesake’s', async () => {
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const h = await actorFor(db(), 'cgz.banli');
    // No identity number yet (it awaits 补正): the applicant is told apart by name and contacts.
    const base = {
      unit_id: String(await unitIdByName(db(), '城关镇人民政府')),
      applicant_type: 'natural',
      name: '钱七',
      id_type: 'resident_id',
      id_number: '',
      form: 'paper',
      delivery: 'pickup',
      channel: 'in_person',
    };
    for (let i = 1; i <= 10; i++)
      await register(db(), h, scope, {
        ...base,
        phone: '13900000001',
        description: `另一位钱七2025年10月第${i}件申请`,
        submitted_on: `2025-10-0${Math.min(i, 9)}`,
      });
    await register(db(), h, scope, {
      ...base,
      phone: '13900000002',
      description: '钱七2025年10月第1件申请',
      submitted_on: '2025-10-09',
    });
    const second = await register(db(), h, scope, {
      ...base,
      phone: '13900000002',
      description: '钱七2025年10月第2件申请',
      submitted_on: '2025-10-10',
    });
    const free = await wf
      .feeNotice(db(), h, second.id, { basis: 'count', items: '1', date: '2025-10-13' })
      .catch((x: unknown) => x);
    expect((free as ValidationError).fieldErrors).toEqual({
      basis: '按件计收：本自然月此前已申请 1 件，本申请 1 件，在免费范围内，不收取信息处理费',
    });
    // The namesake's own 11th request of the month is charged.
    const eleventh = await register(db(), h, scope, {
      ...base,
      phone: '13900000001',
      description: '另一位钱七2025年10月第11件申请',
      submitted_on: '2025-10-10',
    });
    await wf.feeNotice(db(), h, eleventh.id, { basis: 'count', items: '1', date: '2025-10-13' });
    expect((await getRequest(db(), h, eleventh.id)).request).toMatchObject({ status: 'fee_pending', fee_amount: 100 });
  });

  it('charges by pages and resumes the clock when paid', async () => {
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(db(), h, scope, {
      unit_id: String(await unitIdByName(db(), '城关镇人民政府')),
      applicant_type: 'legal',
      org_type: 'research',
      name: '示范大学',
      id_type: 'credit_code',
      id_number: '91350100M000100Y43',
      phone: '0000-1',
      form: 'paper',
      delivery: 'pickup',
      channel: 'in_person',
      description: '全镇2015—2025年全部财政资金使用凭证',
      submitted_on: '2025-09-22',
    });
    expect(rec.due).toBe('2025-10-24');
    await wf.feeNotice(db(), h, rec.id, { basis: 'pages', pages: '150', date: '2025-09-24' });
    expect((await getRequest(db(), h, rec.id)).request.fee_amount).toBe(1700);
    await wf.feePaid(db(), h, rec.id, { date: '2025-09-30' });
    const v = await getRequest(db(), h, rec.id);
    expect(v.request.status).toBe('processing');
    expect(v.clock?.result.due).toBe('2025-10-31'); // 9/25–9/30 (5 working days incl. the make-up Sunday 9/28) not counted
  });

  it('transfers a request to another receiving unit of the county, with a reason', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const id = (
      await db().k.selectFrom('info_requests').select('id').where('name', '=', '示范大学').executeTakeFirstOrThrow()
    ).id;
    const bad = await wf.transfer(db(), h, id, { to_unit_id: '999', reason: '' }).catch((x: unknown) => x);
    expect((bad as ValidationError).fieldErrors).toEqual({
      to_unit_id: '请选择本县（区）内另一个受理机关',
      reason: '请说明转办理由',
    });
    const mz = await unitIdByName(db(), '示范县财政局');
    await wf.transfer(db(), h, id, { to_unit_id: String(mz), reason: '财政资金凭证由县财政局保存' });
    expect(
      (await db().k.selectFrom('info_requests').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow())
        .unit_id,
    ).toBe(mz);
    await expect(getRequest(db(), h, id)).rejects.toBeInstanceOf(ForbiddenError); // now the 财政局's request
  });
});
