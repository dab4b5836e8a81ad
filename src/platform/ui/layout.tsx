import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import type { AppEnv, SiteInfo } from '../web/env.js';
import { ROLE_LABELS, can } from '../access.js';

type C = Context<AppEnv>;

/** Render a page with its doctype and status. */
export async function page(c: C, node: Child, status = 200): Promise<Response> {
  const body = '<!DOCTYPE html>' + (await (node as { toString(): string | Promise<string> }).toString());
  return c.html(body, status as 200);
}

function Document(props: {
  title: string;
  elder: boolean;
  children: Child;
  bodyClass?: string;
  noindex?: boolean;
  script?: string;
}) {
  return (
    <html lang="zh-CN" class={props.elder ? 'elder' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.noindex ? <meta name="robots" content="noindex, nofollow" /> : null}
        <title>{props.title}</title>
        <link rel="stylesheet" href="/static/gongkai.css" />
        {props.script ? <script src={props.script} defer></script> : null}
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href="#main">
          跳到正文
        </a>
        {props.children}
      </body>
    </html>
  );
}

function ElderSwitch(props: { c: C }) {
  const elder = props.c.get('elder');
  const back = props.c.req.path;
  return (
    <a class="elder-switch" href={`/prefs/elder?on=${elder ? '0' : '1'}&back=${encodeURIComponent(back)}`}>
      {elder ? '退出适老化模式' : '适老化模式（大字、高对比）'}
    </a>
  );
}

export function PortalLayout(props: {
  c: C;
  title: string;
  current?: string;
  children: Child;
  crumbs?: { href?: string; label: string }[];
}) {
  const { c } = props;
  const site = c.get('site');
  const siteName = site?.name ?? '政府信息公开';
  const nav = c.get('deps').installation.portalNav;
  return (
    <Document title={`${props.title} - ${siteName}`} elder={c.get('elder')}>
      <div class="topbar">
        <div class="wrap">
          <span>{site?.jurisdictionName ?? ''}政务公开</span>
          <span class="topbar-links">
            <ElderSwitch c={c} />
            <a href="/admin">工作人员登录</a>
          </span>
        </div>
      </div>
      <header class="site-header">
        <div class="wrap">
          <a class="site-title" href="/">
            <span class="site-name">{siteName}</span>
            <span class="site-sub">政府信息公开</span>
          </a>
        </div>
      </header>
      <nav class="site-nav" aria-label="主导航">
        <ul class="wrap">
          {nav.map((n) => (
            <li>
              <a href={n.href} aria-current={props.current === n.key ? 'page' : undefined}>
                {n.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" class="wrap main">
        {props.crumbs ? (
          <nav class="crumbs" aria-label="当前位置">
            当前位置：<a href="/">首页</a>
            {props.crumbs.map((cr) => (
              <>
                {' > '}
                {cr.href ? <a href={cr.href}>{cr.label}</a> : <span>{cr.label}</span>}
              </>
            ))}
          </nav>
        ) : null}
        {props.children}
      </main>
      <SiteFooter site={site} />
    </Document>
  );
}

function SiteFooter(props: { site: SiteInfo | null }) {
  const s = props.site;
  const o = s?.office;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>主办：{o?.name ?? s?.name ?? '—'}</p>
        {o ? (
          <p>
            政府信息公开工作机构：{o.officeName ?? o.name}
            {o.address ? <>　地址：{o.address}</> : null}
            {o.postcode ? <>　邮编：{o.postcode}</> : null}
            {o.phone ? <>　电话：{o.phone}</> : null}
            {o.email ? <>　邮箱：{o.email}</> : null}
          </p>
        ) : null}
        {o?.hours ? <p>办公时间：{o.hours}</p> : null}
        <p class="muted">
          <a href="/xxgk/zhinan">政府信息公开指南</a>　<a href="/ysqgk">依申请公开</a>　<a href="/qxjsq">期限计算器</a>
          　本站支持无 JavaScript 浏览、键盘操作和适老化模式。
        </p>
      </div>
    </footer>
  );
}

export function AdminLayout(props: { c: C; title: string; current?: string; children: Child; flash?: string }) {
  const { c } = props;
  const session = c.get('session');
  const actor = session?.actor;
  const site = c.get('site');
  const items = actor
    ? c
        .get('deps')
        .installation.nav.filter((i) =>
          i.anyOf ? i.anyOf.some((a) => can(actor, a)) : i.action ? can(actor, i.action) : true,
        )
    : [];
  const roles = actor ? [...new Set(actor.grants.map((g) => ROLE_LABELS[g.role]))].join('、') : '';
  return (
    <Document
      title={`${props.title} - 政务公开管理后台`}
      elder={c.get('elder')}
      bodyClass="admin"
      noindex
      script="/static/upload.js"
    >
      <header class="admin-header">
        <div class="wrap-wide admin-header-row">
          <a class="admin-title" href="/admin">
            {site?.name ?? ''} 政务公开管理后台
          </a>
          {actor ? (
            <div class="admin-user">
              <span>
                {actor.displayName}（{roles}）
              </span>
              <form method="post" action="/admin/logout" class="inline">
                <input type="hidden" name="_csrf" value={c.get('csrf')} />
                <button type="submit" class="link-button">
                  退出登录
                </button>
              </form>
            </div>
          ) : null}
          <span class="admin-header-links">
            <ElderSwitch c={c} />
            <a href="/">门户首页</a>
          </span>
        </div>
      </header>
      <div class="wrap-wide admin-body">
        {actor ? (
          <nav class="admin-nav" aria-label="后台导航">
            <ul>
              {items.map((i) => (
                <li>
                  <a href={i.href} aria-current={props.current === i.key ? 'page' : undefined}>
                    {i.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" class="admin-main">
          <h1>{props.title}</h1>
          {props.flash ? (
            <p class="flash" role="status">
              {props.flash}
            </p>
          ) : null}
          {props.children}
        </main>
      </div>
    </Document>
  );
}

export function ErrorPage(props: { c: C; status: number; title: string; message: string }) {
  const admin = props.c.req.path.startsWith('/admin');
  const body = (
    <div class="error-page">
      <p class="error-code">{props.status}</p>
      <p>{props.message}</p>
      <p>
        <a href={admin ? '/admin' : '/'}>{admin ? '返回工作台' : '返回首页'}</a>
      </p>
    </div>
  );
  return admin ? (
    <AdminLayout c={props.c} title={props.title}>
      {body}
    </AdminLayout>
  ) : (
    <PortalLayout c={props.c} title={props.title}>
      <h1>{props.title}</h1>
      {body}
    </PortalLayout>
  );
}
