/**
 * Portal pages of government information: the detail page with the standard metadata block,
 * print view, attachments, the 政府信息公开目录 with its filters, sub-columns of 法定主动公开内容,
 * records under a catalog item, search with highlighted snippets, Atom feeds and the sitemap.
 * Every page works without JavaScript.
 */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { sendFile } from '../platform/web/download.js';
import type { AppEnv } from '../platform/web/env.js';
import { PortalLayout, page } from '../platform/ui/layout.js';
import { NotFoundError } from '../platform/errors.js';
import { Pager, formatTime } from '../platform/ui/forms.js';
import {
  ATTRIBUTES,
  GENRES,
  SUBJECT_TREE,
  VALIDITY,
  withholdReasonText,
  type Attribute,
  type Validity,
} from './model.js';
import * as pub from './public.js';
import type { PublicRow } from './public.js';
import { SEARCH_TYPE } from './search.js';

type C = Context<AppEnv>;

function county(c: C): string {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return s.jurisdictionCode;
}

const dateCn = (d: string | null | undefined) => (d ? `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日` : '—');
const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** A list of records as the portal shows them (title, 发布机构, 发布日期). */
export function RecordList(props: { rows: PublicRow[]; empty?: string }) {
  if (!props.rows.length) return <p class="empty">{props.empty ?? '本栏目暂无信息。'}</p>;
  return (
    <ul class="record-list">
      {props.rows.map((r) => (
        <li>
          <a href={`/xxgk/info/${r.id}`}>{r.title}</a>
          <span class="muted">
            {' '}
            {r.publisher}　{r.published_on ?? ''}
          </span>
          {r.validity !== 'valid' ? <span class="tag">{VALIDITY[r.validity as Validity]}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The standard metadata block (regulations §4.1): 索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性. */
function MetaBlock(props: { r: Awaited<ReturnType<typeof pub.getPublic>>['record'] }) {
  const r = props.r;
  return (
    <table class="meta-block">
      <caption class="visually-hidden">信息基本属性</caption>
      <tbody>
        <tr>
          <th scope="row">索引号</th>
          <td>{r.index_no}</td>
          <th scope="row">主题分类</th>
          <td>{r.subject}</td>
        </tr>
        <tr>
          <th scope="row">发布机构</th>
          <td>{r.publisher}</td>
          <th scope="row">成文日期</th>
          <td>{dateCn(r.written_on)}</td>
        </tr>
        <tr>
          <th scope="row">文号</th>
          <td>{r.doc_number ?? '—'}</td>
          <th scope="row">发布日期</th>
          <td>{dateCn(r.published_on)}</td>
        </tr>
        <tr>
          <th scope="row">体裁</th>
          <td>{r.genre}</td>
          <th scope="row">有效性</th>
          <td>
            {VALIDITY[r.validity as Validity]}
            {r.validity_on ? `（${dateCn(r.validity_on)}起）` : ''}
          </td>
        </tr>
        <tr>
          <th scope="row">公开属性</th>
          <td>{ATTRIBUTES[r.attribute as Attribute]}</td>
          <th scope="row">关键词</th>
          <td>{r.keywords || '—'}</td>
        </tr>
        <tr>
          <th scope="row">名称</th>
          <td colspan={3}>{r.title}</td>
        </tr>
        {r.summary ? (
          <tr>
            <th scope="row">内容概述</th>
            <td colspan={3}>{r.summary}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function DetailBody(props: { d: Awaited<ReturnType<typeof pub.getPublic>>; print?: boolean }) {
  const { d } = props;
  const r = d.record;
  return (
    <article class="doc record">
      <MetaBlock r={r} />
      <h1>{r.title}</h1>
      {r.attribute === 'redacted' ? (
        <p class="notice">本信息删减后公开。删减部分的理由：{withholdReasonText(r.attribute_reason)}。</p>
      ) : null}
      {r.posting_end_on ? (
        <p class="notice">
          公示期：{dateCn(r.published_on)}至{dateCn(r.posting_end_on)}。
        </p>
      ) : null}
      {/* body_html is sanitised on the way in (src/platform/richtext.ts), so it is safe to emit as is. */}
      <div class="record-body">{raw(r.body_html)}</div>
      {d.files.length ? (
        <section aria-labelledby="att-h">
          <h2 id="att-h">附件</h2>
          <ul class="attachments">
            {d.files.map((f) => (
              <li>
                <a href={`/xxgk/info/${r.id}/files/${f.id}`}>{f.name}</a>{' '}
                <span class="muted">（{sizeText(f.size)}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!props.print && d.policy ? (
        <p>
          解读的政策文件：<a href={`/xxgk/info/${d.policy.id}`}>{d.policy.title}</a>
        </p>
      ) : null}
      {!props.print && d.interpretations.length ? (
        <section aria-labelledby="interp-h">
          <h2 id="interp-h">政策解读</h2>
          <ul>
            {d.interpretations.map((i) => (
              <li>
                <a href={`/xxgk/info/${i.id}`}>{i.title}</a>
                {i.interp_form ? `（${i.interp_form}）` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!props.print && d.items.length ? (
        <p class="muted">所属目录事项：{d.items.map((i) => `${i.domain}：${i.label}`).join('；')}</p>
      ) : null}
      {!props.print && d.channels.length ? (
        <section aria-labelledby="ch-h">
          <h2 id="ch-h">其他公开渠道</h2>
          <ul>
            {d.channels.map((ch) => (
              <li>
                {ch.channel}（{dateCn(ch.used_on)}）
                {ch.link ? (
                  <>
                    {' '}
                    <a href={ch.link} rel="noopener noreferrer">
                      查看
                    </a>
                  </>
                ) : null}
                {ch.file_id ? (
                  <>
                    {' '}
                    <a href={`/xxgk/info/${r.id}/channels/${ch.id}/photo`}>公示照片</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!props.print && d.versions.length ? (
        <p class="muted">
          本信息已变更 {d.versions.length} 次，当前为第 {r.version} 版；最近一次变更：{d.versions[0].reason}（
          {formatTime(d.versions[0].replaced_at)}）。
        </p>
      ) : null}
    </article>
  );
}

const q = (c: C, k: string) => (c.req.query(k) ?? '').trim();
const num = (c: C, k: string) => {
  const n = Number(q(c, k));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

function filtersOf(c: C): pub.PublicFilter {
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

function queryString(params: Record<string, string | number | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const t = s.toString();
  return t ? `?${t}` : '';
}

function DirectoryFilters(props: {
  action: string;
  f: pub.PublicFilter;
  units: { id: number; name: string }[];
  q?: string;
}) {
  const f = props.f;
  const thisYear = new Date().getUTCFullYear();
  return (
    <form class="filters" method="get" action={props.action} role="search">
      {props.q !== undefined ? (
        <div class="field">
          <label for="f-q">关键词</label>
          <input id="f-q" name="q" type="search" value={props.q} maxlength={60} />
        </div>
      ) : null}
      <div class="field">
        <label for="f-unit">发布机构</label>
        <select id="f-unit" name="unit">
          <option value="">全部</option>
          {props.units.map((u) => (
            <option value={String(u.id)} selected={f.unitId === u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-subject">主题分类</label>
        <select id="f-subject" name="subject">
          <option value="">全部</option>
          {SUBJECT_TREE.map(([l1, l2s]) => (
            <optgroup label={l1}>
              <option value={l1} selected={f.subject === l1}>
                {l1}（全部）
              </option>
              {l2s.map((l2) => (
                <option value={`${l1}\\${l2}`} selected={f.subject === `${l1}\\${l2}`}>
                  {l2}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-genre">体裁</label>
        <select id="f-genre" name="genre">
          <option value="">全部</option>
          {GENRES.map((g) => (
            <option value={g} selected={f.genre === g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-year">年份</label>
        <select id="f-year" name="year">
          <option value="">全部</option>
          {Array.from({ length: thisYear - 2007 }, (_, i) => thisYear - i).map((y) => (
            <option value={String(y)} selected={f.year === y}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-attr">公开属性</label>
        <select id="f-attr" name="attribute">
          <option value="">全部</option>
          <option value="proactive" selected={f.attribute === 'proactive'}>
            主动公开
          </option>
          <option value="redacted" selected={f.attribute === 'redacted'}>
            删减后公开
          </option>
        </select>
      </div>
      <button class="button" type="submit">
        {props.q !== undefined ? '检索' : '筛选'}
      </button>
    </form>
  );
}

function DirectoryTable(props: { rows: PublicRow[] }) {
  if (!props.rows.length) return <p class="empty">没有符合条件的信息。</p>;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">政府信息公开目录</caption>
        <thead>
          <tr>
            <th scope="col">索引号</th>
            <th scope="col">名称</th>
            <th scope="col">发布机构</th>
            <th scope="col">文号</th>
            <th scope="col">主题分类</th>
            <th scope="col">发布日期</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.index_no}</td>
              <th scope="row">
                <a href={`/xxgk/info/${r.id}`}>{r.title}</a>
                {r.validity !== 'valid' ? <span class="tag">{VALIDITY[r.validity as Validity]}</span> : null}
              </th>
              <td>{r.publisher}</td>
              <td>{r.doc_number ?? '—'}</td>
              <td>{r.subject}</td>
              <td>{r.published_on}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Highlight(props: { segments: { text: string; hit: boolean }[] }) {
  return <>{props.segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const FEEDS: Record<string, { title: string; filter: pub.PublicFilter }> = {
  all: { title: '最新信息', filter: {} },
  fdzdgknr: { title: '法定主动公开内容', filter: { columnSlug: 'fdzdgknr' } },
  zhidu: { title: '政府信息公开制度', filter: { columnSlug: 'zhidu' } },
};

async function atom(c: C, key: string, title: string, f: pub.PublicFilter, selfPath: string) {
  const site = c.get('site');
  const { rows } = await pub.listPublic(c.get('deps').db, county(c), { ...f, pageSize: 50 });
  const origin = new URL(c.req.url).origin;
  const updated = rows[0]?.published_at ?? new Date(0).toISOString();
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xml(`${site?.name ?? ''}政府信息公开：${title}`)}</title>
<id>${xml(`${origin}${selfPath}`)}</id>
<link rel="self" href="${xml(`${origin}${selfPath}`)}"/>
<link rel="alternate" href="${xml(`${origin}/xxgk/${key === 'all' ? 'xxml' : key}`)}"/>
<updated>${updated}</updated>
${rows
  .map(
    (r) => `<entry>
<title>${xml(r.title)}</title>
<id>${xml(`${origin}/xxgk/info/${r.id}`)}</id>
<link href="${xml(`${origin}/xxgk/info/${r.id}`)}"/>
<updated>${r.published_at}</updated>
<published>${r.published_at}</published>
<author><name>${xml(r.publisher)}</name></author>
<summary>${xml(r.summary || r.title)}</summary>
<category term="${xml(r.subject)}"/>
</entry>`,
  )
  .join('\n')}
</feed>
`;
  return c.body(body, 200, {
    'content-type': 'application/atom+xml; charset=utf-8',
    'cache-control': 'public, max-age=300',
  });
}

const SITEMAP_BUCKET = 50_000;

const fileResponse = (c: C, f: { name: string; mime: string; data: Buffer }, inline = false) =>
  sendFile(c, f, { inline, cache: 'private, max-age=0' });

export function infoPortalRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/xxgk/info/:id{[0-9]+}', async (c) => {
    const d = await pub.getPublic(c.get('deps').db, county(c), Number(c.req.param('id')));
    const rec = d.record;
    const crumbs = [
      rec.column_slug === 'zhidu'
        ? { href: '/xxgk/zhidu', label: '政府信息公开制度' }
        : { href: '/xxgk/fdzdgknr', label: '法定主动公开内容' },
      ...(rec.column_item && pub.columnItemLabel(rec.column_item)
        ? [
            {
              href: `/xxgk/fdzdgknr/${encodeURIComponent(rec.column_item)}`,
              label: pub.columnItemLabel(rec.column_item)!.slice(0, 24),
            },
          ]
        : []),
      { label: rec.title.length > 30 ? `${rec.title.slice(0, 30)}…` : rec.title },
    ];
    if (d.withdrawn) {
      return page(
        c,
        <PortalLayout c={c} title={rec.title} crumbs={crumbs}>
          <article class="doc record">
            <h1>{rec.title}</h1>
            <p class="notice">
              该信息已于{dateCn(rec.withdrawn_at?.slice(0, 10))}撤回。撤回理由：{rec.withdrawn_reason}
            </p>
            <p class="muted">
              索引号：{rec.index_no}　发布机构：{rec.publisher}　原发布日期：{dateCn(rec.published_on)}
            </p>
          </article>
        </PortalLayout>,
      );
    }
    return page(
      c,
      <PortalLayout c={c} title={rec.title} crumbs={crumbs}>
        <DetailBody d={d} />
        <p class="actions">
          <a href={`/xxgk/info/${rec.id}/print`}>打印本页</a>　<a href="/xxgk/xxml">返回政府信息公开目录</a>
        </p>
      </PortalLayout>,
    );
  });

  // Print view: the metadata block and the text only, on a plain page (the print stylesheet does the rest).
  r.get('/xxgk/info/:id{[0-9]+}/print', async (c) => {
    const d = await pub.getPublic(c.get('deps').db, county(c), Number(c.req.param('id')));
    if (d.withdrawn) throw new NotFoundError('该信息已撤回。');
    const site = c.get('site');
    return page(
      c,
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{d.record.title}（打印）</title>
          <link rel="stylesheet" href="/static/gongkai.css" />
        </head>
        <body class="print-view">
          <main id="main">
            <p class="muted">
              {site?.name}政府信息公开平台　<a href={`/xxgk/info/${d.record.id}`}>返回信息页</a>
            </p>
            <DetailBody d={d} print />
          </main>
        </body>
      </html>,
    );
  });

  r.get('/xxgk/info/:id{[0-9]+}/files/:fid{[0-9]+}', async (c) =>
    fileResponse(
      c,
      await pub.downloadPublic(c.get('deps').db, county(c), Number(c.req.param('id')), Number(c.req.param('fid'))),
    ),
  );
  r.get('/xxgk/info/:id{[0-9]+}/channels/:cid{[0-9]+}/photo', async (c) =>
    fileResponse(
      c,
      await pub.channelPhoto(c.get('deps').db, county(c), Number(c.req.param('id')), Number(c.req.param('cid'))),
      true,
    ),
  );

  // 政府信息公开目录: every published record, with the filters 机构, 主题, 体裁, 年份, 公开属性.
  r.get('/xxgk/xxml', async (c) => {
    const db = c.get('deps').db;
    const f = filtersOf(c);
    const [list, total, units] = await Promise.all([
      pub.listPublic(db, county(c), f),
      pub.countPublic(db, county(c), f),
      pub.publishingUnits(db, county(c)),
    ]);
    const base = { unit: f.unitId, subject: f.subject, genre: f.genre, year: f.year, attribute: f.attribute };
    return page(
      c,
      <PortalLayout
        c={c}
        title="政府信息公开目录"
        current="fdzdgknr"
        crumbs={[{ href: '/xxgk/fdzdgknr', label: '法定主动公开内容' }, { label: '政府信息公开目录' }]}
      >
        <h1>政府信息公开目录</h1>
        <p>
          本目录列出本县各单位主动公开的全部政府信息，可按发布机构、主题分类、体裁、年份和公开属性筛选；也可
          <a href="/search">全文检索</a>。
        </p>
        <DirectoryFilters action="/xxgk/xxml" f={f} units={units} />
        <p role="status">共 {total} 条信息。</p>
        <DirectoryTable rows={list.rows} />
        <Pager page={list.page} hasNext={list.hasNext} href={(p) => `/xxgk/xxml${queryString({ ...base, page: p })}`} />
        <p class="muted">
          <a href="/xxgk/all/atom.xml">订阅最新信息（Atom）</a>
        </p>
      </PortalLayout>,
    );
  });

  // A sub-column of 法定主动公开内容 (条例第二十条 item or 第二十一条 content).
  r.get('/xxgk/fdzdgknr/:item{[^/.]+}', async (c) => {
    const key = c.req.param('item');
    const label = pub.columnItemLabel(key);
    if (!label) throw new NotFoundError('该栏目不存在。');
    const page_ = num(c, 'page');
    const list = await pub.listPublic(c.get('deps').db, county(c), {
      columnSlug: 'fdzdgknr',
      columnItem: key,
      page: page_,
    });
    return page(
      c,
      <PortalLayout
        c={c}
        title={label}
        current="fdzdgknr"
        crumbs={[
          { href: '/xxgk/fdzdgknr', label: '法定主动公开内容' },
          { label: label.length > 30 ? `${label.slice(0, 30)}…` : label },
        ]}
      >
        <h1>{label}</h1>
        <RecordList rows={list.rows} />
        <Pager
          page={list.page}
          hasNext={list.hasNext}
          href={(p) => `/xxgk/fdzdgknr/${encodeURIComponent(key)}?page=${p}`}
        />
        <p class="muted">
          <a href={`/xxgk/fdzdgknr/${encodeURIComponent(key)}/atom.xml`}>订阅本栏目（Atom）</a>
        </p>
      </PortalLayout>,
    );
  });

  // The records published under one catalog item.
  r.get('/xxgk/item/:id{[0-9]+}', async (c) => {
    const itemId = Number(c.req.param('id'));
    const list = await pub.listPublic(c.get('deps').db, county(c), { itemId, page: num(c, 'page') });
    const label = await c
      .get('deps')
      .db.k.selectFrom('info_record_items')
      .select(['domain', 'label'])
      .where('catalog_item_id', '=', itemId)
      .limit(1)
      .executeTakeFirst();
    if (!label) throw new NotFoundError('该目录事项下暂无公开信息。');
    return page(
      c,
      <PortalLayout
        c={c}
        title={label.label}
        current="lingyu"
        crumbs={[{ href: '/xxgk/lingyu', label: '重点领域信息公开' }, { label: `${label.domain}：${label.label}` }]}
      >
        <h1>
          {label.domain}：{label.label}
        </h1>
        <RecordList rows={list.rows} />
        <Pager page={list.page} hasNext={list.hasNext} href={(p) => `/xxgk/item/${itemId}?page=${p}`} />
      </PortalLayout>,
    );
  });

  r.get('/search', async (c) => {
    const db = c.get('deps').db;
    const text = q(c, 'q').slice(0, 60);
    const f = filtersOf(c);
    const sort = q(c, 'sort') === 'date' ? 'date' : 'relevance';
    const units = await pub.publishingUnits(db, county(c));
    let result: Awaited<ReturnType<typeof import('../platform/search/index.js').search>> | null = null;
    let rows = new Map<number, PublicRow & { body_text: string }>();
    const search = await import('../platform/search/index.js');
    if (text) {
      result = await search.search(
        db.k,
        {
          q: text,
          jurisdictionPrefix: county(c),
          objectType: SEARCH_TYPE,
          unitId: f.unitId,
          year: f.year,
          subject: f.subject,
          genre: f.genre,
          attribute: f.attribute,
          sort,
          page: f.page,
          pageSize: 20,
        },
        { totalLimit: c.get('deps').config.searchTotalLimit },
      );
      rows = await pub.recordsByIds(
        db,
        county(c),
        result.hits.map((h) => h.objectId),
      );
    }
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
    return page(
      c,
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
      </PortalLayout>,
    );
  });

  r.get('/xxgk/:feed{all|fdzdgknr|zhidu}/atom.xml', async (c) => {
    const key = c.req.param('feed');
    return atom(c, key, FEEDS[key].title, FEEDS[key].filter, c.req.path);
  });
  r.get('/xxgk/fdzdgknr/:item/atom.xml', async (c) => {
    const key = c.req.param('item');
    const label = pub.columnItemLabel(key);
    if (!label) throw new NotFoundError('该栏目不存在。');
    return atom(
      c,
      `fdzdgknr/${encodeURIComponent(key)}`,
      label,
      { columnSlug: 'fdzdgknr', columnItem: key },
      c.req.path,
    );
  });

  // sitemap.xml: an index of fixed pages and of id ranges of 50,000 records each.
  r.get('/sitemap.xml', async (c) => {
    const origin = new URL(c.req.url).origin;
    const max = await pub.maxRecordId(c.get('deps').db, county(c));
    const files = [
      '/sitemaps/pages.xml',
      ...Array.from({ length: Math.ceil(max / SITEMAP_BUCKET) }, (_, i) => `/sitemaps/info-${i}.xml`),
    ];
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.map((f) => `<sitemap><loc>${xml(origin + f)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`,
      200,
      { 'content-type': 'application/xml; charset=utf-8' },
    );
  });
  r.get('/sitemaps/pages.xml', async (c) => {
    const origin = new URL(c.req.url).origin;
    const { DOMAINS } = await import('../catalog/vocabulary.js');
    const paths = [
      '/',
      '/xxgk/zhinan',
      '/xxgk/zhidu',
      '/xxgk/fdzdgknr',
      '/xxgk/ndbg',
      '/ysqgk',
      '/xxgk/xxml',
      '/xxgk/ml',
      '/xxgk/lingyu',
      ...pub.COLUMN_ITEMS.map((i) => `/xxgk/fdzdgknr/${encodeURIComponent(i.key)}`),
      ...DOMAINS.map((d) => `/xxgk/lingyu/${d.slug}`),
    ];
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `<url><loc>${xml(origin + p)}</loc></url>`).join('\n')}\n</urlset>\n`,
      200,
      { 'content-type': 'application/xml; charset=utf-8' },
    );
  });
  r.get('/sitemaps/:file{info-[0-9]+\\.xml}', async (c) => {
    const n = Number(/[0-9]+/.exec(c.req.param('file'))![0]);
    const origin = new URL(c.req.url).origin;
    const rows = await pub.sitemapRows(c.get('deps').db, county(c), n * SITEMAP_BUCKET, (n + 1) * SITEMAP_BUCKET);
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.map((r) => `<url><loc>${origin}/xxgk/info/${r.id}</loc><lastmod>${(r.published_at ?? '').slice(0, 10)}</lastmod></url>`).join('\n')}\n</urlset>\n`,
      200,
      { 'content-type': 'application/xml; charset=utf-8' },
    );
  });

  return r;
}
