import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName, testApp, TestClient } from '../testing.js';
import { addNegative, deleteNegative, reasonText } from './negative.js';
import * as cat from './service.js';
import { itemForm } from './testing.js';
import { type ValidationError, ForbiddenError } from '../platform/errors.js';

describeEachDb('负面清单', (db) => {
  it('records what is not disclosed with its ground and basis, and publishes it with the catalog', async () => {
    await seedDemoDb(db());
    const editor = await actorFor(db(), 'cgz.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    await cat.addItem(db(), editor, id, itemForm());
    const bad = await addNegative(db(), editor, id, { name: '', content: '', reason: 'whatever', basis: '' }).catch(
      (x: unknown) => x,
    );
    expect((bad as ValidationError).fieldErrors).toEqual({
      name: '请填写事项名称',
      content: '请说明不予公开的内容',
      reason: '请选择不予公开的理由',
      basis: '请填写法律依据，如“《中华人民共和国保守国家秘密法》第九条”',
    });
    const nid = await addNegative(db(), editor, id, {
      name: '低保对象家庭经济状况核对报告',
      content: '申请人家庭收入、财产明细',
      reason: 'third_party',
      basis: '《中华人民共和国政府信息公开条例》第十五条；《最低生活保障审核确认办法》',
    });
    await expect(
      addNegative(db(), await actorFor(db(), 'shq.bianji'), id, {
        name: 'x',
        content: 'x',
        reason: 'third_party',
        basis: 'x',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(reasonText('third_party')).toBe('保护第三方合法权益（《中华人民共和国政府信息公开条例》第十五条）');
    await cat.submit(db(), editor, id, {});
    await cat.review(db(), await actorFor(db(), 'gkb'), id, { decision: 'approve' });
    const v1 = await cat.publishedVersion(db(), '990121', id);
    expect(v1.snapshot.negatives).toMatchObject([{ name: '低保对象家庭经济状况核对报告', reason: 'third_party' }]);
    const html = await (await new TestClient(testApp(db())).get(`/xxgk/ml/${id}`)).text();
    expect(html).toContain('负面清单（不予公开事项）');
    expect(html).toContain('保护第三方合法权益（《中华人民共和国政府信息公开条例》第十五条）');
    await deleteNegative(db(), editor, nid);
    await cat.submit(db(), editor, id, { reason: '删除负面清单事项' });
    await cat.review(db(), await actorFor(db(), 'gkb'), id, { decision: 'approve' });
    const v2 = await cat.publishedVersion(db(), '990121', id);
    expect(cat.diffSnapshots(v1.snapshot, v2.snapshot)).toEqual([
      { kind: 'removed', label: '负面清单：低保对象家庭经济状况核对报告', fields: [] },
    ]);
  });
});
