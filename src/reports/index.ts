import type { Module } from '../platform/module.js';
import { cli } from './cli.js';
import { migrations } from './migrations/index.js';
import { policies } from './policies.js';
import { reportAdminRoutes, reportPortalRoutes } from './routes.js';
import { reportsTodo } from './todo.js';

export const reportsModule: Module = {
  name: 'reports',
  label: '政府信息公开工作年度报告',
  migrations,
  policies,
  portalRoutes: reportPortalRoutes,
  adminRoutes: reportAdminRoutes,
  nav: [{ href: '/admin/reports', label: '年度报告', key: 'reports', order: 50, action: 'catalog.view' }],
  cli,
  todo: reportsTodo,
  auditLabels: {
    'report.save': '编辑年度报告',
    'report.publish': '发布年度报告',
  },
};
