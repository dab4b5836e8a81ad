/** The report as a standalone HTML document (the HTML export). */
import type { ReportData } from '../annual.js';
import { reportTitle } from '../model.js';
import { ReportView } from './components.js';

export function StandaloneReport(props: { r: ReportData }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{reportTitle(props.r)}</title>
        <link rel="stylesheet" href="/static/gongkai.css" />
      </head>
      <body>
        <main class="wrap main">
          <ReportView r={props.r} />
        </main>
      </body>
    </html>
  );
}
