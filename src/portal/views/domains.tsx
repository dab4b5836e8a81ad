/** 重点领域信息公开 (/xxgk/lingyu): the 26 pilot domains. */
import type { Context } from 'hono';
import { DomainGrid } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function DomainsPage(props: { c: Context<AppEnv> }) {
  const { c } = props;
  return (
    <PortalLayout c={c} title="重点领域信息公开" current="lingyu" crumbs={[{ label: '重点领域信息公开' }]}>
      <h1>重点领域信息公开</h1>
      <p>
        按照基层政务公开标准化规范化要求，26 个试点领域的政务公开事项按各领域标准目录公开。各单位已发布的目录见
        <a href="/xxgk/ml">政务公开事项标准目录</a>。
      </p>
      <DomainGrid />
    </PortalLayout>
  );
}
