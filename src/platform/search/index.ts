/** Chinese full-text search: bigram index on SQLite FTS5 / PostgreSQL tsvector, highlighting, attachment text. */
export type { SearchDoc, SearchQuery, SearchHit, SearchResult, Segment } from './types.js';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './types.js';
export { normalize, tokenize, tokenizeRuns, queryTerms, type QueryTerms } from './tokenize.js';
export {
  indexDoc,
  indexMany,
  removeDoc,
  search,
  optimizeIndex,
  indexedObjectIds,
  RANK_LIMIT,
  TOTAL_LIMIT,
} from './store.js';
export { snippet, highlightTitle } from './highlight.js';
export { extractText, MAX_EXTRACTED_CHARS } from './extract.js';
