/** The records published under one catalog item. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { Pager } from '../../platform/ui/forms.js';
import type { itemRecords } from '../public.js';
import { RecordList } from './portal-components.js';

export type ItemPageProps = { c: Context<AppEnv>; itemId: number } & Awaited<ReturnType<typeof itemRecords>>;

export function ItemPage(props: ItemPageProps) {
  const { c, itemId, list, label } = props;
  return (
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
    </PortalLayout>
  );
}
