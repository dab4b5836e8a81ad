/** A sub-column of 法定主动公开内容 (条例第二十条 item or 第二十一条 content). */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { Pager } from '../../platform/ui/forms.js';
import type { listPublic } from '../public.js';
import { RecordList } from './portal-components.js';

export interface ColumnPageProps {
  c: Context<AppEnv>;
  /** The sub-column's key and label. */
  columnKey: string;
  label: string;
  list: Awaited<ReturnType<typeof listPublic>>;
}

export function ColumnPage(props: ColumnPageProps) {
  const { c, label, list } = props;
  const key = props.columnKey;
  return (
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
    </PortalLayout>
  );
}
