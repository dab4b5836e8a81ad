import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { UnauthenticatedError } from '../errors.js';
import type { UserActor } from '../access.js';

/** The signed-in staff member, or a redirect to the login page. */
export function requireActor(c: Context<AppEnv>): UserActor {
  const s = c.get('session');
  if (!s) throw new UnauthenticatedError();
  return s.actor;
}

/** Form fields as strings (files are not accepted by these forms). */
export async function formBody(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

const OPEN_ADMIN_PATHS = new Set(['/admin/login']);

/** Back office: signed-in staff only; a user with a temporary password must change it first. */
export const adminGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (OPEN_ADMIN_PATHS.has(c.req.path)) return next();
  const s = c.get('session');
  if (!s) {
    if (c.req.method === 'GET') return c.redirect(`/admin/login?next=${encodeURIComponent(c.req.path)}`, 303);
    return c.redirect('/admin/login', 303);
  }
  if (s.mustChangePassword && c.req.path !== '/admin/password' && c.req.path !== '/admin/logout') {
    return c.redirect('/admin/password', 303);
  }
  c.header('cache-control', 'no-store');
  return next();
};

/** Accept only local paths as a redirect target after login. */
export function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/|$)/.test(next) && !next.startsWith('//') ? next : '/admin';
}

/** A one-time message carried across a redirect in the query string (fixed keys only). */
export const FLASH: Record<string, string> = {
  saved: '已保存。',
  created: '已创建。',
  password: '密码已修改。',
  disabled: '账号已停用，该账号的登录会话已全部结束。',
  enabled: '账号已启用。',
  reset: '密码已重置，该用户下次登录时须修改密码。',
};
export const flashOf = (c: Context<AppEnv>): string | undefined => FLASH[c.req.query('done') ?? ''];
