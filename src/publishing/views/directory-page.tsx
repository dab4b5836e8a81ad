/** 政府信息公开目录: every published record, with the filters 机构, 主题, 体裁, 年份, 公开属性. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { Pager } from '../../platform/ui/forms.js';
import type { directory, PublicFilter } from '../public.js';
import { DirectoryFilters, DirectoryTable, queryString } from './portal-components.js';

export type DirectoryPageProps = { c: Context<AppEnv>; f: PublicFilter } & Awaited<ReturnType<typeof directory>>;

export function DirectoryPage(props: DirectoryPageProps) {
  const { c, f, list, total, units } = props;
  const base = { unit: f.unitId, subject: f.subject, genre: f.genre, year: f.year, attribute: f.attribute };
  return (
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
    </PortalLayout>
  );
}
