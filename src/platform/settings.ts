/**
 * Typed settings with one scope chain. A setting is declared once by the module that uses it
 * (`defineSetting`), stored as JSON in the `settings` table under a scope, and read for a place:
 *
 *   the installation ('CN') → 省 → 市 → 县（区）→ 乡镇（街道）→ 村（社区）→ the unit ('unit:<id>')
 *
 * where each jurisdiction scope is its code (2, 4, 6, 9 and 12 digits). The narrowest scope that
 * holds a valid value wins; without one the declared default applies. Only this file queries the
 * `settings` table.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import { nowIso } from './dialect.js';
import type { Database } from './schema.js';

type K = Kysely<Database> | Transaction<Database>;

/** The installation-wide scope (below every jurisdiction). */
export const INSTALLATION_SCOPE = 'CN';
/** Markers of the installation itself (the demo data, the page generation), outside the chain. */
export const SYSTEM_SCOPE = 'global';

export interface SettingDef<T> {
  key: string;
  /** What it sets, in Chinese (for settings pages and the audit log). */
  label: string;
  default: T;
  schema: z.ZodType<T>;
}

export function defineSetting<T>(key: string, label: string, schema: z.ZodType<T>, fallback: T): SettingDef<T> {
  return { key, label, schema, default: fallback };
}

/** Where a setting is read for: a jurisdiction (by code) and optionally one of its units. */
export interface Place {
  jurisdictionCode: string;
  unitId?: number;
}

export const unitScope = (unitId: number) => `unit:${unitId}`;

/** Every scope that applies to a place, widest first. */
export function scopeChain(place: Place): string[] {
  const out = [INSTALLATION_SCOPE];
  const code = place.jurisdictionCode;
  for (const len of [2, 4, 6, 9, 12]) if (code.length >= len) out.push(code.slice(0, len));
  if (place.unitId !== undefined) out.push(unitScope(place.unitId));
  return [...new Set(out)];
}

function decode<T>(def: SettingDef<T>, text: string): { ok: true; value: T } | { ok: false } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const r = def.schema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false };
}

/** The value of one setting for a place. */
export async function readSetting<T>(k: K, def: SettingDef<T>, place: Place): Promise<T> {
  return (await readSettings(k, { v: def }, place)).v;
}

type Values<D extends Record<string, SettingDef<unknown>>> = { [N in keyof D]: D[N]['default'] };

/** Several settings for a place, in one query. */
export async function readSettings<D extends Record<string, SettingDef<unknown>>>(
  k: K,
  defs: D,
  place: Place,
): Promise<Values<D>> {
  const chain = scopeChain(place);
  const keys = [...new Set(Object.values(defs).map((d) => d.key))];
  const rows = await k
    .selectFrom('settings')
    .select(['scope', 'key', 'value'])
    .where('scope', 'in', chain)
    .where('key', 'in', keys)
    .execute();
  const rank = (scope: string) => chain.indexOf(scope);
  rows.sort((a, b) => rank(b.scope) - rank(a.scope)); // narrowest first
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    out[name] = def.default;
    for (const r of rows) {
      if (r.key !== def.key) continue;
      const v = decode(def, r.value);
      if (v.ok) {
        out[name] = v.value;
        break;
      }
    }
  }
  return out as Values<D>;
}

/** The value stored at exactly one scope (undefined when none is), e.g. the system markers. */
export async function readSettingAt<T>(k: K, def: SettingDef<T>, scope: string): Promise<T | undefined> {
  const r = await k
    .selectFrom('settings')
    .select('value')
    .where('scope', '=', scope)
    .where('key', '=', def.key)
    .executeTakeFirst();
  if (!r) return undefined;
  const v = decode(def, r.value);
  return v.ok ? v.value : undefined;
}

/** Store a value at one scope (a jurisdiction code, `unitScope(id)`, 'CN' or 'global'). */
export async function writeSetting<T>(k: K, def: SettingDef<T>, scope: string, value: T): Promise<void> {
  const text = JSON.stringify(def.schema.parse(value));
  const now = nowIso();
  await k
    .insertInto('settings')
    .values({ scope, key: def.key, value: text, updated_at: now })
    .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet({ value: text, updated_at: now }))
    .execute();
}

/** Add one to an integer setting at a scope, atomically (counters such as the page generation). */
export async function incrementSetting(k: K, def: SettingDef<number>, scope: string): Promise<void> {
  const now = nowIso();
  await k
    .insertInto('settings')
    .values({ scope, key: def.key, value: '1', updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'key'])
        .doUpdateSet({ value: sql<string>`cast(cast(settings.value as integer) + 1 as text)`, updated_at: now }),
    )
    .execute();
}

/** The raw stored text at one scope (the page cache compares generations as text). */
export async function settingText(k: K, def: SettingDef<unknown>, scope: string): Promise<string | undefined> {
  const r = await k
    .selectFrom('settings')
    .select('value')
    .where('scope', '=', scope)
    .where('key', '=', def.key)
    .executeTakeFirst();
  return r?.value;
}
