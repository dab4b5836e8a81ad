/** 政府信息公开工作年度报告 (/xxgk/ndbg): the published annual reports. */
import type { Context } from 'hono';
import { formatTime } from '../../platform/ui/forms.js';
import type { reportsColumn } from '../service.js';
import { COLUMN_INTRO, Empty } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function ReportsColumnPage(props: { c: Context<AppEnv>; reports: Awaited<ReturnType<typeof reportsColumn>> }) {
  const { c, reports } = props;
  return (
    <PortalLayout
      c={c}
      title="政府信息公开工作年度报告"
      current="ndbg"
      crumbs={[{ label: '政府信息公开工作年度报告' }]}
    >
      <h1>政府信息公开工作年度报告</h1>
      <p>{COLUMN_INTRO.ndbg}</p>
      <p>
        依照《中华人民共和国政府信息公开条例》第四十九条，县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布；县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。
      </p>
      {reports.length ? (
        <ul>
          {reports.map((x) => (
            <li>
              <a href={`/xxgk/ndbg/${x.id}`}>
                {x.unit_name}
                {x.year}年政府信息公开工作年度报告
              </a>
              （{formatTime(x.published_at)}）
            </li>
          ))}
        </ul>
      ) : (
        <Empty />
      )}
    </PortalLayout>
  );
}
