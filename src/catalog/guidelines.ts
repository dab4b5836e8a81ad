/**
 * The 26 pilot-domain standard guidelines (基层政务公开标准指引) as built-in reference data
 * (data/guidelines/*.json, transcribed rows; most domains are partial — regulations §7).
 */
import fs from 'node:fs';
import { DOMAINS } from './vocabulary.js';
import type { Db } from '../platform/db.js';
import { nowIso, parseJson } from '../platform/dialect.js';
import { scopeChain } from '../platform/settings.js';
import { guidelineRowsIn, replaceGuidelineRows } from './store/guidelines.js';
import { writeAudit } from '../platform/audit.js';
import { assertCan, auditActor, can, type Actor } from '../platform/access.js';
import { xlsxToCatalog, type ImportError } from './exchange/xlsx.js';
import {
  STANDARD_CHANNELS,
  CHANNEL_ALIASES,
  sortChannels,
  type CatalogItemData,
  type StandardChannel,
  type Tier,
} from './model.js';

const DIR = new URL('../../data/guidelines/', import.meta.url);

interface RawRow {
  level1: string | null;
  level2: string | null;
  level3?: string | null;
  elements: string | null;
  basis: string | null;
  timeLimit: string | null;
  subject: string | null;
  channels: string[] | null;
  audience: { public: boolean; specific: boolean } | null;
  mode: { proactive: boolean; onRequest: boolean } | null;
  tier: { county: boolean; township: boolean; village?: boolean } | null;
}

export interface GuidelineRow {
  seq: number;
  item: CatalogItemData;
  /** Fields the transcription could not read: an adopted row must be completed before submission. */
  missing: string[];
}

export interface GuidelineDomain {
  slug: string;
  name: string;
  /** Whether the shipped table is partial (every shipped table is, per its completeness note). */
  partial: boolean;
  completeness: string;
  source: string;
  rows: GuidelineRow[];
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s*\(truncated\)\s*/g, '…').trim();

/** Map a transcribed channel to a standard channel or a named extra channel. */
export function normaliseChannel(raw: string): { standard?: StandardChannel; extra?: string } {
  const s = clean(raw).replace(/^其他[:：]/, '');
  if ((STANDARD_CHANNELS as readonly string[]).includes(s)) return { standard: s as StandardChannel };
  if (CHANNEL_ALIASES[s]) return { standard: CHANNEL_ALIASES[s] };
  return s ? { extra: s } : {};
}

export function rowToItem(domain: string, r: RawRow): { item: CatalogItemData; missing: string[] } {
  const channels: StandardChannel[] = [];
  const extra: string[] = [];
  for (const c of r.channels ?? []) {
    const n = normaliseChannel(c);
    if (n.standard && !channels.includes(n.standard)) channels.push(n.standard);
    if (n.extra && !extra.includes(n.extra)) extra.push(n.extra);
  }
  const tiers: Tier[] = [];
  if (r.tier?.county) tiers.push('county');
  if (r.tier?.township) tiers.push('township');
  if (r.tier?.village) tiers.push('village');
  const item: CatalogItemData = {
    domain,
    level1: clean(r.level1) || clean(r.level2),
    level2: r.level1 ? clean(r.level2) || null : null,
    level3: clean(r.level3) || null,
    elements: clean(r.elements),
    basis: clean(r.basis),
    timeLimit: clean(r.timeLimit),
    subject: clean(r.subject),
    channels: sortChannels(channels),
    extraChannels: extra,
    audiencePublic: r.audience?.public ?? false,
    audienceSpecific: r.audience?.specific ?? false,
    specificGroup: null,
    modeProactive: r.mode?.proactive ?? false,
    modeOnRequest: r.mode?.onRequest ?? false,
    tiers,
  };
  return { item, missing: missingFields(item) };
}

/** The required fields of a catalog item that are empty (labels in Chinese). */
export function missingFields(item: CatalogItemData): string[] {
  const m: string[] = [];
  if (!item.level1) m.push('一级事项');
  if (!item.elements) m.push('公开内容（要素）');
  if (!item.basis) m.push('公开依据');
  if (!item.timeLimit) m.push('公开时限');
  if (!item.subject) m.push('公开主体');
  if (item.channels.length === 0 && item.extraChannels.length === 0) m.push('公开渠道和载体');
  if (!item.audiencePublic && !item.audienceSpecific) m.push('公开对象');
  if (!item.modeProactive && !item.modeOnRequest) m.push('公开方式');
  if (item.tiers.length === 0) m.push('公开层级');
  return m;
}

let cache: GuidelineDomain[] | undefined;

