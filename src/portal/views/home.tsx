/** 首页: 通知公告 and search, the four standard columns with their newest entries, 依申请公开 and the 26 domains. */
import type { Context } from 'hono';
import { RecordList } from '../../publishing/views/portal-components.js';
import { REQUEST_COLUMN, STANDARD_COLUMNS } from '../columns.js';
import type { homePage } from '../service.js';
import { COLUMN_INTRO, DomainGrid, Empty } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function HomePage(
  props: { c: Context<AppEnv>; site: AppEnv['Variables']['site'] } & Awaited<ReturnType<typeof homePage>>,
) {
  const { c, site, notices, columnRows, reports } = props;
  return (
    <PortalLayout c={c} title="首页" current="home">
      <h1 class="visually-hidden">{site?.name ?? ''}政府信息公开</h1>
      {!site ? (
        <p class="notice">
          本平台尚未初始化：请管理员运行 <code>gongkai init --county &lt;区划代码&gt;</code>。
        </p>
      ) : null}
      <section class="home-top" aria-labelledby="notices-h">
        <h2 id="notices-h">通知公告</h2>
        <RecordList rows={notices} empty="暂无通知公告。" />
        <form class="home-search" method="get" action="/search" role="search">
          <label for="home-q">检索政府信息</label>
          <input id="home-q" name="q" type="search" maxlength={60} placeholder="如：低保、征地补偿" />
          <button class="button" type="submit">
            检索
          </button>
        </form>
      </section>
      <section class="columns-grid" aria-label="政府信息公开栏目">
        {STANDARD_COLUMNS.map((col) => (
          <section class="column-card">
            <h2>
              <a href={`/xxgk/${col.slug}`}>{col.name}</a>
            </h2>
            <p>{COLUMN_INTRO[col.slug]}</p>
            {col.slug in columnRows ? <RecordList rows={columnRows[col.slug]} /> : null}
            {col.slug === 'ndbg' ? (
              reports.length ? (
                <ul class="record-list">
                  {reports.slice(0, 5).map((x) => (
                    <li>
                      <a href={`/xxgk/ndbg/${x.id}`}>
                        {x.unit_name}
                        {x.year}年政府信息公开工作年度报告
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty />
              )
            ) : null}
          </section>
        ))}
        <section class="column-card">
          <h2>
            <a href={`/${REQUEST_COLUMN.slug}`}>{REQUEST_COLUMN.name}</a>
          </h2>
          <p>公民、法人或者其他组织可以向行政机关申请获取相关政府信息。这里说明申请方式、申请内容和答复期限。</p>
        </section>
      </section>
      <section aria-labelledby="domains-h">
        <h2 id="domains-h">重点领域信息公开（基层政务公开标准化规范化 26 个试点领域）</h2>
        <DomainGrid />
      </section>
    </PortalLayout>
  );
}
