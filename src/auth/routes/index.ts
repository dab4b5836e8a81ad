/** The auth module's back-office routes: signing in and own password, accounts, API tokens. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { loginRoutes } from './login.js';
import { userRoutes } from './users.js';

export { tokenAdminRoutes } from './tokens.js';

/** Sign-in, sign-out, own password and account management. */
export function authRoutes() {
  return new Hono<AppEnv>().route('/', loginRoutes()).route('/', userRoutes());
}
