/** What the catalog's routes read from a request: the database, the county of the site, ids, and file answers. */
import type { Context } from 'hono';
import type { Db } from '../../platform/db.js';
import { NotFoundError } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { Scope } from '../duties.js';
import type { ExportedFile } from '../exchange/service.js';

export type C = Context<AppEnv>;

export const dbOf = (c: C): Db => c.get('deps').db;

/** A numeric route parameter (the routes constrain them to digits). */
export const param = (c: C, name: string): number => Number(c.req.param(name));

/** The county the site serves, as the scope of county-wide work (责任清单, 指引, 政务服务事项). */
export function scopeOf(c: C): Scope {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return { code: s.jurisdictionCode, jurisdictionId: s.jurisdictionId, name: s.jurisdictionName };
}

/** The code of the county the site serves (the portal shows only its catalogs). */
export const countyOfSite = (c: C): string => scopeOf(c).code;

/** An exported catalog as a download (an ASCII fallback name and the Chinese name). */
export function download(c: C, f: ExportedFile) {
  return c.body(new Uint8Array(f.body), 200, {
    'content-type': f.contentType,
    'content-disposition': `attachment; filename="catalog.${f.filename.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
    'cache-control': 'no-store',
  });
}

/** The ids ticked in a multi-value form field. */
export const idsOf = (v: unknown): number[] =>
  ([] as unknown[])
    .concat(v ?? [])
    .map(Number)
    .filter(Number.isInteger);

/** An uploaded file of at most `maxBytes`, or the message why not. */
export async function uploadOf(
  c: C,
  maxBytes: number,
  missing: string,
): Promise<{ file: File; body: Buffer } | { error: string }> {
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File) || file.size === 0) return { error: missing };
  if (file.size > maxBytes) return { error: '文件超过 5 MB，未导入。' };
  return { file, body: Buffer.from(await file.arrayBuffer()) };
}
