import { it, expect, describe } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName, testApp, TestClient } from '../testing.js';
import { ValidationError } from '../platform/errors.js';
import { systemActor } from '../platform/access.js';
import {
  createRecord,
  submitRecord,
  reviewRecord,
  publishRecord,
  withdrawRecord,
  setValidity,
  updateRecord,
  getForStaff,
} from '../publishing/service.js';
import { recordForm } from '../publishing/testing.js';
import { todayInChina } from '../calendar/dates.js';
import { computeTable2, table2Of, type Table2Fact } from './table2.js';
import { reportFor, saveReport, publishReport } from './annual.js';
import { TABLE2_ENTERED } from './model.js';

const fact = (over: Partial<Table2Fact>): Table2Fact => ({
  docClass: 'normative',
  publishedOn: '2025-03-01',
  validity: 'valid',
  validityOn: null,
  withdrawn: false,
  withdrawnOn: null,
  ...over,
});
const zero = {
  rules_new: 0,
  rules_repealed: 0,
  rules_valid: 0,
  normative_new: 0,
  normative_repealed: 0,
  normative_valid: 0,
};

// regulations §2.3, 第二十条第（一）项: 规章 / 行政规范性文件 × 本年制发件数 / 本年废止件数 / 现行有效件数.
describe('table 2 第二十条第（一）项 (regulations §2.3) from records', () => {
  const cases: [string, Partial<Table2Fact>, number, Partial<typeof zero>][] = [
    ['行政规范性文件 published in the year: 制发 and 现行有效', {}, 2025, { normative_new: 1, normative_valid: 1 }],
    ['规章 published in the year', { docClass: 'rule' }, 2025, { rules_new: 1, rules_valid: 1 }],
    ['published the year before: only 现行有效', {}, 2026, { normative_valid: 1 }],
    ['published after the year: nothing', {}, 2024, {}],
    [
      'published 31 December counts in that year',
      { publishedOn: '2025-12-31' },
      2025,
      { normative_new: 1, normative_valid: 1 },
    ],
    ['neither class (其他): nothing', { docClass: null }, 2025, {}],
    ['never published: nothing', { publishedOn: null }, 2025, {}],
    [
      '废止 in the year: 废止, not 现行有效',
      { publishedOn: '2024-05-01', validity: 'repealed', validityOn: '2025-09-30' },
      2025,
      { normative_repealed: 1 },
    ],
    [
      '失效 in the year counts as 废止 too',
      { publishedOn: '2024-05-01', validity: 'expired', validityOn: '2025-01-01' },
      2025,
      { normative_repealed: 1 },
    ],
    [
      '废止 after the year end: still 现行有效 on 31 December',
      { publishedOn: '2024-05-01', validity: 'repealed', validityOn: '2026-01-01' },
      2025,
      { normative_valid: 1 },
    ],
    [
      '废止 the year before: nothing',
      { publishedOn: '2023-05-01', validity: 'repealed', validityOn: '2024-09-30' },
      2025,
      {},
    ],
    [
      'published and 废止 in the same year: 制发 and 废止',
      { validity: 'repealed', validityOn: '2025-10-01' },
      2025,
      { normative_new: 1, normative_repealed: 1 },
    ],
    [
      'published in the year, withdrawn in the year: still 制发, not 现行有效',
      { withdrawn: true, withdrawnOn: '2025-08-01' },
      2025,
      { normative_new: 1 },
    ],
    [
      'withdrawn after the year end: 现行有效 on 31 December',
      { withdrawn: true, withdrawnOn: '2026-02-01' },
      2025,
      { normative_new: 1, normative_valid: 1 },
    ],
    ['withdrawn at an unknown date: not 现行有效', { withdrawn: true, withdrawnOn: null }, 2025, { normative_new: 1 }],
  ];
  it.each(cases)('%s', (_name, over, year, expected) => {
    expect(computeTable2([fact(over)], year)).toEqual({ ...zero, ...expected });
  });

  it('adds up several records per class', () => {
    expect(
      computeTable2(
        [fact({}), fact({ docClass: 'rule' }), fact({ publishedOn: '2024-01-01' }), fact({ docClass: 'other' })],
        2025,
      ),
    ).toEqual({ ...zero, rules_new: 1, rules_valid: 1, normative_new: 1, normative_valid: 2 });
  });
});

