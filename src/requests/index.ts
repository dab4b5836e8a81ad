import type { Module } from '../platform/module.js';
import { requestApiRoutes } from './routes/json-api.js';
import { migrations } from './migrations/index.js';
import { policies } from './policies.js';
import { requestAdminRoutes } from './routes/admin.js';
import { requestPortalRoutes } from './routes/portal.js';

export const requestsModule: Module = {
  name: 'requests',
  label: '依申请公开',
  migrations,
  policies,
  portalRoutes: requestPortalRoutes,
  apiRoutes: requestApiRoutes,
  adminRoutes: requestAdminRoutes,
  nav: [{ href: '/admin/requests', label: '依申请公开', key: 'requests', order: 40, action: 'request.view' }],
  auditLabels: {
    'request.submit': '网上提交政府信息公开申请',
    'request.register': '登记政府信息公开申请',
    'request.confirm': '确认收到申请',
    'request.correction': '补正告知',
    'request.corrected': '收到补正',
    'request.consult': '征求意见',
    'request.consulted': '登记征求意见结果',
    'request.intake_clear': '认定申请内容明确（无需补正）',
    'request.extend': '延长答复期限',
    'request.reply': '答复申请',
    'request.propose': '提出拟办意见',
    'request.review': '审核拟办意见',
    'request.deliver': '送达',
    'request.archive': '归档',
    'request.document': '出具文书',
    'request.fee': '收费通知',
    'request.fee_paid': '缴纳信息处理费',
    'request.transfer': '转办申请',
    'request.appeal': '登记行政复议或诉讼',
    'request.appeal_result': '登记复议或诉讼结果',
  },
  auditObjectTypes: { info_request: '政府信息公开申请' },
};
