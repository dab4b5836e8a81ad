/**
 * 负面清单: information a unit does not disclose, each item with its legal ground. The grounds are
 * those of 条例第十四条至第十六条, worded as the rows of the annual report's table 3 (不予公开 1–7).
 * The list is part of the catalog: it is reviewed and published with it.
 */
import type { Db } from '../platform/db.js';
import { writeAudit } from '../platform/audit.js';
import { NotFoundError, ValidationError, ConflictError } from '../platform/errors.js';
import { parseInput, z } from '../platform/validation.js';
import { auditActor, type Actor } from '../platform/access.js';
import { getCatalog } from './catalogs.js';
import { addEvent, markEdited } from './store/catalogs.js';
import { deleteNegativeRow, findNegative, insertNegative, negativesOf } from './store/negatives.js';

export const NEGATIVE_REASONS = [
  { key: 'state_secret', label: '属于国家秘密', article: '第十四条' },
  { key: 'law_prohibited', label: '其他法律行政法规禁止公开', article: '第十四条' },
  { key: 'security_stability', label: '危及“三安全一稳定”', article: '第十四条' },
  { key: 'third_party', label: '保护第三方合法权益', article: '第十五条' },
  { key: 'internal_affairs', label: '属于三类内部事务信息', article: '第十六条第一款' },
  { key: 'process_info', label: '属于四类过程性信息', article: '第十六条第二款' },
  { key: 'enforcement_file', label: '属于行政执法案卷', article: '第十六条第二款' },
] as const;
export type NegativeReason = (typeof NEGATIVE_REASONS)[number]['key'];

export const reasonText = (key: string) => {
  const r = NEGATIVE_REASONS.find((x) => x.key === key);
  return r ? `${r.label}（《中华人民共和国政府信息公开条例》${r.article}）` : key;
};

export interface NegativeItem {
  id: number;
  name: string;
  content: string;
  reason: string;
  basis: string;
}

const schema = z.object({
  name: z.string({ error: '请填写事项名称' }).trim().min(1, '请填写事项名称').max(100, '事项名称不能超过 100 个字'),
  content: z
    .string({ error: '请说明不予公开的内容' })
    .trim()
    .min(1, '请说明不予公开的内容')
    .max(1000, '内容说明不能超过 1000 个字'),
  reason: z.enum(NEGATIVE_REASONS.map((r) => r.key) as [NegativeReason, ...NegativeReason[]], {
    error: '请选择不予公开的理由',
  }),
  basis: z
    .string({ error: '请填写法律依据' })
    .trim()
    .min(1, '请填写法律依据，如“《中华人民共和国保守国家秘密法》第九条”')
    .max(500, '法律依据不能超过 500 个字'),
});

export async function listNegatives(db: Db, catalogId: number): Promise<NegativeItem[]> {
  return negativesOf(db.k, catalogId);
}

export async function addNegative(db: Db, actor: Actor, catalogId: number, raw: unknown): Promise<number> {
  const v = await getCatalog(db, actor, catalogId);
  if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑。');
  const input = parseInput(schema, raw);
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    const id = await insertNegative(trx, catalogId, input);
    await markEdited(trx, catalogId, v.catalog.status);
    await addEvent(trx, catalogId, 'negative_add', who.name, `新增负面清单事项“${input.name}”`);
    await writeAudit(trx, who, {
      action: 'catalog.negative_add',
      objectType: 'catalog_negative',
      objectId: id,
      unitId: v.unit.id,
      jurisdictionId: v.unit.jurisdiction_id,
      summary: `${v.unit.name}负面清单新增“${input.name}”：${reasonText(input.reason)}`,
      after: input,
    });
    return id;
  });
}

export async function deleteNegative(db: Db, actor: Actor, id: number): Promise<number> {
  const row = await findNegative(db.k, id);
  if (!row) throw new NotFoundError('该负面清单事项不存在。');
  const v = await getCatalog(db, actor, row.catalog_id);
  if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await deleteNegativeRow(trx, id);
    await markEdited(trx, row.catalog_id, v.catalog.status);
    await addEvent(trx, row.catalog_id, 'negative_delete', who.name, `删除负面清单事项“${row.name}”`);
    await writeAudit(trx, who, {
      action: 'catalog.negative_delete',
      objectType: 'catalog_negative',
      objectId: id,
      unitId: v.unit.id,
      jurisdictionId: v.unit.jurisdiction_id,
      summary: `${v.unit.name}负面清单删除“${row.name}”`,
      before: row,
    });
  });
  return row.catalog_id;
}

export { ValidationError };
