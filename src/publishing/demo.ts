/**
 * Demo content of the fictional 示范县: published catalogs of 城关镇 and the 民政局 (社会救助 items of
 * the built-in guideline) and government information published against them, a policy with its
 * interpretation, the county's disclosure rules, one record waiting for review and one overdue draft,
 * so that a newcomer sees every page with content.
 */
import type { Db } from '../platform/db.js';
import { systemActor } from '../platform/access.js';
import { catalogForUnit, adoptRows, addItem, submit, review } from '../catalog/service.js';
import { guidelineDomainFor } from '../catalog/guidelines.js';
import { STANDARD_CHANNELS } from '../catalog/model.js';
import { parseTimeLimit } from '../calendar/timelimit.js';
import { unitByRef } from '../org/api.js';
import { itemChoices, createRecord, submitRecord, reviewRecord, publishRecord } from './service.js';
import { todayInChina, addDays } from '../calendar/dates.js';

const approve = { decision: 'approve', attribute_confirmed: '1', secrecy_checked: '1' };

export async function seedDemoPublishing(db: Db): Promise<void> {
  const actor = systemActor('系统（示范数据）');
  const unitId = async (name: string) => {
    const unit = await unitByRef(db.k, name);
    if (!unit) throw new Error(`示范数据：没有单位“${name}”`);
    return unit.id;
  };
  const town = await unitId('城关镇人民政府');
  const bureau = await unitId('示范县民政局');
  const gov = await unitId('示范县人民政府');
  const domain = await guidelineDomainFor(db, '990121', 'shehui-jiuzhu');
  const complete = (domain?.rows ?? [])
    .filter((r) => r.missing.length === 0 && parseTimeLimit(r.item.timeLimit).status === 'parsed')
    .map((r) => r.seq);
  const localItem = (unitName: string, level1: string, level2: string, timeLimit: string) => ({
    domain: '社会救助',
    level1,
    level2,
    level3: '',
    elements: '●救助对象●救助标准●审核审批结果',
    basis: '《社会救助暂行办法》',
    time_limit: timeLimit,
    subject: unitName,
    channel_0: '1',
    [`channel_${STANDARD_CHANNELS.indexOf('社区/企事业单位/村公示栏（电子屏）')}`]: '1',
    extra_channels: '',
    audience_public: '1',
    mode_proactive: '1',
    tier_township: '1',
    tier_county: '1',
    specific_group: '',
  });
  for (const [u, name] of [
    [town, '城关镇人民政府'],
    [bureau, '示范县民政局'],
  ] as const) {
    const catalogId = await catalogForUnit(db, actor, u);
    // 社会救助: the complete rows of the built-in guideline, and the rows a county completes locally.
    if (complete.length) await adoptRows(db, actor, catalogId, 'shehui-jiuzhu', complete);
    await addItem(
      db,
      actor,
      catalogId,
      localItem(name, '最低生活保障', '低保政策文件', '信息形成或变更之日起20个工作日内'),
    );
    await addItem(
      db,
      actor,
      catalogId,
      localItem(name, '最低生活保障', '低保对象审核公示', '制定或获取信息之日起10个工作日内，公示7个工作日'),
    );
    await addItem(
      db,
      actor,
      catalogId,
      localItem(name, '临时救助', '临时救助政策文件', '信息形成或变更之日起20个工作日内'),
    );
    await addItem(
      db,
      actor,
      catalogId,
      localItem(name, '临时救助', '临时救助审核审批结果', '制定或获取信息之日起10个工作日内'),
    );
    await submit(db, actor, catalogId, { reason: '首次编制' });
    await review(db, actor, catalogId, { decision: 'approve', comment: '符合标准目录要求' });
  }
  const item = async (unit: number, l1: string, l2: string) =>
    (await itemChoices(db.k, unit)).find((i) => i.label === `${l1}—${l2}`)!.id;
  const today = todayInChina();
  const out = async (unit: number, form: Record<string, unknown>) => {
    const r = await createRecord(db, actor, unit, form);
    await submitRecord(db, actor, r.id);
    await reviewRecord(db, actor, r.id, approve);
    await publishRecord(db, actor, r.id, { when: 'now' });
    return r.id;
  };
  const base = {
    subject: '民政、扶贫、救灾\\社会福利',
    attribute: 'proactive',
    validity: 'valid',
    column_slug: 'fdzdgknr',
    column_item: 'a21-社会救助',
  };

  await out(town, {
    ...base,
    title: '城关镇2026年第四季度城乡最低生活保障对象公示',
    genre: '公示',
    formed_on: addDays(today, -3),
    written_on: addDays(today, -3),
    keywords: '低保，公示',
    summary: '城关镇2026年第四季度拟新增城乡最低生活保障对象名单公示，公示期7个工作日。',
    item_ids: [String(await item(town, '最低生活保障', '低保对象审核公示'))],
    body: '<p>根据《社会救助暂行办法》和《示范省最低生活保障审核确认办法》，经个人申请、入户调查、民主评议，城关镇人民政府对拟新增的城乡低保对象予以公示。</p><table><thead><tr><th>序号</th><th>村（社区）</th><th>户主</th><th>保障人数</th><th>类别</th></tr></thead><tbody><tr><td>1</td><td>东关社区</td><td>王某某</td><td>2</td><td>城市低保</td></tr><tr><td>2</td><td>南关村</td><td>李某某</td><td>3</td><td>农村低保</td></tr></tbody></table><p>公示期内如有异议，请向城关镇人民政府社会事务办公室反映。监督电话：0000-6120000。</p>',
  });
  const policy = await out(town, {
    ...base,
    title: '城关镇临时救助实施细则',
    genre: '细则',
    doc_number: '城政发〔2026〕12号',
    formed_on: addDays(today, -10),
    written_on: addDays(today, -12),
    keywords: '临时救助，实施细则',
    needs_interpretation: '1',
    summary: '规定城关镇临时救助的对象、标准、程序和资金管理。',
    item_ids: [String(await item(town, '临时救助', '临时救助政策文件'))],
    body: '<h2>第一章　总则</h2><p>第一条　为规范临时救助工作，根据《社会救助暂行办法》，结合本镇实际，制定本细则。</p><h2>第二章　救助对象</h2><p>第二条　因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或者个人，可以申请临时救助。</p>',
  });
  const interp = await createRecord(db, actor, town, {
    ...base,
    kind: 'interpretation',
    policy_id: String(policy),
    interp_form: '问答',
    title: '《城关镇临时救助实施细则》政策解读',
    genre: '解读',
    formed_on: addDays(today, -10),
    keywords: '临时救助，解读',
    summary: '以问答形式解读临时救助的申请条件和办理流程。',
    body: '<p><strong>问：哪些人可以申请临时救助？</strong></p><p>答：因意外事件、突发重大疾病等原因导致基本生活暂时出现严重困难的家庭或者个人。</p><p><strong>问：到哪里申请？</strong></p><p>答：向户籍所在地或经常居住地的镇人民政府（街道办事处）申请，也可以委托村（居）民委员会代为申请。</p>',
  });
  await submitRecord(db, actor, interp.id);
  await reviewRecord(db, actor, interp.id, approve);
  await publishRecord(db, actor, interp.id, { when: 'now' });
  await out(town, {
    ...base,
    title: '关于开展2026年度城乡低保年度核查工作的通知',
    genre: '通知',
    doc_number: '城政办发〔2026〕30号',
    formed_on: addDays(today, -5),
    written_on: addDays(today, -6),
    keywords: '低保，核查',
    summary: '部署2026年度城乡低保对象家庭经济状况年度核查工作。',
    item_ids: [String(await item(town, '最低生活保障', '低保政策文件'))],
    body: '<p>各村（社区）：</p><p>为进一步规范城乡最低生活保障管理，决定在全镇开展2026年度城乡低保年度核查工作，现将有关事项通知如下。</p><p>一、核查范围：全镇在保城乡低保对象。</p><p>二、时间安排：2026年12月至2027年1月。</p>',
  });
  await out(gov, {
    subject: '综合政务\\政务公开',
    attribute: 'proactive',
    validity: 'valid',
    column_slug: 'zhidu',
    title: '示范县政府信息公开保密审查制度',
    genre: '规定',
    doc_number: '示政办发〔2026〕8号',
    formed_on: addDays(today, -20),
    written_on: addDays(today, -21),
    keywords: '保密审查，制度',
    summary: '规定本县政府信息公开前的保密审查程序和责任。',
    body: '<p>第一条　为规范政府信息公开保密审查工作，根据《中华人民共和国保守国家秘密法》《中华人民共和国政府信息公开条例》第十七条，制定本制度。</p><p>第二条　拟公开的政府信息，应当在公开前依照法律、法规和国家有关规定进行审查。</p>',
  });
  await out(bureau, {
    ...base,
    title: '示范县民政局关于调整2026年城乡最低生活保障标准的通知',
    genre: '通知',
    doc_number: '示民发〔2026〕21号',
    formed_on: addDays(today, -15),
    written_on: addDays(today, -16),
    keywords: '低保标准，调整',
    summary: '自2026年7月1日起调整全县城乡最低生活保障标准。',
    item_ids: [String(await item(bureau, '最低生活保障', '低保政策文件'))],
    body: '<p>各乡镇人民政府、街道办事处：</p><p>经县人民政府同意，自2026年7月1日起，全县城市低保标准调整为每人每月780元，农村低保标准调整为每人每年7200元。</p>',
  });
  // Waiting for the reviewer (cgz.shenhe) and an overdue draft for the 公开时限 board.
  const waiting = await createRecord(db, actor, town, {
    ...base,
    title: '城关镇2026年11月临时救助审核审批信息',
    genre: '公示',
    formed_on: addDays(today, -2),
    keywords: '临时救助',
    summary: '2026年11月临时救助审核审批结果。',
    item_ids: [String(await item(town, '临时救助', '临时救助审核审批结果'))],
    body: '<p>2026年11月，城关镇共审批临时救助 6 户，发放救助金 1.8 万元。</p>',
  });
  await submitRecord(db, actor, waiting.id);
  await createRecord(db, actor, town, {
    ...base,
    title: '城关镇2026年第三季度临时救助资金发放情况',
    genre: '统计数据',
    formed_on: addDays(today, -40),
    keywords: '临时救助，资金',
    summary: '第三季度临时救助资金发放情况。',
    item_ids: [String(await item(town, '临时救助', '临时救助审核审批结果'))],
    body: '<p>（草稿）第三季度临时救助资金发放情况，待补充数据。</p>',
  });
}
