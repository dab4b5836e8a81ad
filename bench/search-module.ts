/**
 * The search module (src/platform/search) is being built in parallel; the bench loads it at run
 * time and reports search as "not measured" while `indexMany`/`search` are not exported yet, so
 * the harness type-checks and runs both before and after the real module lands.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/schema.js';
import type { SearchDoc, SearchQuery, SearchResult } from '../src/platform/search/types.js';

export interface SearchModule {
  indexMany(k: Kysely<Database>, docs: SearchDoc[]): Promise<void>;
  search(k: Kysely<Database>, query: SearchQuery, options?: { totalLimit?: number }): Promise<SearchResult>;
}

let loaded: Promise<SearchModule | null> | undefined;

export function loadSearch(): Promise<SearchModule | null> {
  loaded ??= import('../src/platform/search/index.js').then((m) => {
    const mod = m as unknown as Partial<SearchModule>;
    return typeof mod.indexMany === 'function' && typeof mod.search === 'function' ? (mod as SearchModule) : null;
  });
  return loaded;
}
