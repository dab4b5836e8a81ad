/** Test and demo fixtures: a unit with a published catalog to publish against. */
import type { Db } from '../platform/db.js';
import type { Actor } from '../platform/access.js';
import { catalogForUnit, addItem, submit, review } from '../catalog/service.js';
import { itemForm } from '../catalog/testing.js';

/** Publish a standard catalog for a unit with the given items (as the editor, approved by the county office). */
export async function publishCatalog(
  db: Db,
  editor: Actor,
  office: Actor,
  unitId: number,
  items: Record<string, string>[],
): Promise<number[]> {
  const catalogId = await catalogForUnit(db, editor, unitId);
  const ids: number[] = [];
  for (const over of items) ids.push(await addItem(db, editor, catalogId, itemForm(over)));
  await submit(db, editor, catalogId, { reason: '首次编制' });
  await review(db, office, catalogId, { decision: 'approve' });
  return ids;
}

/** A record form as the browser sends it. */
export function recordForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: '城关镇2025年第三季度城乡低保对象公示',
    formed_on: '2025-09-20',
    written_on: '2025-09-19',
    subject: '民政、扶贫、救灾\\社会福利',
    genre: '公示',
    keywords: '低保，公示',
    summary: '城关镇2025年第三季度新增城乡最低生活保障对象名单公示',
    attribute: 'proactive',
    validity: 'valid',
    column_slug: 'fdzdgknr',
    column_item: 'a21-社会救助',
    body: '<p>根据《社会救助暂行办法》，现将城关镇2025年第三季度新增城乡低保对象公示如下。</p>',
    ...over,
  };
}
