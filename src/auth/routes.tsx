import { Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from '../platform/web/env.js';
import { AdminLayout, page } from '../platform/ui/layout.js';
import {
  Csrf,
  ErrorSummary,
  TextField,
  SelectField,
  Pager,
  formatTime,
  type Errors,
  type Values,
} from '../platform/ui/forms.js';
import { ValidationError } from '../platform/errors.js';
import { assertCan } from '../platform/access.js';
import { requireActor, formBody, safeNext, flashOf } from '../platform/web/guards.js';
import { SESSION_COOKIE } from '../platform/web/constants.js';
import * as auth from './service.js';
import * as users from './users.js';
import * as org from '../org/service.js';
import { ROLES, ROLE_LABELS, ROLE_DESCRIPTIONS, type Actor } from '../platform/access.js';

const USER_LABELS: Record<string, string> = { username: '用户名', display_name: '姓名', password: '初始密码' };

async function unitOptions(c: import('hono').Context<AppEnv>, actor: Actor) {
  const list = await org.listUnits(c.get('deps').db, actor, { activeOnly: true });
  return list.map((u) => ({ value: u.id, label: `${u.name}（${u.jurisdiction_name}）` }));
}

function RoleRows(props: { values: Values; errors: Errors; units: { value: number; label: string }[] }) {
  return (
    <fieldset class="role-rows">
      <legend>角色与所属单位</legend>
      <p class="hint">
        每行一个角色。系统管理员、公开办管理员、上级审核的权限覆盖所属单位所在行政区及其下级；单位编辑、单位审核、依申请办理员只管理所属单位。
      </p>
      <ul class="plain role-help">
        {ROLES.map((r) => (
          <li>
            <strong>{ROLE_LABELS[r]}</strong>：{ROLE_DESCRIPTIONS[r]}
          </li>
        ))}
      </ul>
      {Array.from({ length: users.MAX_ROLE_ROWS }, (_, i) => (
        <div class="role-row">
          <SelectField
            name={`role_${i}`}
            label={`角色 ${i + 1}`}
            values={props.values}
            errors={props.errors}
            placeholder="（不设置）"
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <SelectField
            name={`unit_${i}`}
            label={`所属单位 ${i + 1}`}
            values={props.values}
            errors={props.errors}
            placeholder="（请选择单位）"
            options={props.units}
          />
        </div>
      ))}
    </fieldset>
  );
}

export function authRoutes() {
  const r = new Hono<AppEnv>();

  // ---- login / logout / own password ---------------------------------------------------
  const loginPage = (
    c: import('hono').Context<AppEnv>,
    opts: { errors?: Errors; message?: string; values?: Values },
    status = 200,
  ) =>
    page(
      c,
      <AdminLayout c={c} title="工作人员登录">
        <form
          method="post"
          action={`/admin/login?next=${encodeURIComponent(safeNext(c.req.query('next')))}`}
          class="form narrow"
          novalidate
        >
          <Csrf token={c.get('csrf')} />
          <ErrorSummary errors={opts.errors} message={opts.message} labels={{ username: '用户名', password: '密码' }} />
          <TextField
            name="username"
            label="用户名"
            values={opts.values}
            errors={opts.errors}
            autocomplete="username"
            required
            maxlength={64}
          />
          <TextField
            name="password"
            label="密码"
            type="password"
            errors={opts.errors}
            autocomplete="current-password"
            required
            maxlength={256}
          />
          <button type="submit" class="button">
            登录
          </button>
        </form>
        <p class="muted">
          连续输错密码 {auth.THROTTLE.maxFailures} 次，账号将锁定 {auth.THROTTLE.lockMinutes}{' '}
          分钟。忘记密码请联系本单位系统管理员重置。
        </p>
      </AdminLayout>,
      status,
    );

  r.get('/login', (c) => (c.get('session') ? c.redirect('/admin', 303) : loginPage(c, {})));

  r.post('/login', async (c) => {
    const body = await formBody(c);
    try {
      const result = await auth.login(c.get('deps').db, body, {
        ip: c.get('ip'),
        userAgent: c.req.header('user-agent') ?? null,
      });
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: c.get('secure'),
        expires: new Date(result.expiresAt),
      });
      return c.redirect(result.mustChangePassword ? '/admin/password' : safeNext(c.req.query('next')), 303);
    } catch (err) {
      if (err instanceof ValidationError)
        return loginPage(c, { errors: err.fieldErrors, values: { username: body.username } }, 422);
      if (err instanceof auth.LoginError)
        return loginPage(
          c,
          { message: err.message, values: { username: body.username } },
          err.message === auth.LOGIN_THROTTLED ? 429 : 401,
        );
      throw err;
    }
  });

  r.post('/logout', async (c) => {
    const s = c.get('session');
    if (s) await auth.logout(c.get('deps').db, s);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/admin/login', 303);
  });

  const passwordPage = (c: import('hono').Context<AppEnv>, errors?: Errors, status = 200) => {
    const forced = c.get('session')?.mustChangePassword;
    return page(
      c,
      <AdminLayout c={c} title="修改密码" current="password" flash={flashOf(c)}>
        {forced ? <p class="notice">您正在使用管理员设置的初始密码，请先修改密码后再使用系统。</p> : null}
        <form method="post" action="/admin/password" class="form narrow" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary
            errors={errors}
            labels={{ current_password: '当前密码', new_password: '新密码', confirm_password: '确认新密码' }}
          />
          <TextField
            name="current_password"
            label="当前密码"
            type="password"
            errors={errors}
            autocomplete="current-password"
            required
          />
          <TextField
            name="new_password"
            label="新密码"
            type="password"
            errors={errors}
            autocomplete="new-password"
            hint="8～64 位，须同时包含字母和数字，不能包含用户名。"
            required
          />
          <TextField
            name="confirm_password"
            label="确认新密码"
            type="password"
            errors={errors}
            autocomplete="new-password"
            required
          />
          <button type="submit" class="button">
            修改密码
          </button>
        </form>
      </AdminLayout>,
      status,
    );
  };

  r.get('/password', (c) => passwordPage(c));
  r.post('/password', async (c) => {
    requireActor(c);
    try {
      await auth.changeOwnPassword(c.get('deps').db, c.get('session')!, await formBody(c));
    } catch (err) {
      if (err instanceof ValidationError) return passwordPage(c, err.fieldErrors, 422);
      throw err;
    }
    return c.redirect('/admin/password?done=password', 303);
  });

  // ---- account management ----------------------------------------------------------------
  r.get('/users', async (c) => {
    const actor = requireActor(c);
    const q = c.req.query();
    const filter = {
      q: q.q?.trim() || undefined,
      role: ROLES.includes(q.role as never) ? q.role : undefined,
      status: q.status,
      unitId: q.unit ? Number(q.unit) || undefined : undefined,
    };
    const list = await users.listUsers(c.get('deps').db, actor, filter);
    const units = await unitOptions(c, actor);
    const pageNo = Math.max(1, Number(q.page) || 1);
    const per = 50;
    const shown = list.slice((pageNo - 1) * per, pageNo * per);
    const params = new URLSearchParams(
      Object.entries({ q: q.q ?? '', role: q.role ?? '', status: q.status ?? '', unit: q.unit ?? '' }).filter(
        ([, v]) => v,
      ),
    );
    return page(
      c,
      <AdminLayout c={c} title="账号管理" current="users" flash={flashOf(c)}>
        <p>
          <a class="button" href="/admin/users/new">
            新建账号
          </a>
        </p>
        <form method="get" action="/admin/users" class="filters" role="search" aria-label="筛选账号">
          <TextField name="q" label="用户名或姓名" values={q} />
          <SelectField
            name="role"
            label="角色"
            values={q}
            placeholder="全部"
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <SelectField name="unit" label="单位" values={q} placeholder="全部" options={units} />
          <SelectField
            name="status"
            label="状态"
            values={q}
            placeholder="全部"
            options={[
              { value: 'active', label: '启用' },
              { value: 'disabled', label: '停用' },
            ]}
          />
          <button type="submit" class="button secondary">
            筛选
          </button>
        </form>
        <p class="muted">共 {list.length} 个账号。</p>
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色与单位</th>
                <th scope="col">状态</th>
                <th scope="col">最近登录</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${u.id}`}>{u.username}</a>
                  </td>
                  <td>{u.display_name}</td>
                  <td>{u.grants.map((g) => `${ROLE_LABELS[g.role]}（${g.unitName}）`).join('；')}</td>
                  <td>
                    {u.active === 1
                      ? u.locked_until && u.locked_until > new Date().toISOString()
                        ? '已锁定'
                        : '启用'
                      : '停用'}
                  </td>
                  <td>{formatTime(u.last_login_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          page={pageNo}
          hasNext={list.length > pageNo * per}
          href={(p) => `/admin/users?${new URLSearchParams([...params, ['page', String(p)]])}`}
        />
      </AdminLayout>,
    );
  });

  const userForm = async (
    c: import('hono').Context<AppEnv>,
    actor: Actor,
    opts: { values: Values; errors?: Errors; id?: number },
    status = 200,
  ) => {
    const units = await unitOptions(c, actor);
    const isNew = opts.id === undefined;
    return page(
      c,
      <AdminLayout c={c} title={isNew ? '新建账号' : `编辑账号：${String(opts.values.username ?? '')}`} current="users">
        <form method="post" action={isNew ? '/admin/users' : `/admin/users/${opts.id}`} class="form" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary
            errors={opts.errors}
            labels={{
              ...USER_LABELS,
              ...Object.fromEntries(
                Array.from({ length: users.MAX_ROLE_ROWS }, (_, i) => [
                  [`role_${i}`, `角色 ${i + 1}`],
                  [`unit_${i}`, `所属单位 ${i + 1}`],
                ]).flat(),
              ),
            }}
          />
          {isNew ? (
            <TextField
              name="username"
              label="用户名"
              values={opts.values}
              errors={opts.errors}
              hint="3～32 位字母、数字、点、下划线或连字符，创建后不能修改。"
              required
              autocomplete="off"
            />
          ) : null}
          <TextField
            name="display_name"
            label="姓名"
            values={opts.values}
            errors={opts.errors}
            required
            maxlength={30}
          />
          {isNew ? (
            <TextField
              name="password"
              label="初始密码"
              type="password"
              errors={opts.errors}
              hint="8～64 位，须同时包含字母和数字。用户首次登录后须修改密码。"
              required
              autocomplete="new-password"
            />
          ) : null}
          <RoleRows values={opts.values} errors={opts.errors ?? {}} units={units} />
          <button type="submit" class="button">
            {isNew ? '创建账号' : '保存'}
          </button>
          <a href="/admin/users" class="button secondary">
            取消
          </a>
        </form>
      </AdminLayout>,
      status,
    );
  };

  r.get('/users/new', async (c) => {
    const actor = requireActor(c);
    assertCan(actor, 'user.manage');
    return userForm(c, actor, { values: {} });
  });

  r.post('/users', async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    try {
      const id = await users.createUser(c.get('deps').db, actor, body);
      return c.redirect(`/admin/users/${id}?done=created`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return userForm(c, actor, { values: body, errors: err.fieldErrors }, 422);
      throw err;
    }
  });

  const grantValues = (u: users.UserView): Values => ({
    username: u.username,
    display_name: u.display_name,
    ...Object.fromEntries(
      u.grants.flatMap((g, i) => [
        [`role_${i}`, g.role],
        [`unit_${i}`, String(g.unitId)],
      ]),
    ),
  });

  r.get('/users/:id{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const u = await users.getUser(c.get('deps').db, actor, Number(c.req.param('id')));
    return page(
      c,
      <AdminLayout c={c} title={`账号：${u.display_name}（${u.username}）`} current="users" flash={flashOf(c)}>
        <dl class="meta">
          <dt>用户名</dt>
          <dd>{u.username}</dd>
          <dt>姓名</dt>
          <dd>{u.display_name}</dd>
          <dt>状态</dt>
          <dd>
            {u.active === 1 ? '启用' : '停用'}
            {u.must_change_password === 1 ? '（下次登录须修改密码）' : ''}
          </dd>
          <dt>角色</dt>
          <dd>{u.grants.map((g) => `${ROLE_LABELS[g.role]}（${g.unitName}）`).join('；')}</dd>
          <dt>创建时间</dt>
          <dd>{formatTime(u.created_at)}</dd>
          <dt>最近登录</dt>
          <dd>{formatTime(u.last_login_at)}</dd>
        </dl>
        <p>
          <a class="button" href={`/admin/users/${u.id}/edit`}>
            编辑姓名和角色
          </a>{' '}
          <a class="button secondary" href={`/admin/audit?object_type=user&object_id=${u.id}`}>
            查看该账号的操作记录
          </a>
        </p>
        <h2>{u.active === 1 ? '停用账号' : '启用账号'}</h2>
        <form method="post" action={`/admin/users/${u.id}/${u.active === 1 ? 'disable' : 'enable'}`}>
          <Csrf token={c.get('csrf')} />
          <p class="hint">
            {u.active === 1
              ? '停用后该账号不能登录，已登录的会话立即结束。账号和操作记录保留。'
              : '启用后该账号可以重新登录。'}
          </p>
          <button type="submit" class={u.active === 1 ? 'button danger' : 'button'}>
            {u.active === 1 ? '停用账号' : '启用账号'}
          </button>
        </form>
        <h2>重置密码</h2>
        <form method="post" action={`/admin/users/${u.id}/reset-password`} class="form narrow" novalidate>
          <Csrf token={c.get('csrf')} />
          <TextField
            name="password"
            label="新的初始密码"
            type="password"
            hint="用户下次登录时须修改密码。"
            required
            autocomplete="new-password"
          />
          <button type="submit" class="button secondary">
            重置密码
          </button>
        </form>
      </AdminLayout>,
    );
  });

  r.get('/users/:id{[0-9]+}/edit', async (c) => {
    const actor = requireActor(c);
    const u = await users.getUser(c.get('deps').db, actor, Number(c.req.param('id')));
    return userForm(c, actor, { values: grantValues(u), id: u.id });
  });

  r.post('/users/:id{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      await users.updateUser(c.get('deps').db, actor, id, body);
      return c.redirect(`/admin/users/${id}?done=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) {
        const u = await users.getUser(c.get('deps').db, actor, id);
        return userForm(c, actor, { values: { ...body, username: u.username }, errors: err.fieldErrors, id }, 422);
      }
      throw err;
    }
  });

  for (const [path, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    r.post(`/users/:id{[0-9]+}/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = Number(c.req.param('id'));
      await users.setUserActive(c.get('deps').db, actor, id, active);
      return c.redirect(`/admin/users/${id}?done=${active ? 'enabled' : 'disabled'}`, 303);
    });
  }

  r.post('/users/:id{[0-9]+}/reset-password', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    try {
      await users.resetPassword(c.get('deps').db, actor, id, await formBody(c));
    } catch (err) {
      if (err instanceof ValidationError) {
        const u = await users.getUser(c.get('deps').db, actor, id);
        return page(
          c,
          <AdminLayout c={c} title={`重置密码：${u.display_name}（${u.username}）`} current="users">
            <form method="post" action={`/admin/users/${u.id}/reset-password`} class="form narrow" novalidate>
              <Csrf token={c.get('csrf')} />
              <ErrorSummary errors={err.fieldErrors} labels={{ password: '新的初始密码' }} />
              <TextField
                name="password"
                label="新的初始密码"
                type="password"
                errors={err.fieldErrors}
                hint="8～64 位，须同时包含字母和数字。"
                required
                autocomplete="new-password"
              />
              <button type="submit" class="button">
                重置密码
              </button>
              <a class="button secondary" href={`/admin/users/${u.id}`}>
                取消
              </a>
            </form>
          </AdminLayout>,
          422,
        );
      }
      throw err;
    }
    return c.redirect(`/admin/users/${id}?done=reset`, 303);
  });

  return r;
}
