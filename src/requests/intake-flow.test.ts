/**
 * Incomplete requests are registered and go the 补正 way (条例第二十九条, 第三十条): a receipt that
 * says what is missing, a 需补正 queue with the 补正告知期限 (7 working days from receipt), and a
 * 补正告知 prefilled with exactly the missing items.
 */
import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { submitOnline, register, confirmReceipt, getRequest, queue, publicStatus } from './service.js';
import * as wf from './workflow.js';
import { type ValidationError, ConflictError } from '../platform/errors.js';
import { calendarFor, setRules } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/clock.js';
import { todayInChina } from '../calendar/dates.js';

const base = (unit: number, over: Record<string, string> = {}) => ({
  unit_id: String(unit),
  applicant_type: 'natural',
  name: '王五',
  id_type: 'resident_id',
  id_number: '',
  phone: '13700000000',
  description: '低保',
  form: '',
  delivery: 'mail',
  ...over,
});

describeEachDb('incomplete requests take the 补正 path', (db) => {
  let unit: number;
  let scope: { code: string; jurisdictionId: number; name: string };

  it('registers an online request with missing contents, says which, and flags it 需补正 (条例第二十九条)', async () => {
    await seedDemoDb(db());
    scope = {
      code: '990121',
      name: '示范县',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    unit = await unitIdByName(db(), '城关镇人民政府');
    const rec = await submitOnline(db(), scope, base(unit), '10.70.0.1');
    expect(rec).toMatchObject({ duplicate: false, status: 'awaiting_confirmation', correctionNoticeDue: null });
    expect(rec.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(rec.missing.map((x) => x.key)).toEqual(['identity', 'description_vague', 'form', 'delivery_address']);
    const again = await submitOnline(db(), scope, base(unit), '10.70.0.1');
    expect(again).toMatchObject({ duplicate: true, number: rec.number, code: null });
    expect(again.missing).toEqual(rec.missing);
    const s = await publicStatus(db(), '990121', rec.number, rec.code!);
    expect(s.events.map((e) => e.public_note)[1]).toBe(
      '经初步核对，申请缺少或未写明以下内容（条例第二十九条）：1．申请人的身份证明（证件号码）；2．所需政府信息的描述不明确，请写明信息的名称、文号，或者制作机关、时间、事项等便于查询的特征性描述；3．所需政府信息的提供形式（纸质、电子文档等）；4．选择邮寄获取信息的，请提供通讯地址。受理机关将自收到申请之日起 7 个工作日内一次性告知需要补正的事项和补正期限（条例第三十条）',
    );
    const h = await actorFor(db(), 'cgz.banli');
    expect((await queue(db(), h, { state: 'needs_correction' })).map((r) => r.number)).toEqual([rec.number]);
    // Confirming receipt starts the 补正告知期限: 7 working days from the day of receipt (条例第三十条).
    const today = todayInChina();
    await confirmReceipt(db(), h, rec.id, { received_on: today });
    let expected: string | null = null;
    try {
      expected = addWorkingDays(await calendarFor(db().k, '990121'), today, 7).due;
    } catch {
      expected = null;
    }
    const row = (await queue(db(), h, { state: 'needs_correction' })).find((r) => r.id === rec.id)!;
    expect(row).toMatchObject({ needsCorrection: true, correctionNoticeDue: expected });
    const v = await getRequest(db(), h, rec.id);
    expect(v.needsCorrection).toBe(true);
    expect(v.missing).toHaveLength(4);
  });

  it('shows the 补正告知期限 in the queue and prefills the one-time 补正告知 with exactly the missing items', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(db(), h, scope, {
      ...base(unit, { name: '孙七', description: '', doc_number: '', form: 'paper', delivery: 'pickup' }),
      channel: 'in_person',
      submitted_on: '2025-09-22',
    });
    expect(rec.missing.map((x) => x.key)).toEqual(['identity', 'description']);
    // 9/23 … 9/30 with the make-up working Sunday 9/28: the 7th working day is 9/30.
    expect(rec).toMatchObject({
      receivedOn: '2025-09-22',
      due: '2025-10-24',
      correctionNoticeDue: '2025-09-30',
      status: 'processing',
    });
    const row = (await queue(db(), h, { state: 'needs_correction' }, '2025-09-29')).find((r) => r.id === rec.id)!;
    expect(row.correctionNoticeClock).toMatchObject({ state: 'due_soon', due: '2025-09-30', workingDaysLeft: 1 });
    expect(
      (await queue(db(), h, { state: 'needs_correction' }, '2025-10-09')).find((r) => r.id === rec.id)!
        .correctionNoticeClock,
    ).toMatchObject({ state: 'overdue' });
    const draft = await wf.draftDocument(db(), h, rec.id, 'correction');
    expect(draft).toContain(
      '请你对以下事项作出补正：1．申请人的身份证明（证件号码）；2．所需政府信息的名称、文号或者便于查询的其他特征性描述。',
    );
    await wf.sendCorrection(db(), h, rec.id, {
      items: '1．申请人的身份证明（证件号码）；2．所需政府信息的名称、文号或者便于查询的其他特征性描述',
      date: '2025-09-26',
      until: '2025-10-17',
    });
    expect((await queue(db(), h, { state: 'needs_correction' }, '2025-09-29')).map((r) => r.id)).not.toContain(rec.id);
    const v = await getRequest(db(), h, rec.id);
    expect(v).toMatchObject({ needsCorrection: false, noticeClock: { status: { state: 'stopped', label: '已办结' } } });
    expect(v.request.status).toBe('correction');
  });

  it('flags a 补正告知 sent after the 7 working days (条例第三十条), counted with the county’s rules', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const admin = await actorFor(db(), 'admin');
    let n = 0;
    const flagged = async (sentOn: string) => {
      const rec = await register(db(), h, scope, {
        ...base(unit, {
          name: '郑十',
          id_number: '11010519491231002X',
          description: `相关文件（第 ${++n} 件）`,
          form: 'paper',
          delivery: 'pickup',
        }),
        channel: 'in_person',
        submitted_on: '2025-09-22',
      });
      await wf.sendCorrection(db(), h, rec.id, { items: '请写明文件名称或文号', date: sentOn, until: '2025-10-31' });
      const a = await db()
        .k.selectFrom('audit_log')
        .select('summary')
        .where('object_id', '=', String(rec.id))
        .where('action', '=', 'request.correction')
        .executeTakeFirstOrThrow();
      return a.summary.includes('告知逾期');
    };
    // Received Mon 2025-09-22, counted from the next day: 9-28 (Sun) is a make-up working day → due 9-30.
    expect(await flagged('2025-09-30')).toBe(false);
    expect(await flagged('2025-10-09')).toBe(true);
    // A county that counts the day of receipt: due 9-29, so 9-30 is late.
    await setRules(db(), admin, scope, { count_from_next_day: '0', due_soon_working_days: '3' });
    try {
      expect(await flagged('2025-09-29')).toBe(false);
      expect(await flagged('2025-09-30')).toBe(true);
    } finally {
      await setRules(db(), admin, scope, { count_from_next_day: '1', due_soon_working_days: '3' });
    }
  });

  it('lets the handler find the contents clear after all, with a reason, once', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(db(), h, scope, {
      ...base(unit, {
        name: '周八',
        id_number: '11010519491231002X',
        description: '相关通知',
        form: 'paper',
        delivery: 'pickup',
      }),
      channel: 'in_person',
      submitted_on: '2025-09-22',
    });
    expect(rec.missing.map((x) => x.key)).toEqual(['description_vague']);
    const noReason = await wf.clearIntake(db(), h, rec.id, { date: '2025-09-23' }).catch((x: unknown) => x);
    expect((noReason as ValidationError).fieldErrors).toEqual({ reason: '请说明认定申请内容明确、无需补正的理由' });
    await wf.clearIntake(db(), h, rec.id, { reason: '本机关近期只发过一份通知，可以确定', date: '2025-09-23' });
    await expect(wf.clearIntake(db(), h, rec.id, { reason: '再次', date: '2025-09-23' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await getRequest(db(), h, rec.id)).needsCorrection).toBe(false);
    const audit = await db()
      .k.selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('object_id', '=', String(rec.id))
      .where('action', '=', 'request.intake_clear')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain('认定无需补正（本机关近期只发过一份通知，可以确定）');
    // A complete request has nothing to clear.
    const complete = await register(db(), h, scope, {
      ...base(unit, {
        name: '吴九',
        id_number: '11010519491231002X',
        description: '城关镇2025年低保名单',
        form: 'paper',
        delivery: 'pickup',
      }),
      channel: 'in_person',
      submitted_on: '2025-09-22',
    });
    expect(complete.missing).toEqual([]);
    await expect(wf.clearIntake(db(), h, complete.id, { reason: 'x' })).rejects.toThrow('该申请没有待处理的补正事项。');
  });

  it('still refuses what cannot be handled at all, writing nothing', async () => {
    const h = await actorFor(db(), 'cgz.banli');
    const before = (await db().k.selectFrom('info_requests').select('id').execute()).length;
    const none = await register(db(), h, scope, {
      ...base(unit, { name: '', phone: '' }),
      channel: 'in_person',
      submitted_on: '2025-09-22',
    }).catch((x: unknown) => x);
    expect((none as ValidationError).fieldErrors).toEqual({
      name: '请填写姓名或名称',
      phone: '请至少填写一种联系方式（电话、通讯地址或电子邮箱）',
    });
    const badCode = await register(db(), h, scope, {
      ...base(unit, {
        applicant_type: 'legal',
        org_type: 'commercial',
        id_type: 'credit_code',
        id_number: '91350100M000100Y44',
      }),
      channel: 'in_person',
      submitted_on: '2025-09-22',
    }).catch((x: unknown) => x);
    expect((badCode as ValidationError).fieldErrors).toEqual({
      id_number: '统一社会信用代码校验不通过，请核对 18 位代码',
    });
    const badMail = await register(db(), h, scope, {
      ...base(unit, { email: 'not-an-address' }),
      channel: 'in_person',
      submitted_on: '2025-09-22',
    }).catch((x: unknown) => x);
    expect((badMail as ValidationError).fieldErrors).toEqual({ email: '电子邮箱格式不正确' });
    expect(await db().k.selectFrom('info_requests').select('id').execute()).toHaveLength(before);
  });
});
