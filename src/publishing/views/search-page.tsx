/** 信息检索: full-text search of the county's published records, with highlighted titles and snippets. */
import type { Context } from 'hono';
import * as search from '../../platform/search/index.js';
import { Pager } from '../../platform/ui/forms.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { PublicFilter, searchPublic } from '../public.js';
import { DirectoryFilters, Highlight, queryString } from './portal-components.js';

export type SearchPageProps = {
  c: Context<AppEnv>;
  text: string;
  f: PublicFilter;
  sort: 'date' | 'relevance';
} & Awaited<ReturnType<typeof searchPublic>>;

export function SearchPage(props: SearchPageProps) {
  const { c, text, f, sort, units, result, rows } = props;
  const page_ = f.page ?? 1;
  const base = {
    q: text,
    unit: f.unitId,
    subject: f.subject,
    genre: f.genre,
    year: f.year,
    attribute: f.attribute,
    sort: sort === 'date' ? 'date' : undefined,
  };
  return (
    <PortalLayout c={c} title={text ? `“${text}”的检索结果` : '信息检索'} crumbs={[{ label: '信息检索' }]}>
      <h1>信息检索</h1>
      <DirectoryFilters action="/search" f={f} units={units} q={text} />
      {!text ? <p>请输入要检索的词语（两个字以上），可同时按发布机构、主题分类、体裁、年份筛选。</p> : null}
      {result?.singleChar ? <p class="notice">请至少输入两个字再检索。</p> : null}
      {result && !result.singleChar ? (
        <>
          <p role="status">
            {result.totalExact
              ? `找到 ${result.total} 条包含“${text}”的信息。`
              : `找到超过 ${result.total.toLocaleString('en-US')} 条包含“${text}”的信息，可按发布机构、年份、主题分类等筛选以缩小范围。`}
            {result.total > 1 ? (
              <>
                {' '}
                排序：
                {sort === 'date' ? (
                  <>
                    <a href={`/search${queryString({ ...base, sort: undefined })}`}>按相关度</a>｜按日期
                  </>
                ) : (
                  <>
                    按相关度｜<a href={`/search${queryString({ ...base, sort: 'date' })}`}>按日期</a>
                  </>
                )}
              </>
            ) : null}
          </p>
          {result.hits.length ? (
            <ol class="search-results" start={(page_ - 1) * 20 + 1}>
              {result.hits.map((h) => {
                const row = rows.get(h.objectId);
                if (!row) return null;
                return (
                  <li>
                    <h2>
                      <a href={`/xxgk/info/${row.id}`}>
                        <Highlight segments={search.highlightTitle(row.title, text)} />
                      </a>
                    </h2>
                    <p>
                      <Highlight segments={search.snippet(`${row.summary}\n${row.body_text}`, text)} />
                    </p>
                    <p class="muted">
                      {row.publisher}　{row.published_on}　{row.doc_number ?? ''}　索引号：{row.index_no}
                    </p>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p class="empty">没有找到包含“{text}”的信息。请换一个词语，或减少筛选条件。</p>
          )}
          <Pager page={page_} hasNext={result.hasMore} href={(p) => `/search${queryString({ ...base, page: p })}`} />
        </>
      ) : null}
    </PortalLayout>
  );
}