export function loadShippedGuidelines(): GuidelineDomain[] {
  if (cache) return cache;
  cache = DOMAINS.map((d) => {
    const raw = JSON.parse(fs.readFileSync(new URL(`${d.slug}.json`, DIR), 'utf8')) as {
      completeness: string;
      source: string;
      items: RawRow[];
    };
    return {
      slug: d.slug,
      name: d.name,
      partial: true,
      completeness: raw.completeness,
      source: raw.source,
      rows: raw.items.map((r, i) => ({ seq: i + 1, ...rowToItem(d.name, r) })),
    };
  });
  return cache;
}

export function domainBySlug(slug: string): GuidelineDomain | undefined {
  return loadShippedGuidelines().find((d) => d.slug === slug);
}

export function domainByName(name: string): GuidelineDomain | undefined {
  return loadShippedGuidelines().find((d) => d.name === name);
}

// ---- full tables imported by a county office ---------------------------------------------------

/** The guidelines a county works from: shipped rows, replaced per domain by an imported full table. */
export async function guidelinesFor(
  db: Db,
  countyCode: string,
): Promise<(GuidelineDomain & { importedBy?: string; importedAt?: string })[]> {
  const rows = await guidelineRowsIn(db.k, scopeChain({ jurisdictionCode: countyCode }));
  // The narrowest scope with rows for a domain wins.
  const best = new Map<string, string>();
  for (const r of rows)
    if (!best.has(r.domain) || r.scope.length > best.get(r.domain)!.length) best.set(r.domain, r.scope);
  return loadShippedGuidelines().map((d) => {
    const mine = rows.filter((r) => r.domain === d.name && r.scope === best.get(d.name));
    if (!mine.length) return d;
    return {
      ...d,
      partial: false,
      completeness: `完整指引表，由 ${mine[0].imported_by} 导入`,
      importedBy: mine[0].imported_by,
      importedAt: mine[0].imported_at,
      rows: mine.map((r) => {
        const item = parseJson<CatalogItemData>(r.data_json, { ...d.rows[0].item });
        return { seq: r.seq, item, missing: missingFields(item) };
      }),
    };
  });
}

/** The 标准指引 page: the county's guidelines and whether the actor may import full tables. */
export async function guidelinesOverview(db: Db, actor: Actor, scope: { code: string }) {
  const list = await guidelinesFor(db, scope.code);
  const canImport = can(actor, 'guideline.import', { id: 0, jurisdictionCode: scope.code });
  return { list, canImport };
}

export async function guidelineDomainFor(db: Db, countyCode: string, slug: string) {
  return (await guidelinesFor(db, countyCode)).find((d) => d.slug === slug);
}

export class GuidelineImportFailed extends Error {
  constructor(readonly errors: ImportError[]) {
    super(`导入失败，未做任何修改。共 ${errors.length} 处错误。`);
  }
}

/** Import full guideline tables (one sheet per domain, template layout); replaces those domains' rows. */
export async function importGuidelines(
  db: Db,
  actor: Actor,
  scope: { code: string; jurisdictionId: number; name: string },
  filename: string,
  body: Buffer,
) {
  assertCan(actor, 'guideline.import', { id: 0, jurisdictionCode: scope.code });
  if (!/\.xlsx$/i.test(filename))
    throw new GuidelineImportFailed([
      { sheet: '', row: 0, column: '', message: '只能导入 .xlsx 格式的 Excel 文件，未导入。' },
    ]);
  const r = await xlsxToCatalog(body);
  const errors = [...r.errors];
  const known = new Set(DOMAINS.map((d) => d.name as string));
  for (const s of new Set(r.items.map((i) => i.domain)))
    if (!known.has(s))
      errors.push({ sheet: s, row: 0, column: '', message: `“${s}”不是 26 个试点领域之一，请将工作表命名为领域名称` });
  if (!errors.length && r.items.length === 0)
    errors.push({ sheet: '', row: 0, column: '', message: '文件中没有指引事项，未导入。' });
  if (errors.length) throw new GuidelineImportFailed(errors);
  const who = auditActor(actor);
  const domains = [...new Set(r.items.map((i) => i.domain))];
  const now = nowIso();
  await db.k.transaction().execute(async (trx) => {
    for (const d of domains)
      await replaceGuidelineRows(
        trx,
        scope.code,
        d,
        r.items.filter((i) => i.domain === d),
        who.name,
        now,
      );
    await writeAudit(trx, who, {
      action: 'guideline.import',
      objectType: 'guideline',
      objectId: domains.join(','),
      jurisdictionId: scope.jurisdictionId,
      summary: `${scope.name}从 ${filename} 导入完整标准指引：${domains.map((d) => `${d} ${r.items.filter((i) => i.domain === d).length} 项`).join('、')}`,
      after: { domains, items: r.items.length },
    });
  });
  return { domains, items: r.items.length };
}
