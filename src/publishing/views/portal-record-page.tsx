/** The portal page of a record: the metadata block and the text, or the notice of its withdrawal. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { columnItemLabel, type PublicDetail } from '../public.js';
import { dateCn, DetailBody } from './portal-components.js';

export function PortalRecordPage(props: { c: Context<AppEnv>; d: PublicDetail }) {
  const { c, d } = props;
  const rec = d.record;
  const crumbs = [
    rec.column_slug === 'zhidu'
      ? { href: '/xxgk/zhidu', label: '政府信息公开制度' }
      : { href: '/xxgk/fdzdgknr', label: '法定主动公开内容' },
    ...(rec.column_item && columnItemLabel(rec.column_item)
      ? [
          {
            href: `/xxgk/fdzdgknr/${encodeURIComponent(rec.column_item)}`,
            label: columnItemLabel(rec.column_item)!.slice(0, 24),
          },
        ]
      : []),
    { label: rec.title.length > 30 ? `${rec.title.slice(0, 30)}…` : rec.title },
  ];
  if (d.withdrawn) {
    return (
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
      </PortalLayout>
    );
  }
  return (
    <PortalLayout c={c} title={rec.title} crumbs={crumbs}>
      <DetailBody d={d} />
      <p class="actions">
        <a href={`/xxgk/info/${rec.id}/print`}>打印本页</a>　<a href="/xxgk/xxml">返回政府信息公开目录</a>
      </p>
    </PortalLayout>
  );
}
