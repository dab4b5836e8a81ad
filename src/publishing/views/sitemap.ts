/** The sitemap of the portal: an index of the fixed pages and of id ranges of records; the XML text. */
import { DOMAINS } from '../../catalog/vocabulary.js';
import { COLUMN_ITEMS } from '../public.js';
import { xml } from './feed.js';

/** Records per sitemap file: file n lists the ids [n × SITEMAP_BUCKET, (n + 1) × SITEMAP_BUCKET). */
export const SITEMAP_BUCKET = 50_000;

/** sitemap.xml: the fixed pages' file and one file per id range up to the highest id. */
export function sitemapIndex(origin: string, maxId: number): string {
  const files = [
    '/sitemaps/pages.xml',
    ...Array.from({ length: Math.ceil(maxId / SITEMAP_BUCKET) }, (_, i) => `/sitemaps/info-${i}.xml`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.map((f) => `<sitemap><loc>${xml(origin + f)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`;
}

/** The fixed pages: the columns, the sub-columns of 法定主动公开内容 and the domain pages. */
export function pagesSitemap(origin: string): string {
  const paths = [
    '/',
    '/xxgk/zhinan',
    '/xxgk/zhidu',
    '/xxgk/fdzdgknr',
    '/xxgk/ndbg',
    '/ysqgk',
    '/xxgk/xxml',
    '/xxgk/ml',
    '/xxgk/lingyu',
    ...COLUMN_ITEMS.map((i) => `/xxgk/fdzdgknr/${encodeURIComponent(i.key)}`),
    ...DOMAINS.map((d) => `/xxgk/lingyu/${d.slug}`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `<url><loc>${xml(origin + p)}</loc></url>`).join('\n')}\n</urlset>\n`;
}

/** The records of one id range. */
export function recordsSitemap(origin: string, rows: { id: number; published_at: string | null }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.map((r) => `<url><loc>${origin}/xxgk/info/${r.id}</loc><lastmod>${(r.published_at ?? '').slice(0, 10)}</lastmod></url>`).join('\n')}\n</urlset>\n`;
}
