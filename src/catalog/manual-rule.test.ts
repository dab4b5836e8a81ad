import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import * as cat from './service.js';
import { itemForm } from './testing.js';
import type { ValidationError } from '../platform/errors.js';

describeEachDb('公开时限 that needs a manual rule', (db) => {
  it('refuses to submit an item whose time limit reads as 需人工设定 until a manual rule is set', async () => {
    await seedDemoDb(db());
    const editor = await actorFor(db(), 'cgz.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    const itemId = await cat.addItem(db(), editor, id, itemForm({ time_limit: '按上级要求' }));
    const e = await cat.submit(db(), editor, id, {}).catch((x: unknown) => x);
    expect((e as ValidationError).message).toBe(
      '以下事项的公开时限无法自动解析（需人工设定），请在事项中人工设定期限规则后再提交：“临时救助 / 本镇临时救助资金发放”（按上级要求）',
    );
    const bad = await cat
      .updateItem(
        db(),
        editor,
        itemId,
        itemForm({ time_limit: '按上级要求', rule_amount: '0', rule_unit: 'week', rule_trigger: 'nope' }),
      )
      .catch((x: unknown) => x);
    expect((bad as ValidationError).fieldErrors).toEqual({
      rule_amount: '期限天数应为 1～365 的整数',
      rule_unit: '请选择工作日或自然日',
      rule_trigger: '请选择起算事件',
    });
    await cat.updateItem(
      db(),
      editor,
      itemId,
      itemForm({
        time_limit: '按上级要求',
        rule_amount: '15',
        rule_unit: 'workday',
        rule_trigger: 'info_formed_or_changed',
      }),
    );
    const item = (await cat.getCatalog(db(), editor, id)).items[0];
    expect(item.manualRule).toEqual({ amount: 15, unit: 'workday', trigger: 'info_formed_or_changed' });
    await cat.submit(db(), editor, id, {});
  });
});
