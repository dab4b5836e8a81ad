import type { Module } from '../platform/module.js';
import { policies } from './policies.js';
import { workbenchRoutes } from './routes.js';

export const workbenchModule: Module = {
  name: 'workbench',
  label: '工作台与审计日志',
  policies,
  adminRoutes: workbenchRoutes,
  nav: [
    { href: '/admin', label: '工作台', key: 'dashboard', order: 0 },
    { href: '/admin/audit', label: '审计日志', key: 'audit', order: 90, action: 'audit.view' },
  ],
};
