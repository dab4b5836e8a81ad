import fs from 'node:fs';
import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppDeps, AppEnv, Installation } from './env.js';
import { resolveSite } from './site.js';
import { AppError, UnauthenticatedError, ValidationError } from '../errors.js';
import { ErrorPage, page } from '../ui/layout.js';
import type { Module } from '../module.js';

import { SESSION_COOKIE, CSRF_COOKIE, ELDER_COOKIE } from './constants.js';
import { adminGuard } from './guards.js';
import { PageCache, isCacheablePath, cachedFetch } from './page-cache.js';

const CSS = fs.readFileSync(new URL('../ui/static/gongkai.css', import.meta.url), 'utf8');
const CSS_ETAG = `"${crypto.createHash('sha1').update(CSS).digest('hex').slice(0, 16)}"`;
const UPLOAD_JS = fs.readFileSync(new URL('../ui/static/upload.js', import.meta.url), 'utf8');
const UPLOAD_ETAG = `"${crypto.createHash('sha1').update(UPLOAD_JS).digest('hex').slice(0, 16)}"`;

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    if (xff) return xff.split(',')[0].trim();
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

const safeEqual = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The installation's view of its modules: navigation and labels in one place. */
export function installationOf(modules: readonly Module[]): Installation {
  return {
    modules,
    nav: modules.flatMap((m) => m.nav ?? []).sort((a, b) => a.order - b.order),
    portalNav: modules.flatMap((m) => m.portalNav ?? []).sort((a, b) => a.order - b.order),
    auditLabels: Object.assign({}, ...modules.map((m) => m.auditLabels ?? {})),
    auditObjectTypes: Object.assign({}, ...modules.map((m) => m.auditObjectTypes ?? {})),
  };
}

