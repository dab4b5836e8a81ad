/** A pilot domain's page (/xxgk/lingyu/:slug): the units' catalog items of the domain and the records published for them. */
import type { Context } from 'hono';
import { ItemsTable } from '../../catalog/views/components.js';
import type { PublicRow } from '../../publishing/public.js';
import { RecordList } from '../../publishing/views/portal-components.js';
import type { domainPage } from '../service.js';
import { Empty } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function DomainPage(
  props: { c: Context<AppEnv>; domain: { slug: string; name: string } } & Awaited<ReturnType<typeof domainPage>>,
) {
  const { c, domain: d, published, records } = props;
  return (
    <PortalLayout
      c={c}
      title={d.name}
      current="lingyu"
      crumbs={[{ href: '/xxgk/lingyu', label: '重点领域信息公开' }, { label: d.name }]}
    >
      <h1>{d.name}</h1>
      <h2>政务公开事项标准目录</h2>
      {published.length ? (
        published.map((p) => (
          <ItemsTable
            items={p.items}
            caption={p.unitName}
            extraHeader="公开信息"
            extra={(i) => {
              const e = records.get(i.id);
              return e ? (
                <>
                  <RecordList rows={e.rows} />
                  {e.total > e.rows.length ? <a href={`/xxgk/item/${i.id}`}>更多（共 {e.total} 条）</a> : null}
                </>
              ) : (
                <span class="muted">暂无</span>
              );
            }}
          />
        ))
      ) : (
        <p class="empty">本领域标准目录尚未发布。</p>
      )}
      {published.length ? (
        <p>
          <a href="/xxgk/ml">查看各单位完整目录和版本历史</a>
        </p>
      ) : null}
      <h2>公开信息</h2>
      {published.some((p) => p.items.some((i) => records.has(i.id))) ? (
        <ul class="record-list">
          {published
            .flatMap((p) =>
              p.items.flatMap((i) => (records.get(i.id)?.rows ?? []).map((r: PublicRow) => ({ r, item: i.level1 }))),
            )
            .sort((a, b) => (b.r.published_at ?? '').localeCompare(a.r.published_at ?? ''))
            .slice(0, 20)
            .map(({ r, item }) => (
              <li>
                <a href={`/xxgk/info/${r.id}`}>{r.title}</a>{' '}
                <span class="muted">
                  {item}　{r.publisher}　{r.published_on}
                </span>
              </li>
            ))}
        </ul>
      ) : (
        <Empty />
      )}
    </PortalLayout>
  );
}
