import type { Module } from '../platform/module.js';
import { REQUEST_COLUMN, STANDARD_COLUMNS } from './columns.js';
import { portalRoutes } from './routes/index.js';

export const portalModule: Module = {
  name: 'portal',
  label: '门户',
  portalRoutes,
  portalNav: [
    { href: '/', label: '首页', key: 'home', order: 0 },
    ...STANDARD_COLUMNS.map((col, i) => ({ href: `/xxgk/${col.slug}`, label: col.name, key: col.slug, order: 10 + i })),
    { href: `/${REQUEST_COLUMN.slug}`, label: REQUEST_COLUMN.name, key: REQUEST_COLUMN.slug, order: 50 },
    { href: '/xxgk/lingyu', label: '重点领域信息公开', key: 'lingyu', order: 60 },
  ],
};