const approve = { decision: 'approve', attribute_confirmed: '1', secrecy_checked: '1' };

describeEachDb('annual report table 2 from published 规章 and 行政规范性文件', (db) => {
  it('counts 制发, 废止 and 现行有效 per year for a unit and the county roll-up; entered cells stay entered; the snapshot keeps the values at publication', async () => {
    await seedDemoDb(db());
    const mz = await unitIdByName(db(), '示范县民政局');
    const cg = await unitIdByName(db(), '城关镇人民政府');
    const county = await unitIdByName(db(), '示范县人民政府');
    const mzEditor = await actorFor(db(), 'mzj.bianji');
    const gkb = await actorFor(db(), 'gkb');
    const cgEditor = await actorFor(db(), 'cgz.bianji');
    const cgReviewer = await actorFor(db(), 'cgz.shenhe');
    // The demo county has no reviewer account for 民政局; the review is not what is tested here.
    const mzReviewer = systemActor('民政局 审核（测试）');
    /** Draft, review and publish a record, then date its publication (the service publishes today). */
    const publish = async (
      editor: typeof gkb,
      reviewer: typeof gkb | typeof mzReviewer,
      unit: number,
      title: string,
      docClass: string,
      on: string,
    ) => {
      const { id } = await createRecord(
        db(),
        editor,
        unit,
        recordForm({ title, doc_class: docClass, genre: '办法', formed_on: on, written_on: on, column_item: '' }),
      );
      await submitRecord(db(), editor, id);
      await reviewRecord(db(), reviewer, id, approve);
      await publishRecord(db(), editor, id, { when: 'now' });
      await db()
        .k.updateTable('info_records')
        .set({ published_on: on, published_at: `${on}T02:00:00.000Z` })
        .where('id', '=', id)
        .execute();
      return id;
    };
    const r1 = await publish(mzEditor, mzReviewer, mz, '示范县最低生活保障审核确认规定', 'rule', '2024-03-01');
    const n1 = await publish(mzEditor, mzReviewer, mz, '示范县临时救助实施办法', 'normative', '2024-05-10');
    await publish(mzEditor, mzReviewer, mz, '示范县特困人员认定办法', 'normative', '2025-02-01');
    const n3 = await publish(mzEditor, mzReviewer, mz, '示范县养老服务补贴办法', 'normative', '2025-06-01');
    await publish(mzEditor, mzReviewer, mz, '示范县殡葬管理规定', 'rule', '2025-04-01');
    await publish(mzEditor, mzReviewer, mz, '示范县民政局2025年工作要点', '', '2025-02-15');
    // 废止 in 2025; withdrawn in 2025 (dated after the fact, as the service withdraws today).
    await setValidity(db(), gkb, n1, { validity: 'repealed', validity_on: '2025-09-30', note: '已被新办法替代' });
    await withdrawRecord(db(), gkb, n3, { reason: '发布有误' });
    await db()
      .k.updateTable('info_records')
      .set({ withdrawn_at: '2025-08-01T02:00:00.000Z' })
      .where('id', '=', n3)
      .execute();
    // A township has no rule-making power.
    const refused = await createRecord(db(), cgEditor, cg, recordForm({ doc_class: 'rule' })).catch((x: unknown) => x);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.doc_class).toContain('没有规章制定权');
    const n4 = await publish(cgEditor, cgReviewer, cg, '城关镇村规民约备案审查办法', 'normative', '2025-03-03');
    expect((await getForStaff(db(), cgEditor, n4)).record.doc_class).toBe('normative');

    expect(await table2Of(db(), [mz], 2024)).toEqual({
      rules_new: 1,
      rules_repealed: 0,
      rules_valid: 1,
      normative_new: 1,
      normative_repealed: 0,
      normative_valid: 1,
    });
    expect(await table2Of(db(), [mz], 2025)).toEqual({
      rules_new: 1,
      rules_repealed: 0,
      rules_valid: 2,
      normative_new: 2,
      normative_repealed: 1,
      normative_valid: 1,
    });
    expect(await table2Of(db(), [cg], 2025)).toEqual({
      rules_new: 0,
      rules_repealed: 0,
      rules_valid: 0,
      normative_new: 1,
      normative_repealed: 0,
      normative_valid: 1,
    });

    // The county government's report rolls up every unit.
    const c2024 = await reportFor(db(), gkb, county, 2024);
    expect(c2024.data.table2).toMatchObject({
      rules_new: 1,
      rules_repealed: 0,
      rules_valid: 1,
      normative_new: 1,
      normative_repealed: 0,
      normative_valid: 1,
    });
    const c2025 = await reportFor(db(), gkb, county, 2025);
    expect(c2025.data.table2).toMatchObject({
      rules_new: 1,
      rules_repealed: 0,
      rules_valid: 2,
      normative_new: 3,
      normative_repealed: 1,
      normative_valid: 2,
    });

    // Publishing a change (新版本) of a 规章 today is not a new 制发.
    await updateRecord(
      db(),
      mzEditor,
      r1,
      recordForm({
        title: '示范县最低生活保障审核确认规定（修订）',
        doc_class: 'rule',
        genre: '办法',
        formed_on: '2024-03-01',
        written_on: '2024-03-01',
        column_item: '',
      }),
    );
    await submitRecord(db(), mzEditor, r1);
    expect(await reviewRecord(db(), mzReviewer, r1, approve)).toBe('published');
    const thisYear = Number(todayInChina().slice(0, 4));
    expect((await table2Of(db(), [mz], thisYear)).rules_new).toBe(0);
    expect((await table2Of(db(), [mz], 2024)).rules_new).toBe(1);

    // The editor page shows the computed cells read-only and offers only the entered ones.
    const client = new TestClient(testApp(db()), '10.32.0.1');
    expect((await client.login('mzj.bianji', 'Shifan2026')).status).toBe(303);
    const page = await (await client.get(`/admin/reports?unit=${mz}&year=2025`)).text();
    expect(page).toContain('<dt>行政规范性文件：本年废止件数</dt><dd>1（根据本平台已发布信息自动统计）</dd>');
    expect(page).not.toContain('name="rules_new"');
    expect(page).toContain('name="licensing"');
    // Saving keeps only the entered cells; the computed ones are not edits.
    await saveReport(db(), mzEditor, mz, 2025, {
      one: '总体情况。',
      five: '无。',
      six: '无。',
      rules_new: '99',
      normative_valid: '99',
      licensing: '12',
      penalty: '3',
      coercion: '1',
      fees: '0.35',
    });
    const saved = await db()
      .k.selectFrom('annual_reports')
      .select('table2_json')
      .where('unit_id', '=', mz)
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(saved.table2_json))).toEqual(TABLE2_ENTERED.map(([k]) => k));
    const mz2025 = await reportFor(db(), mzEditor, mz, 2025);
    expect(mz2025.data.table2).toEqual({
      rules_new: 1,
      rules_repealed: 0,
      rules_valid: 2,
      normative_new: 2,
      normative_repealed: 1,
      normative_valid: 1,
      licensing: 12,
      penalty: 3,
      coercion: 1,
      fees: 0.35,
    });

    // The published snapshot keeps the values as they were at publication.
    await publishReport(db(), gkb, mz, 2025);
    await publish(mzEditor, mzReviewer, mz, '示范县社会救助家庭经济状况核对办法', 'normative', '2025-11-11');
    expect((await table2Of(db(), [mz], 2025)).normative_new).toBe(3);
    const snap = await db()
      .k.selectFrom('annual_reports')
      .select('snapshot_json')
      .where('unit_id', '=', mz)
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(snap.snapshot_json!).table2).toEqual(mz2025.data.table2);
  });
});
