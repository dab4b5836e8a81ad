/** Print view: the metadata block and the text only, on a plain page (the print stylesheet does the rest). */
import type { PublicDetail } from '../public.js';
import { DetailBody } from './portal-components.js';

export function PortalPrintPage(props: { d: PublicDetail; siteName: string | undefined }) {
  const { d } = props;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{d.record.title}（打印）</title>
        <link rel="stylesheet" href="/static/gongkai.css" />
      </head>
      <body class="print-view">
        <main id="main">
          <p class="muted">
            {props.siteName}政府信息公开平台　<a href={`/xxgk/info/${d.record.id}`}>返回信息页</a>
          </p>
          <DetailBody d={d} print />
        </main>
      </body>
    </html>
  );
}
