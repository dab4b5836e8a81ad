import { it, expect, beforeAll } from 'vitest';
import { describeEachDb, seedDemoDb, testApp, TestClient, unitIdByName } from '../testing.js';

const PW = 'Shifan2026';

describeEachDb('依申请公开 pages: 补正 path and 征求意见 periods', (db) => {
  let app: ReturnType<typeof testApp>;
  let unit: string;
  beforeAll(async () => {
    await seedDemoDb(db());
    app = testApp(db());
    unit = String(await unitIdByName(db(), '城关镇人民政府'));
  });

  it('accepts an incomplete online request and tells the applicant plainly what is missing (条例第二十九条、第三十条)', async () => {
    const c = new TestClient(app, '10.80.0.1');
    const res = await c.post('/ysqgk/apply', {
      unit_id: unit,
      applicant_type: 'natural',
      name: '钱一',
      id_type: 'resident_id',
      id_number: '',
      phone: '13400000000',
      description: '有关文件',
      form: 'paper',
      delivery: '',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>申请已提交</h1>');
    expect(html).toContain('申请内容需要补正');
    expect(html).toContain('<li>申请人的身份证明（证件号码）（条例第二十九条第二款第（一）项）</li>');
    expect(html).toContain('所需政府信息的描述不明确');
    expect(html).toContain('获取信息的方式、途径（邮寄、电子邮件、当面领取等）');
    expect(html).toContain(
      '受理机关将自收到申请之日起 7 个工作日内一次性告知您需要补正的事项和合理的补正期限（条例第三十条）',
    );
  });

  it('still refuses a request with no name and no way to reach the applicant, with field errors', async () => {
    const c = new TestClient(app, '10.80.0.2');
    const res = await c.post('/ysqgk/apply', {
      unit_id: unit,
      applicant_type: 'natural',
      name: '',
      id_type: 'resident_id',
      id_number: '',
      description: '城关镇低保名单',
      form: 'paper',
      delivery: 'pickup',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="e-name">请填写姓名或名称</p>');
    expect(html).toContain(
      '<p class="field-error" id="e-phone">请至少填写一种联系方式（电话、通讯地址或电子邮箱）</p>',
    );
  });

  it('puts a registered incomplete request in the 需补正 queue with its 补正告知期限 and prefills the notice', async () => {
    const h = new TestClient(app, '10.80.0.3');
    await h.login('cgz.banli', PW);
    const reg = await h.post('/admin/requests', {
      channel: 'in_person',
      submitted_on: '2025-09-22',
      unit_id: unit,
      applicant_type: 'natural',
      name: '李二',
      id_type: 'resident_id',
      id_number: '',
      phone: '13300000000',
      description: '城关镇2025年低保名单',
      form: 'paper',
      delivery: 'pickup',
    });
    expect(reg.status).toBe(303);
    const location = reg.headers.get('location')!;
    expect(location).toMatch(/\?done=incomplete$/);
    const page = await (await h.get(location)).text();
    expect(page).toContain('已登记。申请内容需补正，请在收到申请之日起 7 个工作日内一次性告知申请人（条例第三十条）。');
    expect(page).toContain('补正告知期限：</strong>2025-09-30');
    expect(page).toMatch(
      /<textarea id="f-items" name="items" rows="3"[^>]*>1．申请人的身份证明（证件号码）<\/textarea>/,
    );
    expect(page).toContain('认定无需补正');
    const q = await (await h.get('/admin/requests?state=needs_correction')).text();
    expect(q).toContain('<th scope="col">补正告知期限</th>');
    expect(q).toContain('2025-09-30（已逾期');
    expect(q).toContain('确认收到后计算'); // the online request above awaits confirmation
  });

  it('starts a consultation from the handling page and shows the consultee’s period and the lapse form', async () => {
    const h = new TestClient(app, '10.80.0.4');
    await h.login('cgz.banli', PW);
    const reg = await h.post('/admin/requests', {
      channel: 'in_person',
      submitted_on: '2025-09-01',
      unit_id: unit,
      applicant_type: 'natural',
      name: '冯三',
      id_type: 'resident_id',
      id_number: '11010519491231002X',
      phone: '13300000001',
      description: '城关镇2025年道路工程施工合同',
      form: 'paper',
      delivery: 'pickup',
    });
    const path = reg.headers.get('location')!.replace(/\?.*$/, '');
    const bad = await h.post(`${path}/consult`, { party: 'other_agency', party_name: '', date: '2025-09-15' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('请填写被征求意见的第三方或行政机关名称');
    expect(
      (
        await h.post(`${path}/consult`, {
          party: 'other_agency',
          party_name: '示范县交通运输局',
          date: '2025-09-15',
          received_on: '2025-09-16',
        })
      ).status,
    ).toBe(303);
    const page = await (await h.get(path)).text();
    expect(page).toContain('<td>示范县交通运输局</td>');
    expect(page).toContain('2025-10-13（已届满）');
    expect(page).toContain('逾期未答复（视为同意公开）');
    const consultation = /name="consultation_id" value="(\d+)"/.exec(page)![1];
    const early = await h.post(`${path}/consulted`, {
      consultation_id: consultation,
      result: 'lapsed',
      date: '2025-10-13',
    });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain(
      `<a href="#f-date-${consultation}">日期：征求意见期限 2025-10-13 尚未届满，不能按逾期未答复处理</a>`,
    );
    const lapsed = await h.post(`${path}/consulted`, {
      consultation_id: consultation,
      result: 'lapsed',
      date: '2025-10-14',
    });
    expect(lapsed.status).toBe(303);
    const after = await (await h.get(path)).text();
    expect(after).toContain('<strong>逾期未提出意见的视为同意公开</strong>');
    expect(after).toContain('恢复计算答复期限');
    const q = await (await h.get('/admin/requests?state=consultation_lapsed')).text();
    expect(q).not.toContain('冯*');
  });
});
