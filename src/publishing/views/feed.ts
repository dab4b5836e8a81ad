/** The Atom feeds of the portal (最新信息, the columns, a sub-column): the XML text. */
import type { PublicRow } from '../public.js';

/** Text for XML content and attributes (control characters XML does not allow are dropped). */
export const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export interface AtomFeed {
  siteName: string | undefined;
  /** The feed's column (the alternate link is /xxgk/<key>, or the directory for 'all'). */
  key: string;
  title: string;
  origin: string;
  selfPath: string;
  rows: PublicRow[];
}

export function atomFeed(props: AtomFeed): string {
  const { key, title, origin, selfPath, rows } = props;
  const updated = rows[0]?.published_at ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xml(`${props.siteName ?? ''}政府信息公开：${title}`)}</title>
<id>${xml(`${origin}${selfPath}`)}</id>
<link rel="self" href="${xml(`${origin}${selfPath}`)}"/>
<link rel="alternate" href="${xml(`${origin}/xxgk/${key === 'all' ? 'xxml' : key}`)}"/>
<updated>${updated}</updated>
${rows
  .map(
    (r) => `<entry>
<title>${xml(r.title)}</title>
<id>${xml(`${origin}/xxgk/info/${r.id}`)}</id>
<link href="${xml(`${origin}/xxgk/info/${r.id}`)}"/>
<updated>${r.published_at}</updated>
<published>${r.published_at}</published>
<author><name>${xml(r.publisher)}</name></author>
<summary>${xml(r.summary || r.title)}</summary>
<category term="${xml(r.subject)}"/>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}