/** The web app of an installation: the shell (headers, CSRF, sessions, errors) and every module's routes. */
export function createApp(base: Omit<AppDeps, 'installation'>, modules: readonly Module[]): Hono<AppEnv> {
  const deps: AppDeps = { ...base, installation: installationOf(modules) };
  const sessionOwner = modules.find((m) => m.resolveSession);
  const resolveSession = sessionOwner?.resolveSession?.bind(sessionOwner) ?? (async () => undefined);
  const siteOwner = modules.find((m) => m.resolveSite);
  const siteResolver = siteOwner?.resolveSite?.bind(siteOwner) ?? (async () => null);
  const app = new Hono<AppEnv>();
  const pages = deps.pageCache ?? new PageCache(deps.db);
  if (deps.config.pageCache) {
    // Public pages come from memory when cached (see page-cache.ts); app.request goes through it too.
    const inner = app.fetch.bind(app);
    app.fetch = cachedFetch(inner, pages) as typeof app.fetch;
  }

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get('/static/gongkai.css', (c) => {
    if (c.req.header('if-none-match') === CSS_ETAG) return c.body(null, 304);
    return c.body(CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      etag: CSS_ETAG,
      'cache-control': 'public, max-age=3600',
    });
  });

  app.get('/static/upload.js', (c) => {
    if (c.req.header('if-none-match') === UPLOAD_ETAG) return c.body(null, 304);
    return c.body(UPLOAD_JS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      etag: UPLOAD_ETAG,
      'cache-control': 'public, max-age=3600',
    });
  });

  // No request body larger than 20 MB is read at all (uploads have their own, smaller limits).
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.req.path.startsWith('/api/')
          ? c.json({ error: '请求内容超过 20 MB，未处理。' }, 413)
          : c.html(
              '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>提交的内容过大</title></head><body><main><h1>提交的内容过大</h1><p>提交的内容超过 20 MB，未做任何处理。请缩小附件后重试。</p><p><a href="/">返回首页</a></p></main></body></html>',
              413,
            ),
    }),
  );

  // Request context: dependencies, site, client address, preferences, CSRF token, session.
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('deps', deps);
    const ip = clientIp(c, deps.config.trustProxy);
    c.set('ip', ip);
    const secure =
      deps.config.secureCookies ||
      new URL(c.req.url).protocol === 'https:' ||
      (deps.config.trustProxy && c.req.header('x-forwarded-proto') === 'https');
    c.set('secure', secure);
    c.set('elder', getCookie(c, ELDER_COOKIE) === '1');
    c.set('site', await resolveSite(deps.db, c.req.header('host'), siteResolver));

    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{32,64}$/.test(csrf)) {
      csrf = crypto.randomBytes(24).toString('base64url');
      // Public pages carry no forms (their search forms use GET), so they need no token and stay
      // identical for every visitor (see page-cache.ts); every other page sets it.
      if (!((c.req.method === 'GET' || c.req.method === 'HEAD') && isCacheablePath(c.req.path)))
        setCookie(c, CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
    }
    c.set('csrf', csrf);

    // CSRF: every state-changing request carries the token of its own cookie (double submit) and,
    // when the browser says where it comes from, comes from this site.
    // API calls authenticated with a bearer token carry no cookies, so CSRF does not apply to them.
    const bearerApi = c.req.path.startsWith('/api/') && /^Bearer\s/i.test(c.req.header('authorization') ?? '');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !bearerApi) {
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      let originOk = true;
      if (origin) {
        try {
          originOk = origin !== 'null' && new URL(origin).host === host;
        } catch {
          originOk = false;
        }
      }
      let sent = c.req.header('x-csrf-token') ?? '';
      const type = c.req.header('content-type') ?? '';
      if (!sent && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
        const body = await c.req.parseBody();
        sent = typeof body._csrf === 'string' ? body._csrf : '';
      }
      if (!originOk || !getCookie(c, CSRF_COOKIE) || !safeEqual(sent, csrf)) {
        return page(
          c,
          <ErrorPage
            c={c}
            status={403}
            title="请求无效"
            message="页面已过期或请求来源无效，请返回上一页刷新后重新提交。"
          />,
          403,
        );
      }
    }

    c.set('session', await resolveSession(deps.db, getCookie(c, SESSION_COOKIE), ip));
    await next();
    // A state change in the back office or through the API may change what the portal shows.
    if (
      deps.config.pageCache &&
      !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) &&
      c.res.status < 400 &&
      (c.req.path.startsWith('/admin') || c.req.path.startsWith('/api/'))
    )
      await pages.invalidate();
    deps.logger.debug(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  app.get('/prefs/elder', (c) => {
    const on = c.req.query('on') === '1';
    const back = c.req.query('back') ?? '/';
    setCookie(c, ELDER_COOKIE, on ? '1' : '0', {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: 365 * 86400,
      secure: c.get('secure'),
    });
    // Only same-site relative paths are accepted as a return address.
    return c.redirect(/^\/(?![/\\])/.test(back) ? back : '/', 303);
  });

  app.get('/healthz', async (c) => c.json({ ok: true }));

  app.use('/admin', adminGuard);
  app.use('/admin/*', adminGuard);
  for (const m of modules) {
    if (m.portalRoutes) app.route('/', m.portalRoutes());
    if (m.apiRoutes) app.route('/api/v1', m.apiRoutes());
    if (m.adminRoutes) app.route('/admin', m.adminRoutes());
  }

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: '接口不存在' }, 404)
      : page(
          c,
          <ErrorPage
            c={c}
            status={404}
            title="页面不存在"
            message="您访问的页面不存在或已被移除，请检查网址，或从首页重新进入。"
          />,
          404,
        ),
  );

  app.onError((err, c) => {
    if (err instanceof UnauthenticatedError) {
      return c.redirect(`/admin/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (err instanceof AppError && !(err instanceof ValidationError)) {
      const title = err.status === 403 ? '无权访问' : err.status === 404 ? '页面不存在' : '操作未完成';
      return page(c, <ErrorPage c={c} status={err.status} title={title} message={err.message} />, err.status);
    }
    deps.logger.error({ err, path: c.req.path }, 'unhandled error');
    if (c.req.path.startsWith('/api/')) return c.json({ error: '服务器内部错误，请稍后再试。' }, 500);
    return page(
      c,
      <ErrorPage
        c={c}
        status={500}
        title="服务器内部错误"
        message="服务器处理请求时出现错误，请稍后再试。如问题持续，请联系系统管理员。"
      />,
      500,
    );
  });

  return app;
}
