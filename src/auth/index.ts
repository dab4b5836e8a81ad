import { Hono } from 'hono';
import type { Module } from '../platform/module.js';
import type { AppEnv } from '../platform/web/env.js';
import { cli } from './cli.js';
import { seedDemoAccounts } from './demo.js';
import { migrations } from './migrations/index.js';
import { policies } from './policies.js';
import { authRoutes, tokenAdminRoutes } from './routes/index.js';
import { resolveSession } from './service.js';

export const authModule: Module = {
  name: 'auth',
  label: '账号、登录与接口令牌',
  migrations,
  policies,
  adminRoutes: () => new Hono<AppEnv>().route('/', tokenAdminRoutes()).route('/', authRoutes()),
  nav: [
    { href: '/admin/users', label: '账号管理', key: 'users', order: 70, action: 'user.view' },
    { href: '/admin/api-tokens', label: '接口令牌', key: 'tokens', order: 100, action: 'apiToken.manage' },
    { href: '/admin/password', label: '修改密码', key: 'password', order: 1000 },
  ],
  cli,
  resolveSession,
  seedDemo: ({ db }) => seedDemoAccounts(db),
  auditLabels: {
    'auth.login': '登录',
    'auth.login_failed': '登录失败',
    'auth.logout': '退出登录',
    'auth.locked': '账号锁定',
    'user.password_change': '修改密码',
    'user.password_reset': '重置密码',
    'user.create': '新建账号',
    'user.update': '修改账号',
    'user.disable': '停用账号',
    'user.enable': '启用账号',
    'api_token.create': '创建接口令牌',
    'api_token.revoke': '停用接口令牌',
  },
  auditObjectTypes: { user: '账号' },
};
