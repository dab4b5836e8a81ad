/** Signing in and out, and a person's own password (/admin/login, /admin/logout, /admin/password). */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import { SESSION_COOKIE } from '../../platform/web/constants.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { flashOf, requireActor, safeNext } from '../../platform/web/guards.js';
import * as auth from '../service.js';
import { LoginPage } from '../views/login.js';
import { PasswordPage } from '../views/password.js';

type C = Context<AppEnv>;

const loginPage = (c: C, opts: { errors?: Errors; message?: string; values?: Values }, status = 200) =>
  page(c, <LoginPage c={c} next={safeNext(c.req.query('next'))} {...opts} />, status);

const passwordPage = (c: C, errors?: Errors, status = 200) =>
  page(
    c,
    <PasswordPage c={c} forced={c.get('session')?.mustChangePassword} errors={errors} flash={flashOf(c)} />,
    status,
  );

export function loginRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/login', (c) => (c.get('session') ? c.redirect('/admin', 303) : loginPage(c, {})));

  r.post(
    '/login',
    formRoute({
      submit: async (c, body) => {
        let result: auth.LoginResult;
        try {
          result = await auth.login(c.get('deps').db, body, {
            ip: c.get('ip'),
            userAgent: c.req.header('user-agent') ?? null,
          });
        } catch (err) {
          if (err instanceof auth.LoginError)
            return loginPage(
              c,
              { message: err.message, values: { username: body.username } },
              err.message === auth.LOGIN_THROTTLED ? 429 : 401,
            );
          throw err;
        }
        setCookie(c, SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
          secure: c.get('secure'),
          expires: new Date(result.expiresAt),
        });
        return c.redirect(result.mustChangePassword ? '/admin/password' : safeNext(c.req.query('next')), 303);
      },
      invalid: (c, body, errors) => loginPage(c, { errors, values: { username: body.username } }, 422),
    }),
  );

  r.post('/logout', async (c) => {
    const s = c.get('session');
    if (s) await auth.logout(c.get('deps').db, s);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/admin/login', 303);
  });

  r.get('/password', (c) => passwordPage(c));
  r.post(
    '/password',
    formRoute({
      submit: async (c, body) => {
        requireActor(c);
        await auth.changeOwnPassword(c.get('deps').db, c.get('session')!, body);
        return c.redirect('/admin/password?done=password', 303);
      },
      invalid: (c, _body, errors) => passwordPage(c, errors, 422),
    }),
  );

  return r;
}
