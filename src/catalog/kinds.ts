/**
 * The three catalogs of a county ("三张目录", e.g. 如皋市 皋政办发〔2020〕147号): the 政务公开事项标准目录
 * (26 domains), the 政府信息主动公开补充目录 (the statutory items of 条例第二十条 and 第二十一条), and the
 * 面向村（居）政务公开事项目录 (what is published in villages and communities).
 */
import { DOMAINS, ARTICLE_20_ITEMS, ARTICLE_21_COUNTY, ARTICLE_21_TOWNSHIP, CHINESE_NUMERALS } from './vocabulary.js';

export const CATALOG_KINDS = {
  standard: '政务公开事项标准目录',
  supplementary: '政府信息主动公开补充目录',
  village: '面向村（居）政务公开事项目录',
} as const;
export type CatalogKind = keyof typeof CATALOG_KINDS;
export const KIND_KEYS = Object.keys(CATALOG_KINDS) as CatalogKind[];

export const isKind = (k: unknown): k is CatalogKind => typeof k === 'string' && k in CATALOG_KINDS;

/** Village-facing categories named in the implementation plans (脱贫攻坚、乡村振兴、村级财务、惠农政策、养老服务、社会救助). */
export const VILLAGE_CATEGORIES = [
  '脱贫攻坚',
  '乡村振兴',
  '村级财务',
  '惠农政策',
  '养老服务',
  '社会救助',
  '其他',
] as const;

/** The categories (the “domain” column) an item of a catalog kind may belong to. */
export function categoriesFor(kind: CatalogKind, jurisdictionLevel: string): string[] {
  if (kind === 'standard') return DOMAINS.map((d) => d.name);
  if (kind === 'village') return [...VILLAGE_CATEGORIES];
  const art20 = ARTICLE_20_ITEMS.map((t, i) => `第二十条（${CHINESE_NUMERALS[i]}）${t}`);
  const art21 = (
    jurisdictionLevel === 'township' || jurisdictionLevel === 'village' ? ARTICLE_21_TOWNSHIP : ARTICLE_21_COUNTY
  ).map((t) => `第二十一条：${t}`);
  return [...art20, ...art21, '其他'];
}
