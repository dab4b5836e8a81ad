/** 政府信息公开制度 (/xxgk/zhidu): the laws and rules, and the county's own, a page at a time. */
import type { Context } from 'hono';
import { Pager } from '../../platform/ui/forms.js';
import { RecordList } from '../../publishing/views/portal-components.js';
import type { rulesColumn } from '../service.js';
import { COLUMN_INTRO } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function RulesColumnPage(props: { c: Context<AppEnv>; list: Awaited<ReturnType<typeof rulesColumn>> }) {
  const { c, list } = props;
  return (
    <PortalLayout c={c} title="政府信息公开制度" current="zhidu" crumbs={[{ label: '政府信息公开制度' }]}>
      <h1>政府信息公开制度</h1>
      <p>{COLUMN_INTRO.zhidu}</p>
      <h2>法律法规和上级规定</h2>
      <ul>
        <li>《中华人民共和国政府信息公开条例》（2019年4月3日中华人民共和国国务院令第711号修订）</li>
        <li>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）</li>
        <li>《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）</li>
        <li>《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）</li>
      </ul>
      <h2>本县工作制度</h2>
      <RecordList rows={list.rows} />
      <Pager page={list.page} hasNext={list.hasNext} href={(p) => `/xxgk/zhidu?page=${p}`} />
      <p class="muted">
        <a href="/xxgk/zhidu/atom.xml">订阅本栏目（Atom）</a>
      </p>
    </PortalLayout>
  );
}
