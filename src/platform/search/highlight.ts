/**
 * Titles and snippets as segments for the view (which renders `hit` segments in <mark>, escaped
 * by JSX): never HTML. Hits are found exactly as the index finds them — every query run, as a
 * substring of the normalised text — and mapped back to the original characters. jieba only
 * moves the edges of a snippet to word boundaries; without it the edges fall on characters.
 */
import { createRequire } from 'node:module';
import { normalize, queryTerms } from './tokenize.js';
import type { Segment } from './types.js';

interface Cutter {
  cut(text: string, hmm?: boolean): string[];
}
let jieba: Cutter | null | undefined;

/** The default-dictionary jieba, loaded once on first use; null when it cannot be loaded. */
function segmenter(): Cutter | null {
  if (jieba !== undefined) return jieba;
  try {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Cutter } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  } catch {
    jieba = null;
  }
  return jieba;
}

/** Hit ranges [start, end) in `text` (UTF-16 offsets), merged and sorted. */
export function hitRanges(text: string, q: string): [number, number][] {
  const runs = queryTerms(q).runs;
  if (runs.length === 0 || text === '') return [];
  // Normalise cluster by cluster (a base character with its combining marks) and remember where
  // each normalised code unit came from.
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const n = normalize(m[0]);
    for (let i = 0; i < n.length; i++) {
      from.push(m.index);
      to.push(m.index + m[0].length);
    }
    norm += n;
  }
  const ranges: [number, number][] = [];
  for (const run of runs) {
    for (let at = norm.indexOf(run); at !== -1; at = norm.indexOf(run, at + 1))
      ranges.push([from[at], to[at + run.length - 1]]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function segments(text: string, ranges: [number, number][], start: number, end: number): Segment[] {
  const out: Segment[] = [];
  const push = (s: string, hit: boolean) => {
    if (s === '') return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += s;
    else out.push({ text: s, hit });
  };
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    push(text.slice(at, Math.max(at, a)), false);
    push(text.slice(Math.max(at, a), Math.min(b, end)), true);
    at = Math.min(b, end);
  }
  push(text.slice(at, end), false);
  return out;
}

/** The whole title, with every hit marked. */
export function highlightTitle(title: string, q: string): Segment[] {
  return segments(title, hitRanges(title, q), 0, title.length);
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Move an offset off the second half of a surrogate pair. */
const safe = (text: string, i: number) => (i > 0 && i < text.length && isLow(text.charCodeAt(i)) ? i - 1 : i);

/** Word boundaries (UTF-16 offsets) of text[from, to) by jieba, or null without jieba. */
function wordEdges(text: string, from: number, to: number): number[] | null {
  const j = segmenter();
  if (!j) return null;
  const edges: number[] = [from];
  let at = from;
  for (const w of j.cut(text.slice(from, to), false)) {
    at += w.length;
    edges.push(at);
  }
  return edges;
}

/**
 * An excerpt of at most `maxLen` characters (plus ellipses) around the first hit, with hits
 * marked; whitespace is collapsed. Without a hit: the beginning of the text.
 */
export function snippet(text: string, q: string, maxLen = 160): Segment[] {
  const ranges = hitRanges(text, q);
  let start = 0;
  let end = Math.min(text.length, maxLen);
  if (ranges.length > 0) {
    const [a, b] = ranges[0];
    // Some context before the first hit, the rest after it.
    const before = Math.max(0, Math.min(Math.floor((maxLen - (b - a)) / 4), 40));
    start = Math.max(0, a - before);
    end = Math.min(text.length, start + maxLen);
    if (end - start < maxLen) start = Math.max(0, end - maxLen);
    // Prefer starting right after a sentence break that lies in the context before the hit.
    const lead = text.slice(start, a);
    const brk = Math.max(...['。', '！', '？', '；', '\n'].map((p) => lead.lastIndexOf(p)));
    if (brk >= 0 && start > 0) {
      start += brk + 1;
      end = Math.min(text.length, start + maxLen);
    }
    if (b > end) end = Math.min(text.length, b);
  }
  // Snap the edges that cut the text to word boundaries, never cutting a hit.
  const margin = 12;
  const edges = wordEdges(text, Math.max(0, start - margin), Math.min(text.length, end + margin));
  if (edges) {
    const firstHit = ranges.find(([, b]) => b > start)?.[0] ?? end;
    if (start > 0) start = edges.find((e) => e >= start && e <= firstHit) ?? start;
    if (end < text.length) {
      // A later hit that the end would cut is left out whole.
      const inHit = ranges.find(([a, b]) => a < end && b > end && a > start);
      if (inHit) end = inHit[0];
      const floor = Math.max(start + 1, ranges.find(([a, b]) => a >= start && b <= end && b > start)?.[1] ?? 0);
      end = [...edges].reverse().find((e) => e <= end && e >= floor) ?? end;
    }
  }
  start = safe(text, start);
  end = safe(text, end);
  const out = segments(text, ranges, start, end).map((s) => ({ text: s.text.replace(/\s+/g, ' '), hit: s.hit }));
  if (out.length && !out[0].hit) out[0].text = out[0].text.replace(/^ /, '');
  if (out.length && !out[out.length - 1].hit) out[out.length - 1].text = out[out.length - 1].text.replace(/ $/, '');
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < text.length) out.push({ text: '…', hit: false });
  // Merge adjacent non-hit segments the ellipses created.
  return out
    .filter((s) => s.text !== '')
    .reduce<Segment[]>((acc, s) => {
      const last = acc[acc.length - 1];
      if (last && last.hit === s.hit) last.text += s.text;
      else acc.push({ ...s });
      return acc;
    }, []);
}
