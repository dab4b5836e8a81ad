import type { Module } from '../platform/module.js';
import { cli } from './cli.js';
import { seedDemoPublishing } from './demo.js';
import { scheduledPublication } from './jobs.js';
import { migrations } from './migrations/index.js';
import { policies } from './policies.js';
import { infoPortalRoutes } from './routes/portal.js';
import { recordAdminRoutes } from './routes/admin.js';
import { indexRecord } from './search.js';
import { publishingTodo } from './todo.js';

export const publishingModule: Module = {
  name: 'publishing',
  label: '信息发布',
  migrations,
  policies,
  portalRoutes: infoPortalRoutes,
  adminRoutes: recordAdminRoutes,
  nav: [
    { href: '/admin/records', label: '信息发布', key: 'records', order: 20, action: 'record.view' },
    { href: '/admin/records/deadlines', label: '公开时限', key: 'deadlines', order: 30, action: 'record.view' },
  ],
  jobs: [scheduledPublication],
  cli,
  todo: publishingTodo,
  seedDemo: ({ db }) => seedDemoPublishing(db),
  // The search index follows publication and withdrawal in the same transaction (never lags behind).
  events: {
    'record.published': { mode: 'inline', handle: (k, e) => indexRecord(k, Number(e.subjectId)) },
    'record.withdrawn': { mode: 'inline', handle: (k, e) => indexRecord(k, Number(e.subjectId)) },
  },
  auditLabels: {
    'record.create': '起草政府信息',
    'record.update': '修改政府信息草稿',
    'record.submit': '提交信息审查',
    'record.return': '退回信息',
    'record.approve': '信息审查通过',
    'record.schedule': '定时发布信息',
    'record.publish': '发布政府信息',
    'record.change': '起草已发布信息的变更',
    'record.change_publish': '发布信息变更',
    'record.withdraw': '撤回政府信息',
    'record.validity': '修改信息有效性',
    'record.channel': '登记其他公开渠道',
    'record.attach': '添加附件',
    'record.detach': '删除附件',
    'record.delete': '删除信息草稿',
    'record.assess': '不予公开信息定期评估',
    'record.settings': '修改信息发布设置',
    'record.view': '查看政府信息',
  },
  auditObjectTypes: { info_record: '政府信息' },
};
