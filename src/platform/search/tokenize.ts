/**
 * The search tokenizer: overlapping character bigrams of every run of text between separators.
 * Han and non-Han characters are treated alike (one code point = one character), so a query of
 * two or more characters matches a document exactly when it is a substring of the document's
 * normalised text. Pure functions; the index (FTS5 or tsvector) only ever sees these tokens.
 */

/** NFKC (full-width → half-width, compatibility ideographs such as ⽰ → 示) and lowercase. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Characters that belong to a run: letters (Han is Lo), numbers and combining marks. Everything
 * else — whitespace, ASCII and full-width punctuation, symbols, controls, private-use code
 * points — separates runs. Private-use code points are excluded on purpose: the SQLite index
 * uses U+E000 as its run separator token, which therefore can never come from text.
 */
const RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** Split already-normalised text into runs (maximal sequences of run characters). */
export function runsOf(normalised: string): string[] {
  return normalised.match(RUN) ?? [];
}

/** The bigrams of one run, by code point; a one-character run yields itself (a unigram). */
export function bigramsOfRun(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = new Array(chars.length - 1);
  for (let i = 0; i < chars.length - 1; i++) out[i] = chars[i] + chars[i + 1];
  return out;
}

/** Normalise, split into runs and return the tokens of each run (one array per run). */
export function tokenizeRuns(text: string): string[][] {
  return runsOf(normalize(text)).map(bigramsOfRun);
}

/** All tokens of a text, flattened (runs are not marked). */
export function tokenize(text: string): string[] {
  return tokenizeRuns(text).flat();
}

export interface QueryTerms {
  /** The query runs of two or more characters, normalised; a document must contain each. */
  runs: string[];
  /** One phrase (consecutive bigrams) per run. */
  phrases: string[][];
  /**
   * True when nothing searchable is left and the query had characters: the whole query is one
   * character (or only single characters separated by punctuation), which cannot be searched.
   */
  singleChar: boolean;
}

/**
 * Split a user query the same way as documents. Runs of one character are dropped (they would
 * need a unigram index), unless the whole query is one character: then `singleChar` is set so the
 * page can say that a single character cannot be searched.
 */
export function queryTerms(q: string): QueryTerms {
  const all = runsOf(normalize(q));
  const long = [...new Set(all.filter((r) => Array.from(r).length >= 2))];
  const singleChar = long.length === 0 && all.length > 0;
  return { runs: long, phrases: long.map(bigramsOfRun), singleChar };
}
