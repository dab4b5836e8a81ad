import { it, expect, beforeAll } from 'vitest';
import { describeEachDb, seedDemoDb, unitIdByName, actorFor } from '../testing.js';
import { eventsOf } from '../platform/outbox.js';
import { listFiles } from '../platform/files.js';
import { search } from '../platform/search/index.js';
import {
  addAttachments,
  createRecord,
  deleteDraft,
  getForStaff,
  publishRecord,
  removeAttachment,
  reviewRecord,
  submitRecord,
  updateRecord,
  withdrawRecord,
} from './service.js';
import { SEARCH_TYPE } from './search.js';
import { publishCatalog, recordForm } from './testing.js';

const approve = { decision: 'approve', attribute_confirmed: '1', secrecy_checked: '1' };
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

describeEachDb('publishing: domain events and stored files', (db) => {
  let unit: number;
  let item: number;
  let editor: Awaited<ReturnType<typeof actorFor>>;
  let reviewer: Awaited<ReturnType<typeof actorFor>>;

  beforeAll(async () => {
    await seedDemoDb(db());
    unit = await unitIdByName(db(), '城关镇人民政府');
    editor = await actorFor(db(), 'cgz.bianji');
    reviewer = await actorFor(db(), 'cgz.shenhe');
    [item] = await publishCatalog(db(), editor, await actorFor(db(), 'gkb'), unit, [
      { time_limit: '信息形成之日起10个工作日内' },
    ]);
  });

  const found = async (q: string) =>
    (await search(db().k, { q, jurisdictionPrefix: '', objectType: SEARCH_TYPE })).hits.map((h) => h.objectId);

  it('emits record.published and record.withdrawn, and the index follows them in the same transaction', async () => {
    const r = await createRecord(db(), editor, unit, recordForm({ item_ids: [String(item)], title: '事件测试公示' }));
    await submitRecord(db(), editor, r.id);
    await reviewRecord(db(), reviewer, r.id, approve);
    expect(await eventsOf(db().k, 'info_record', r.id)).toEqual([]);
    await publishRecord(db(), editor, r.id, { when: 'now' });
    expect(await found('事件测试')).toEqual([r.id]);
    // A change is published as a new version: published again, with the new title in the index.
    await updateRecord(db(), editor, r.id, recordForm({ item_ids: [String(item)], title: '事件测试公示（更正）' }));
    await submitRecord(db(), editor, r.id);
    await reviewRecord(db(), reviewer, r.id, approve);
    expect(await found('更正')).toEqual([r.id]);
    await withdrawRecord(db(), reviewer, r.id, { reason: '公示有误' });
    expect(await found('事件测试')).toEqual([]);
    const events = await eventsOf(db().k, 'info_record', r.id);
    expect(events.map((e) => [e.type, e.subjectId, e.payload.unitId])).toEqual([
      ['record.published', String(r.id), unit],
      ['record.published', String(r.id), unit],
      ['record.withdrawn', String(r.id), unit],
    ]);
  });

  it('deletes the stored file of a removed attachment and the files of a deleted draft', async () => {
    const r = await createRecord(db(), editor, unit, recordForm({ title: '附件测试' }), [
      { name: '一.pdf', data: PDF },
      { name: '二.pdf', data: PDF },
    ]);
    await addAttachments(db(), editor, r.id, [{ name: '三.pdf', data: PDF }]);
    expect((await listFiles(db().k, 'info_record', r.id)).map((f) => f.name)).toEqual(['一.pdf', '二.pdf', '三.pdf']);
    const { files } = await getForStaff(db(), editor, r.id);
    await removeAttachment(db(), editor, r.id, files[1].id);
    expect((await listFiles(db().k, 'info_record', r.id)).map((f) => f.name)).toEqual(['一.pdf', '三.pdf']);
    await deleteDraft(db(), editor, r.id);
    expect(await listFiles(db().k, 'info_record', r.id)).toEqual([]);
  });
});
