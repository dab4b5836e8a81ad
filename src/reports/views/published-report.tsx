/** A published annual report on the portal (/xxgk/ndbg/:id). */
import type { Context } from 'hono';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { ReportData } from '../annual.js';
import { reportTitle } from '../model.js';
import { ReportView } from './components.js';

export function PublishedReportPage(props: { c: Context<AppEnv>; report: ReportData }) {
  const { c, report: rep } = props;
  return (
    <PortalLayout
      c={c}
      title={reportTitle(rep)}
      current="ndbg"
      crumbs={[{ href: '/xxgk/ndbg', label: '政府信息公开工作年度报告' }, { label: `${rep.unitName}${rep.year}年` }]}
    >
      <ReportView r={rep} />
    </PortalLayout>
  );
}
