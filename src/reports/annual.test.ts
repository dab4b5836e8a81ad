import { it, expect } from 'vitest';
import JSZip from 'jszip';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName, testApp, TestClient } from '../testing.js';
import { register } from '../requests/service.js';
import { replyReviewed } from '../requests/testing.js';
import { reportFor, saveReport, publishReport } from './annual.js';
import { reportDocx } from './docx.js';
import { TABLE3_NOTE, TABLE3_ROWS, SECTION_TITLES } from './model.js';
import { type ValidationError, ForbiddenError, ConflictError } from '../platform/errors.js';

describeEachDb('the annual report', (db) => {
  it('computes tables 3 and 4, rolls the county up, saves edits, and publishes to the portal', async () => {
    await seedDemoDb(db());
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const cg = await unitIdByName(db(), '城关镇人民政府');
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(db(), h, scope, {
      unit_id: String(cg),
      applicant_type: 'natural',
      name: '张三',
      id_type: 'resident_id',
      id_number: '11010519491231002X',
      phone: '13800000000',
      description: '城关镇2025年低保名单',
      form: 'paper',
      delivery: 'pickup',
      channel: 'in_person',
      submitted_on: '2025-09-22',
    });
    await replyReviewed(db(), h, await actorFor(db(), 'cgz.shenhe'), rec.id, 'partial', '2025-10-10');
    const editor = await actorFor(db(), 'cgz.bianji');
    const r = await reportFor(db(), editor, cg, 2025);
    expect(r.data.table3.partial.naturalPerson).toBe(1);
    expect(r.data.checks).toEqual([]);
    expect(r.data.sections.one).toContain('所列数据统计期限为2025年1月1日至12月31日');
    expect(r.data.sections.one).toContain('新收政府信息公开申请1件');
    const county = await reportFor(db(), await actorFor(db(), 'gkb'), await unitIdByName(db(), '示范县人民政府'), 2025);
    expect(county.data.rollUp).toBe(true);
    expect(county.data.table3.total.total).toBe(1);
    const bad = await saveReport(db(), editor, cg, 2025, {
      one: '',
      five: '',
      six: '',
      rules_new: '-1',
      licensing: '-1',
      fees: '1.5',
    }).catch((x: unknown) => x);
    // rules_new is computed (第二十条第（一）项), not entered: ignored.
    expect((bad as ValidationError).fieldErrors).toEqual({
      one: '请填写总体情况',
      licensing: '本年处理决定数量应为非负整数',
    });
    await saveReport(db(), editor, cg, 2025, {
      one: r.data.sections.one,
      five: '问题：……。改进：……。',
      six: '无。',
      licensing: '12',
      fees: '0.35',
    });
    await expect(publishReport(db(), editor, cg, 2025)).rejects.toBeInstanceOf(ForbiddenError);
    await publishReport(db(), await actorFor(db(), 'gkb'), cg, 2025);
    await expect(saveReport(db(), editor, cg, 2025, { one: 'x' })).rejects.toBeInstanceOf(ConflictError);
    const client = new TestClient(testApp(db()));
    const list = await (await client.get('/xxgk/ndbg')).text();
    expect(list).toContain('城关镇人民政府2025年政府信息公开工作年度报告');
    const id = (await db().k.selectFrom('annual_reports').select('id').executeTakeFirstOrThrow()).id;
    const html = await (await client.get(`/xxgk/ndbg/${id}`)).text();
    for (const label of [
      TABLE3_NOTE,
      '申请人情况',
      '法人或其他组织',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '本年收费金额（单位：万元）',
      '未经复议直接起诉',
    ])
      expect(html).toContain(label);
  });

  it('exports a .docx with the exact section titles and table labels of the 2021 format', async () => {
    const r = await reportFor(db(), await actorFor(db(), 'gkb'), await unitIdByName(db(), '城关镇人民政府'), 2025);
    const xml = await (await JSZip.loadAsync(await reportDocx(r.data))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const t of Object.values(SECTION_TITLES)) expect(text).toContain(t);
    expect(text).toContain(TABLE3_NOTE);
    for (const row of TABLE3_ROWS) for (const l of [row.l1, row.l2, row.l3].filter(Boolean)) expect(text).toContain(l);
    for (const l of [
      '信息内容',
      '规章',
      '行政许可',
      '行政处罚',
      '行政强制',
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '本年处理决定数量',
      '行政规范性文件',
      '行政事业性收费',
      '行政复议',
      '行政诉讼',
      '复议后起诉',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
    ])
      expect(text).toContain(l);
    expect(xml).toContain('w:gridSpan');
    expect(xml).toContain('w:vMerge');
  });
});

describeEachDb('annual report deadlines', (db) => {
  it('reminds the editors until the report is published: departments 1月31日, county 3月31日, townships by setting', async () => {
    await seedDemoDb(db());
    const { reportReminders } = await import('./annual.js');
    const mz = await actorFor(db(), 'mzj.bianji');
    expect(await reportReminders(db(), mz, '2026-01-10')).toEqual([
      '示范县民政局2025年政府信息公开工作年度报告须于2026年1月31日前公布，尚未发布。',
    ]);
    expect(await reportReminders(db(), mz, '2026-02-02')).toEqual([
      '示范县民政局2025年政府信息公开工作年度报告已超过2026年1月31日的公布期限，尚未发布。',
    ]);
    expect(await reportReminders(db(), await actorFor(db(), 'gkb'), '2026-03-01')).toEqual([
      '示范县人民政府2025年政府信息公开工作年度报告须于2026年3月31日前公布，尚未发布。',
    ]);
    await db()
      .k.insertInto('settings')
      .values({ scope: '990121', key: 'report.townshipDeadline', value: JSON.stringify('02-20'), updated_at: 'x' })
      .execute();
    expect(await reportReminders(db(), await actorFor(db(), 'cgz.bianji'), '2026-02-10')).toEqual([
      '城关镇人民政府2025年政府信息公开工作年度报告须于2026年2月20日前公布，尚未发布。',
    ]);
  });
});
