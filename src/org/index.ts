import type { Module } from '../platform/module.js';
import { cli } from './cli.js';
import { migrations } from './migrations/index.js';
import { policies } from './policies.js';
import { orgRoutes } from './routes.js';
import { seedDemoOrg } from './seed.js';
import { resolveSite } from './site.js';

export const orgModule: Module = {
  name: 'org',
  label: '行政区、单位和政府信息公开工作机构',
  migrations,
  policies,
  adminRoutes: orgRoutes,
  nav: [{ href: '/admin/units', label: '单位管理', key: 'units', order: 60, action: 'unit.view' }],
  cli,
  resolveSite,
  seedDemo: ({ db, actor }) => seedDemoOrg(db, actor),
  auditLabels: {
    'unit.create': '新建单位',
    'unit.update': '修改单位',
    'unit.update_office': '修改公开工作机构信息',
    'jurisdiction.create': '新建行政区',
    'site.create': '新建门户',
    'system.init': '初始化县（区）',
    'system.seed_demo': '载入示范数据',
  },
  auditObjectTypes: { unit: '单位', jurisdiction: '行政区', site: '门户', system: '系统' },
};
