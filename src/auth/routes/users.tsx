/** 账号管理 (/admin/users): the list, an account's page, the account form, disabling and password resets. */
import { Hono, type Context } from 'hono';
import * as org from '../../org/service.js';
import { assertCan, ROLES, type Actor } from '../../platform/access.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { flashOf, requireActor } from '../../platform/web/guards.js';
import * as users from '../users.js';
import { ResetPasswordPage } from '../views/reset-password.js';
import { UserDetailPage } from '../views/user-detail.js';
import { UserFormPage } from '../views/user-form.js';
import { UserListPage } from '../views/user-list.js';

type C = Context<AppEnv>;

/** The units roles may be granted in. */
const grantableUnits = (c: C, actor: Actor) => org.listUnits(c.get('deps').db, actor, { activeOnly: true });

async function userForm(c: C, actor: Actor, opts: { values: Values; errors?: Errors; id?: number }, status = 200) {
  const units = await grantableUnits(c, actor);
  return page(c, <UserFormPage c={c} {...opts} units={units} />, status);
}

/** The form's values of an account: its name and one role row per grant. */
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

const idOf = (c: C) => Number(c.req.param('id'));

export function userRoutes() {
  const r = new Hono<AppEnv>();

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
    const units = await grantableUnits(c, actor);
    const pageNo = Math.max(1, Number(q.page) || 1);
    return page(c, <UserListPage c={c} users={list} units={units} query={q} page={pageNo} flash={flashOf(c)} />);
  });

  r.get('/users/new', async (c) => {
    const actor = requireActor(c);
    assertCan(actor, 'user.manage');
    return userForm(c, actor, { values: {} });
  });

  r.post(
    '/users',
    formRoute({
      submit: async (c, body) => {
        const id = await users.createUser(c.get('deps').db, requireActor(c), body);
        return c.redirect(`/admin/users/${id}?done=created`, 303);
      },
      invalid: (c, body, errors) => userForm(c, requireActor(c), { values: body, errors }, 422),
    }),
  );

  r.get('/users/:id{[0-9]+}', async (c) => {
    const u = await users.getUser(c.get('deps').db, requireActor(c), idOf(c));
    return page(c, <UserDetailPage c={c} user={u} flash={flashOf(c)} />);
  });

  r.get('/users/:id{[0-9]+}/edit', async (c) => {
    const actor = requireActor(c);
    const u = await users.getUser(c.get('deps').db, actor, idOf(c));
    return userForm(c, actor, { values: grantValues(u), id: u.id });
  });

  r.post(
    '/users/:id{[0-9]+}',
    formRoute({
      submit: async (c, body) => {
        const id = idOf(c);
        await users.updateUser(c.get('deps').db, requireActor(c), id, body);
        return c.redirect(`/admin/users/${id}?done=saved`, 303);
      },
      invalid: async (c, body, errors) => {
        const actor = requireActor(c);
        const id = idOf(c);
        const u = await users.getUser(c.get('deps').db, actor, id);
        return userForm(c, actor, { values: { ...body, username: u.username }, errors, id }, 422);
      },
    }),
  );

  for (const [path, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    r.post(`/users/:id{[0-9]+}/${path}`, async (c) => {
      const id = idOf(c);
      await users.setUserActive(c.get('deps').db, requireActor(c), id, active);
      return c.redirect(`/admin/users/${id}?done=${active ? 'enabled' : 'disabled'}`, 303);
    });
  }

  r.post(
    '/users/:id{[0-9]+}/reset-password',
    formRoute({
      submit: async (c, body) => {
        const id = idOf(c);
        await users.resetPassword(c.get('deps').db, requireActor(c), id, body);
        return c.redirect(`/admin/users/${id}?done=reset`, 303);
      },
      invalid: async (c, _body, errors) => {
        const u = await users.getUser(c.get('deps').db, requireActor(c), idOf(c));
        return page(c, <ResetPasswordPage c={c} user={u} errors={errors} />, 422);
      },
    }),
  );

  return r;
}
