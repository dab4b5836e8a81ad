/** What the portal routes of publishing share: the county of the site and the directory's query parameters. */
import type { Context } from 'hono';
import { NotFoundError } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/web/env.js';
import { GENRES } from '../model.js';
import type { PublicFilter } from '../public.js';

type C = Context<AppEnv>;

/** The county whose portal this is (the site passed in by org's site resolution). */
export function county(c: C): string {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return s.jurisdictionCode;
}

export const q = (c: C, k: string) => (c.req.query(k) ?? '').trim();
export const num = (c: C, k: string) => {
  const n = Number(q(c, k));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function filtersOf(c: C): PublicFilter {
  const subject = q(c, 'subject');
  const genre = q(c, 'genre');
  const attribute = q(c, 'attribute');
  const year = num(c, 'year');
  return {
    unitId: num(c, 'unit'),
    subject: subject || undefined,
    genre: (GENRES as readonly string[]).includes(genre) ? genre : undefined,
    attribute: attribute === 'proactive' || attribute === 'redacted' ? attribute : undefined,
    year: year && year >= 1990 && year <= 2100 ? year : undefined,
    page: num(c, 'page'),
  };
}
