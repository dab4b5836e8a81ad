import type { Module } from '../platform/module.js';
import { cli } from './cli.js';
import { migrations } from './migrations/index.js';
import { policies } from './policies.js';
import { calendarAdminRoutes } from './routes/admin.js';
import { calendarApiRoutes } from './routes/api.js';
import { calendarPortalRoutes } from './routes/portal.js';
import { calendarTodo } from './todo.js';

export const calendarModule: Module = {
  name: 'calendar',
  label: '工作日历与法定期限',
  migrations,
  policies,
  portalRoutes: calendarPortalRoutes,
  apiRoutes: calendarApiRoutes,
  adminRoutes: calendarAdminRoutes,
  nav: [{ href: '/admin/calendar', label: '工作日历', key: 'calendar', order: 80, action: 'calendar.view' }],
  cli,
  todo: calendarTodo,
  auditLabels: {
    'calendar.override_add': '调整工作日历',
    'calendar.override_remove': '删除工作日历调整',
    'calendar.import': '导入节假日安排',
    'calendar.rules': '修改期限计算规则',
    'clock.recompute': '重新计算期限',
  },
};
