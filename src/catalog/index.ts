import type { Module } from '../platform/module.js';
import { cli } from './cli.js';
import { migrations } from './migrations/index.js';
import { policies } from './policies.js';
import { catalogAdminRoutes, catalogPortalRoutes } from './routes/index.js';

export const catalogModule: Module = {
  name: 'catalog',
  label: '政务公开事项标准目录',
  migrations,
  policies,
  portalRoutes: catalogPortalRoutes,
  adminRoutes: catalogAdminRoutes,
  nav: [{ href: '/admin/catalogs', label: '目录编制', key: 'catalogs', order: 10, action: 'catalog.view' }],
  cli,
  auditLabels: {
    'catalog.adopt': '采用指引事项',
    'catalog.item_add': '新增目录事项',
    'catalog.item_update': '修改目录事项',
    'catalog.item_delete': '删除目录事项',
    'catalog.domain_note': '未涉及领域说明',
    'catalog.submit': '提交目录审核',
    'catalog.return': '退回目录',
    'catalog.approve': '审核通过目录',
    'catalog.city_approve': '市级审核通过目录',
    'catalog.publish': '发布目录',
    'catalog.duty': '修改责任清单',
    'catalog.import': '导入目录',
    'guideline.import': '导入标准指引',
    'service_items.import': '导入政务服务事项清单',
    'catalog.negative_add': '新增负面清单事项',
    'catalog.record_add': '新增梳理记录',
    'catalog.record_update': '修改梳理记录',
    'catalog.record_delete': '删除梳理记录',
    'catalog.negative_delete': '删除负面清单事项',
  },
};
