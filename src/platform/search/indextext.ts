/**
 * What the two index backends receive for one document, built from the tokenizer's runs.
 * Both keep run boundaries, so a phrase never matches across two runs:
 * - FTS5: tokens separated by spaces, runs separated by the token U+E000 (never produced by text,
 *   see tokenize.ts), which sits between the runs' positions;
 * - PostgreSQL: tsvector literals with explicit positions and a one-position gap between runs.
 *   One tsvector keeps at most 16,383 positions and 256 positions per lexeme (the rest are
 *   silently dropped), so the text is cut into parts at run boundaries that respect both limits.
 */
import { tokenizeRuns } from './tokenize.js';

export const RUN_SEPARATOR = '\uE000';

export function ftsText(runs: string[][]): string {
  return runs.map((r) => r.join(' ')).join(` ${RUN_SEPARATOR} `);
}

export function bodyText(body: string, attachmentText?: string): string {
  return attachmentText ? `${body}\n${attachmentText}` : body;
}

export function ftsColumns(title: string, body: string, attachmentText?: string): { title: string; body: string } {
  return { title: ftsText(tokenizeRuns(title)), body: ftsText(tokenizeRuns(bodyText(body, attachmentText))) };
}

const MAX_POS = 16383;
const MAX_POS_PER_LEXEME = 256;
/** When one run alone exceeds a part, the next part repeats this many of its tokens. */
const OVERLAP = 63;

class TsvPart {
  positions = new Map<string, string[]>();
  next = 1;
  fits(tokens: string[]): boolean {
    if (this.next + tokens.length - 1 > MAX_POS) return false;
    const add = new Map<string, number>();
    for (const t of tokens) add.set(t, (add.get(t) ?? 0) + 1);
    for (const [t, n] of add) if ((this.positions.get(t)?.length ?? 0) + n > MAX_POS_PER_LEXEME) return false;
    return true;
  }
  canAdd(token: string): boolean {
    return this.next <= MAX_POS && (this.positions.get(token)?.length ?? 0) < MAX_POS_PER_LEXEME;
  }
  addOne(token: string, weight: string): void {
    let list = this.positions.get(token);
    if (!list) {
      list = [];
      this.positions.set(token, list);
    }
    list.push(`${this.next++}${weight}`);
  }
  /** End of a run: skip one position so that no phrase matches across runs. */
  gap(): void {
    this.next++;
  }
  get empty(): boolean {
    return this.positions.size === 0;
  }
  literal(): string {
    const out: string[] = [];
    for (const [t, pos] of this.positions)
      out.push(`'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${pos.join(',')}`);
    return out.join(' ');
  }
}

/**
 * tsvector literals: the first goes into search_docs.tsv, the others into search_overflow. A run
 * longer than one part (16,383 tokens, or more than 256 repeats of one bigram) is cut into
 * pieces that overlap by 63 tokens, so query runs of up to 64 characters stay exact there too.
 */
export function tsvParts(title: string, body: string, attachmentText?: string): string[] {
  let cur = new TsvPart();
  const parts: TsvPart[] = [cur];
  const place = (run: string[], weight: string) => {
    if (!cur.fits(run) && !cur.empty) {
      cur = new TsvPart();
      parts.push(cur);
    }
    if (cur.fits(run)) {
      for (const t of run) cur.addOne(t, weight);
      cur.gap();
      return;
    }
    let i = 0;
    for (;;) {
      const pieceStart = i;
      while (i < run.length && cur.canAdd(run[i])) cur.addOne(run[i++], weight);
      cur.gap();
      if (i >= run.length) return;
      i = Math.max(i - OVERLAP, pieceStart + 1);
      cur = new TsvPart();
      parts.push(cur);
    }
  };
  for (const run of tokenizeRuns(title)) place(run, 'A');
  for (const run of tokenizeRuns(bodyText(body, attachmentText))) place(run, '');
  return parts.map((p) => p.literal());
}

/**
 * Filter tokens for the FTS5 `meta` column: U+E001, a field letter and the value in hex, so each
 * is one unicode61 token that text can never produce. Prefix filters index every prefix:
 * jurisdiction codes by character, subjects by '\' level.
 */
const META = '\uE001';
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
export const metaToken = (field: 'j' | 'u' | 'y' | 's' | 'g' | 'a' | 'c' | 'o', value: string | number) =>
  `${META}${field}${hex(String(value))}`;

export function metaTokens(d: {
  jurisdictionCode: string;
  unitId: number;
  publishedOn: string;
  subject?: string | null;
  genre?: string | null;
  attribute?: string | null;
  columnSlug?: string | null;
  objectType: string;
}): string {
  const out: string[] = [];
  const code = Array.from(d.jurisdictionCode);
  for (let i = 1; i <= code.length; i++) out.push(metaToken('j', code.slice(0, i).join('')));
  out.push(metaToken('u', d.unitId), metaToken('y', Number(d.publishedOn.slice(0, 4))), metaToken('o', d.objectType));
  if (d.subject) {
    const levels = d.subject.split('\\');
    for (let i = 1; i <= levels.length; i++) out.push(metaToken('s', levels.slice(0, i).join('\\')));
  }
  if (d.genre) out.push(metaToken('g', d.genre));
  if (d.attribute) out.push(metaToken('a', d.attribute));
  if (d.columnSlug) out.push(metaToken('c', d.columnSlug));
  return out.join(' ');
}

/** FTS5 rowid: days since 1970 · 2³¹ + id, so rowid order is (published_on, id) order. */
export function ftsRowid(publishedOn: string, id: number): number {
  const days = Math.round(
    Date.UTC(Number(publishedOn.slice(0, 4)), Number(publishedOn.slice(5, 7)) - 1, Number(publishedOn.slice(8, 10))) /
      86_400_000,
  );
  return days * 2 ** 31 + id;
}
export const idOfRowid = (rowid: number): number => ((rowid % 2 ** 31) + 2 ** 31) % 2 ** 31;
