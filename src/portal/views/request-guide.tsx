/** 依申请公开 (/ysqgk): how to apply, the links to apply online and to follow a request, the units that receive requests. */
import type { Context } from 'hono';
import type { UnitRow } from '../../org/service.js';
import type { SiteInfo } from '../../platform/web/env.js';
import { REQUEST_COLUMN } from '../columns.js';
import { ObtainSection, OfficeTable } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function RequestGuidePage(props: { c: Context<AppEnv>; site: SiteInfo; units: UnitRow[] }) {
  const { c, site, units } = props;
  return (
    <PortalLayout c={c} title="依申请公开" current={REQUEST_COLUMN.slug} crumbs={[{ label: '依申请公开' }]}>
      <h1>依申请公开</h1>
      <ObtainSection siteName={site.name} />
      <p>
        想知道答复期限何时截止？请使用<a href="/qxjsq">期限计算器</a>，按工作日和法定节假日自动计算。
      </p>
      <p>
        <a class="button" href="/ysqgk/apply">
          在线提交申请
        </a>{' '}
        <a class="button secondary" href="/ysqgk/query">
          查询办理进度
        </a>
      </p>
      <p>也可以当面提交，或以信函、传真、电子邮件向下列受理机关的政府信息公开工作机构提出申请。</p>
      <h2>受理机关</h2>
      <OfficeTable units={units} />
    </PortalLayout>
  );
}
