import { it, expect, vi } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { ValidationError, ForbiddenError, ConflictError } from '../platform/errors.js';
import {
  createRecord,
  updateRecord,
  submitRecord,
  reviewRecord,
  publishRecord,
  withdrawRecord,
  deleteDraft,
  deadlineBoard,
  getForStaff,
  publishDue,
  assessWithheld,
  assessmentQueue,
  missingInterpretations,
  setValidity,
  draftCleanupResult,
  addAttachments,
  listForStaff,
} from './service.js';
import { publishCatalog, recordForm } from './testing.js';
import { calendarFor } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/clock.js';
import { addDays, addMonths } from '../calendar/dates.js';

const approve = { decision: 'approve', attribute_confirmed: '1', secrecy_checked: '1' };

describeEachDb('publishing: records, review, deadlines', (db) => {
  let unit: number;
  let item: number;
  let editor: Awaited<ReturnType<typeof actorFor>>;
  let reviewer: Awaited<ReturnType<typeof actorFor>>;
  let other: Awaited<ReturnType<typeof actorFor>>;
  let id: number;

  it('drafts a record under a catalog item with the standard metadata and a generated 索引号', async () => {
    await seedDemoDb(db());
    unit = await unitIdByName(db(), '城关镇人民政府');
    editor = await actorFor(db(), 'cgz.bianji');
    reviewer = await actorFor(db(), 'cgz.shenhe');
    other = await actorFor(db(), 'shq.bianji');
    [item] = await publishCatalog(db(), editor, await actorFor(db(), 'gkb'), unit, [
      { time_limit: '信息形成之日起10个工作日内' },
    ]);
    const r = await createRecord(
      db(),
      editor,
      unit,
      recordForm({ item_ids: [String(item)], doc_number: '城政发[2025]7号' }),
    );
    id = r.id;
    const { record, items } = await getForStaff(db(), editor, id);
    expect(record.index_no).toMatch(/^990121001\d{4}\/\d{4}-00001$/);
    expect(record.publisher).toBe('城关镇人民政府');
    expect(record.doc_number).toBe('城政发〔2025〕7号');
    expect(record.keywords).toBe('低保；公示');
    expect(record.status).toBe('draft');
    expect(items.map((i) => i.catalog_item_id)).toEqual([item]);
    // 10 working days from 2025-09-20 (the item's rule, not the statutory 20).
    expect(record.due_on).toBe('2025-10-10');
    expect(record.due_note).toContain('10个工作日');
  });

  it('refuses bad input with Chinese field messages and writes nothing', async () => {
    const before = (await db().k.selectFrom('info_records').select('id').execute()).length;
    const e = await createRecord(
      db(),
      editor,
      unit,
      recordForm({
        doc_number: '城政发2025年7号',
        attribute: 'withheld',
        subject: '不存在',
        index_no: (await getForStaff(db(), editor, id)).record.index_no,
      }),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors).toMatchObject({
      doc_number: expect.stringContaining('临政办字〔2020〕64号'),
      attribute_reason: expect.stringContaining('不予公开的理由'),
      subject: '请选择主题分类',
    });
    const dup = await createRecord(
      db(),
      editor,
      unit,
      recordForm({ index_no: (await getForStaff(db(), editor, id)).record.index_no }),
    ).catch((x: unknown) => x);
    expect((dup as ValidationError).fieldErrors.index_no).toContain('已被《城关镇2025年第三季度城乡低保对象公示》使用');
    const foreignItem = await createRecord(
      db(),
      other,
      await unitIdByName(db(), '石桥镇人民政府'),
      recordForm({ item_ids: [String(item)] }),
    ).catch((x: unknown) => x);
    expect((foreignItem as ValidationError).fieldErrors.item_ids).toContain('不在本单位已发布的目录中');
    const badPdf = await createRecord(db(), editor, unit, recordForm(), [
      { name: '名单.pdf', data: Buffer.from('MZ this is an exe') },
    ]).catch((x: unknown) => x);
    expect((badPdf as ValidationError).fieldErrors.attachments).toBe(
      '附件“名单.pdf”的内容不是 PDF 文件，可能是改了扩展名的其他文件',
    );
    expect((await db().k.selectFrom('info_records').select('id').execute()).length).toBe(before);
  });

  it('neutralises a script in the body', async () => {
    const r = await createRecord(
      db(),
      editor,
      unit,
      recordForm({ title: '脚本测试', body: '<p>名单<script>alert(1)</script><img src=x onerror=alert(1)></p>' }),
    );
    expect(r.sanitized).toBe(true);
    const { record } = await getForStaff(db(), editor, r.id);
    expect(record.body_html).toBe('<p>名单</p>');
    await deleteDraft(db(), editor, r.id);
  });

  it('checks authorisation per role and unit', async () => {
    await expect(createRecord(db(), other, unit, recordForm())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewRecord(db(), editor, id, approve)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getForStaff(db(), other, id)).rejects.toBeInstanceOf(ForbiddenError);
    // A draft cannot be published by anyone; someone of another unit may not publish at all.
    await expect(publishRecord(db(), editor, id, {})).rejects.toBeInstanceOf(ConflictError);
    await expect(publishRecord(db(), other, id, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withdrawRecord(db(), other, id, { reason: '测试' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists an overdue open record on the deadline board and an at-risk one', async () => {
    const board = await deadlineBoard(db(), await actorFor(db(), 'gkb'), { countyCode: '990121', today: '2025-10-13' });
    expect(board.overdue.map((r) => r.id)).toContain(id);
    const soon = await deadlineBoard(db(), editor, { countyCode: '990121', today: '2025-10-09' });
    expect(soon.atRisk.map((r) => r.id)).toContain(id);
    expect(soon.overdue.map((r) => r.id)).not.toContain(id);
    const stranger = await deadlineBoard(db(), other, { countyCode: '990121', today: '2025-10-13' });
    expect(stranger.overdue.map((r) => r.id)).not.toContain(id);
  });

  it('goes draft → 审查 → approved → published; review needs the 保密审查; a return needs a comment', async () => {
    await submitRecord(db(), editor, id);
    await expect(updateRecord(db(), editor, id, recordForm())).rejects.toBeInstanceOf(ConflictError);
    const noSecrecy = await reviewRecord(db(), reviewer, id, { decision: 'approve', attribute_confirmed: '1' }).catch(
      (x: unknown) => x,
    );
    expect((noSecrecy as ValidationError).fieldErrors.secrecy_checked).toContain('保密审查');
    const noComment = await reviewRecord(db(), reviewer, id, { decision: 'return' }).catch((x: unknown) => x);
    expect((noComment as ValidationError).fieldErrors.comment).toBe('退回修改须写明审查意见');
    expect(await reviewRecord(db(), reviewer, id, { decision: 'return', comment: '请补充公示期和监督电话' })).toBe(
      'returned',
    );
    await updateRecord(
      db(),
      editor,
      id,
      recordForm({ item_ids: [String(item)], body: '<p>公示期7个工作日，监督电话0000-6120000。</p>' }),
    );
    await submitRecord(db(), editor, id);
    expect(await reviewRecord(db(), reviewer, id, approve)).toBe('approved');
    expect(await publishRecord(db(), editor, id, { when: 'now' })).toBe('published');
    const { record, events } = await getForStaff(db(), editor, id);
    expect(record.status).toBe('published');
    expect(record.published_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(events.map((e) => e.action)).toEqual([
      'publish',
      'approve',
      'submit',
      'update',
      'return',
      'submit',
      'create',
    ]);
    // Published late (the due date was 2025-10-10): listed as such.
    const board = await deadlineBoard(db(), editor, { countyCode: '990121' });
    expect(board.late.map((r) => r.id)).toContain(id);
  });

  it('never deletes published information; changes make a new version; withdrawal needs a reason', async () => {
    await expect(deleteDraft(db(), editor, id)).rejects.toThrow('只能撤回');
    await updateRecord(
      db(),
      editor,
      id,
      recordForm({ item_ids: [String(item)], title: '城关镇2025年第三季度城乡低保对象公示（更正）' }),
    );
    let view = await getForStaff(db(), editor, id);
    expect(view.record.title).toBe('城关镇2025年第三季度城乡低保对象公示');
    expect(view.pending?.title).toBe('城关镇2025年第三季度城乡低保对象公示（更正）');
    await submitRecord(db(), editor, id);
    expect(await reviewRecord(db(), reviewer, id, { ...approve, comment: '更正错别字' })).toBe('published');
    view = await getForStaff(db(), editor, id);
    expect(view.record.version).toBe(2);
    expect(view.record.title).toContain('（更正）');
    expect(view.versions).toMatchObject([{ version: 1, reason: '更正错别字' }]);
    const noReason = await withdrawRecord(db(), reviewer, id, { reason: '' }).catch((x: unknown) => x);
    expect((noReason as ValidationError).fieldErrors.reason).toBe('请填写撤回理由');
    await expect(withdrawRecord(db(), editor, id, { reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('schedules publication and publishes when due', async () => {
    const r = await createRecord(
      db(),
      editor,
      unit,
      recordForm({ title: '定时发布的通知', genre: '通知', item_ids: [String(item)] }),
    );
    await submitRecord(db(), editor, r.id);
    await reviewRecord(db(), reviewer, r.id, approve);
    const past = await publishRecord(db(), editor, r.id, { when: 'scheduled', scheduled_at: '2020-01-01T09:00' }).catch(
      (x: unknown) => x,
    );
    expect((past as ValidationError).fieldErrors.scheduled_at).toBe('定时发布的时间应晚于现在');
    const at = new Date(Date.now() + 3600_000 + 8 * 3600_000).toISOString().slice(0, 16);
    expect(await publishRecord(db(), editor, r.id, { when: 'scheduled', scheduled_at: at })).toBe('scheduled');
    expect(await publishDue(db(), new Date())).toBe(0);
    // Two app servers running the job at once publish it exactly once.
    const later = new Date(Date.now() + 2 * 3600_000);
    const [a, b] = await Promise.all([publishDue(db(), later), publishDue(db(), later)]);
    expect(a + b).toBe(1);
    const view = await getForStaff(db(), editor, r.id);
    expect(view.record.status).toBe('published');
    expect(view.events.filter((e) => e.action === 'publish')).toHaveLength(1);
  });

  it('keeps 不予公开 records in the files with their reason and queues them for re-assessment (条例第十八条)', async () => {
    const r = await createRecord(
      db(),
      editor,
      unit,
      recordForm({ title: '内部人事安排请示', genre: '请示', attribute: 'withheld', attribute_reason: 'process_info' }),
    );
    await submitRecord(db(), editor, r.id);
    expect(await reviewRecord(db(), reviewer, r.id, approve)).toBe('filed');
    const nextYear = new Date(Date.now() + 370 * 86400_000).toISOString().slice(0, 10);
    expect((await assessmentQueue(db(), reviewer, '990121')).rows.map((x) => x.id)).not.toContain(r.id);
    expect((await assessmentQueue(db(), reviewer, '990121', nextYear)).rows.map((x) => x.id)).toContain(r.id);
    // Due on the day 12 months (the default) after the last assessment, not the day before.
    const { assessed_on } = (await getForStaff(db(), editor, r.id)).record;
    expect(assessed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dueDay = addMonths(assessed_on!, 12);
    expect((await assessmentQueue(db(), reviewer, '990121', dueDay)).rows.map((x) => x.id)).toContain(r.id);
    expect((await assessmentQueue(db(), reviewer, '990121', addDays(dueDay, -1))).rows.map((x) => x.id)).not.toContain(
      r.id,
    );
    await assessWithheld(db(), reviewer, r.id, { result: 'disclose', note: '人事安排已完成，可以公开' });
    expect((await getForStaff(db(), editor, r.id)).record).toMatchObject({
      attribute: 'proactive',
      status: 'approved',
    });
  });

  it('reviews and publishes a 政策解读 with its policy (三同步) and flags a policy without one', async () => {
    const policy = await createRecord(
      db(),
      editor,
      unit,
      recordForm({ title: '城关镇临时救助实施办法', genre: '办法', needs_interpretation: '1', column_item: 'a20-1' }),
    );
    const interp = await createRecord(
      db(),
      editor,
      unit,
      recordForm({
        kind: 'interpretation',
        title: '《城关镇临时救助实施办法》政策解读',
        genre: '解读',
        policy_id: String(policy.id),
        interp_form: '问答',
      }),
    );
    await submitRecord(db(), editor, policy.id);
    expect((await getForStaff(db(), editor, interp.id)).record.status).toBe('submitted');
    await reviewRecord(db(), reviewer, policy.id, approve);
    expect((await getForStaff(db(), editor, interp.id)).record.status).toBe('approved');
    await expect(publishRecord(db(), editor, interp.id, {})).rejects.toThrow('请先发布政策文件');
    await publishRecord(db(), editor, policy.id, {});
    expect((await getForStaff(db(), editor, interp.id)).record.status).toBe('published');
    expect((await missingInterpretations(db(), editor, '990121')).rows.map((r) => r.id)).not.toContain(policy.id);

    const lonely = await createRecord(
      db(),
      editor,
      unit,
      recordForm({ title: '城关镇农村宅基地管理办法', genre: '办法', needs_interpretation: '1' }),
    );
    await submitRecord(db(), editor, lonely.id);
    await reviewRecord(db(), reviewer, lonely.id, approve);
    await publishRecord(db(), editor, lonely.id, {});
    const missing = await missingInterpretations(db(), editor, '990121');
    expect(missing.days).toBe(3);
    expect(missing.rows.map((r) => r.id)).toContain(lonely.id);
    // 解读 due within 3 working days of the policy's publication (regulations §5.1, the configurable local rule).
    const row = missing.rows.find((r) => r.id === lonely.id)!;
    expect(row.due).toBe(addWorkingDays(await calendarFor(db().k, '990121'), row.published_on!, 3).due);
  });

  it('declares information 废止 and drafts the published 清理结果', async () => {
    const { rows } = await listForStaff(db(), editor, { status: 'published', q: '宅基地' });
    await setValidity(db(), reviewer, rows[0].id, {
      validity: 'repealed',
      validity_on: '2026-06-30',
      note: '已被新办法替代',
    });
    const r = await draftCleanupResult(db(), editor, unit, 2026);
    const { record } = await getForStaff(db(), editor, r.id);
    expect(record.title).toBe('城关镇人民政府2026年政府信息清理结果');
    expect(record.body_html).toContain('<td>城关镇农村宅基地管理办法</td>');
    expect(record.body_html).toContain('<td>废止</td>');
    await expect(draftCleanupResult(db(), editor, unit, 2019)).rejects.toBeInstanceOf(ValidationError);
  });

  it('strips metadata from attachments and refuses a wrong type', async () => {
    const r = await createRecord(db(), editor, unit, recordForm({ title: '附件测试' }));
    // A PDF whose Info dictionary names an author.
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Author (Zhang San) /Producer (WPS) >> endobj\ntrailer << /Info 1 0 R >>\n%%EOF\n',
      'latin1',
    );
    await addAttachments(db(), editor, r.id, [{ name: '名单.pdf', data: pdf }]);
    const f = await db()
      .k.selectFrom('info_record_files')
      .innerJoin('files', 'files.id', 'info_record_files.file_id')
      .select(['files.data', 'info_record_files.size'])
      .where('record_id', '=', r.id)
      .executeTakeFirstOrThrow();
    const text = Buffer.from(f.data).toString('latin1');
    expect(text).not.toContain('Zhang San');
    expect(text.length).toBe(pdf.length);
    await expect(
      addAttachments(db(), editor, r.id, [{ name: 'x.exe', data: Buffer.from('MZ') }]),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('moves an unpublished 解读 onto the 3-working-day rule when its policy is published (regulations §5.1)', async () => {
    // Published Fri 2025-09-26: 9-27 is a rest day, 9-28 (Sun) a make-up working day (国办发明电〔2024〕12号)
    // → 3 working days end on Tue 2025-09-30.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-09-26T02:00:00Z') });
    try {
      const policy = await createRecord(
        db(),
        editor,
        unit,
        recordForm({ title: '城关镇城乡居民医疗救助办法', genre: '办法', needs_interpretation: '1' }),
      );
      await submitRecord(db(), editor, policy.id);
      await reviewRecord(db(), reviewer, policy.id, approve);
      const interp = await createRecord(
        db(),
        editor,
        unit,
        recordForm({
          kind: 'interpretation',
          title: '《城关镇城乡居民医疗救助办法》图解',
          genre: '解读',
          policy_id: String(policy.id),
          interp_form: '图解',
        }),
      );
      const before = (await getForStaff(db(), editor, interp.id)).record;
      expect(before.due_on).toBe((await getForStaff(db(), editor, policy.id)).record.due_on);
      expect(before.due_note).toContain('政策文件尚未发布');
      await publishRecord(db(), editor, policy.id, {});
      const after = (await getForStaff(db(), editor, interp.id)).record;
      expect(after.status).toBe('draft');
      expect(after.due_on).toBe('2025-09-30');
      expect(after.due_note).toBe('政策解读最迟在政策文件发布后 3 个工作日内发布');
      const row = (await missingInterpretations(db(), editor, '990121')).rows.find((r) => r.id === policy.id)!;
      expect(row).toMatchObject({ published_on: '2025-09-26', due: '2025-09-30' });
    } finally {
      vi.useRealTimers();
    }
  });
});
