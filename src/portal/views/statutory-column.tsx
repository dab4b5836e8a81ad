/** 法定主动公开内容 (/xxgk/fdzdgknr): the items of 条例第二十条、第二十一条, each with its newest records. */
import type { Context } from 'hono';
import type { PublicRow } from '../../publishing/public.js';
import { RecordList } from '../../publishing/views/portal-components.js';
import {
  ARTICLE_20_ITEMS,
  ARTICLE_21_COUNTY,
  ARTICLE_21_TOWNSHIP,
  CHINESE_NUMERALS,
} from '../../catalog/vocabulary.js';
import { COLUMN_INTRO } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

/** An item's newest records, with a link to all of them. */
function ItemRecords(props: { k: string; byItem: Map<string, PublicRow[]> }) {
  const rows = props.byItem.get(props.k) ?? [];
  return (
    <>
      <RecordList rows={rows} />
      {rows.length ? (
        <p class="more">
          <a href={`/xxgk/fdzdgknr/${encodeURIComponent(props.k)}`}>更多</a>
        </p>
      ) : null}
    </>
  );
}

export function StatutoryColumnPage(props: { c: Context<AppEnv>; byItem: Map<string, PublicRow[]> }) {
  const { c, byItem } = props;
  return (
    <PortalLayout c={c} title="法定主动公开内容" current="fdzdgknr" crumbs={[{ label: '法定主动公开内容' }]}>
      <h1>法定主动公开内容</h1>
      <p>{COLUMN_INTRO.fdzdgknr}</p>
      <p>
        <a href="/xxgk/xxml">政府信息公开目录（按发布机构、主题分类、体裁、年份筛选）</a>　
        <a href="/search">全文检索</a>　<a href="/xxgk/fdzdgknr/atom.xml">订阅本栏目（Atom）</a>
      </p>
      <h2>《中华人民共和国政府信息公开条例》第二十条</h2>
      <ol class="article-items">
        {ARTICLE_20_ITEMS.map((t, i) => (
          <li id={`item-${i + 1}`}>
            <h3>
              <a href={`/xxgk/fdzdgknr/a20-${i + 1}`}>
                （{CHINESE_NUMERALS[i]}）{t.replace(/；$/, '')}
              </a>
            </h3>
            <ItemRecords k={`a20-${i + 1}`} byItem={byItem} />
          </li>
        ))}
      </ol>
      <h2>第二十一条：县级人民政府及其部门</h2>
      <p>{ARTICLE_21_COUNTY.join('、')}等方面的政府信息。</p>
      <ul class="article21">
        {ARTICLE_21_COUNTY.map((t) => (
          <li>
            <h3>
              <a href={`/xxgk/fdzdgknr/${encodeURIComponent(`a21-${t}`)}`}>{t}</a>
            </h3>
            <ItemRecords k={`a21-${t}`} byItem={byItem} />
          </li>
        ))}
      </ul>
      <h2>第二十一条：乡（镇）人民政府</h2>
      <p>{ARTICLE_21_TOWNSHIP.join('、')}等方面的政府信息。</p>
      <ul class="article21">
        {ARTICLE_21_TOWNSHIP.filter((t) => !(ARTICLE_21_COUNTY as readonly string[]).includes(t)).map((t) => (
          <li>
            <h3>
              <a href={`/xxgk/fdzdgknr/${encodeURIComponent(`a21-${t}`)}`}>{t}</a>
            </h3>
            <ItemRecords k={`a21-${t}`} byItem={byItem} />
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}
