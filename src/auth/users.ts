/** Account management by the 系统管理员: create, edit roles, disable/enable, reset password. */
import type { Db } from '../platform/db.js';
import { nowIso, flag } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { NotFoundError, ValidationError, ForbiddenError } from '../platform/errors.js';
import { z, requiredText } from '../platform/validation.js';
import { clearThrottle } from '../platform/throttle.js';
import * as store from './store.js';
import * as org from '../org/api.js';
import { grantsOf } from './grants.js';
import { hashPassword, passwordProblem } from './passwords.js';
import {
  ROLES,
  ROLE_LABELS,
  assertCan,
  auditActor,
  can,
  grantCovers,
  reachOf,
  type Actor,
  type Grant,
  type Role,
} from '../platform/access.js';

export const MAX_ROLE_ROWS = 6;

export interface UserView {
  id: number;
  username: string;
  display_name: string;
  active: number;
  must_change_password: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  grants: Grant[];
}

const usernameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '用户名只能使用字母、数字、点、下划线和连字符，并以字母或数字开头');

/** Role rows arrive as role_0/unit_0 … role_5/unit_5; blank rows are ignored. */
function roleRows(raw: Record<string, unknown>): {
  grants: { role: Role; unitId: number }[];
  errors: Record<string, string>;
} {
  const grants: { role: Role; unitId: number }[] = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < MAX_ROLE_ROWS; i++) {
    const role = String(raw[`role_${i}`] ?? '').trim();
    const unit = String(raw[`unit_${i}`] ?? '').trim();
    if (!role && !unit) continue;
    if (!(ROLES as readonly string[]).includes(role)) {
      errors[`role_${i}`] = '请选择角色';
      continue;
    }
    const unitId = Number(unit);
    if (!Number.isInteger(unitId) || unitId <= 0) {
      errors[`unit_${i}`] = '请选择该角色所属单位';
      continue;
    }
    if (!grants.some((g) => g.role === role && g.unitId === unitId)) grants.push({ role: role as Role, unitId });
  }
  if (grants.length === 0 && Object.keys(errors).length === 0) errors.role_0 = '每个账号至少要有一个角色';
  return { grants, errors };
}

/** Every granted unit must lie within the administrator's reach. */
async function checkGrantScope(
  db: Db,
  actor: Actor,
  grants: { role: Role; unitId: number }[],
  errors: Record<string, string>,
  raw: Record<string, unknown>,
) {
  for (let i = 0; i < MAX_ROLE_ROWS; i++) {
    const unitId = Number(raw[`unit_${i}`]);
    if (!unitId || errors[`unit_${i}`] || errors[`role_${i}`]) continue;
    const unit = await org.unitById(db.k, unitId);
    if (!unit) errors[`unit_${i}`] = '所选单位不存在';
    else if (!can(actor, 'user.manage', { id: unit.id, jurisdictionCode: unit.jurisdiction_code }))
      errors[`unit_${i}`] = '您无权为该单位分配角色';
    else if (unit.active !== 1) errors[`unit_${i}`] = '该单位已停用';
  }
  return grants;
}

function manageable(actor: Actor, grants: Grant[]): boolean {
  if (actor.kind === 'system') return true;
  const reach = actor.grants.filter((g) => g.role === 'system_admin');
  // An administrator manages an account only when every role of that account lies within reach.
  return (
    grants.length > 0 &&
    grants.every((g) => reach.some((r) => grantCovers(r, { id: g.unitId, jurisdictionCode: g.jurisdictionCode })))
  );
}

export async function listUsers(
  db: Db,
  actor: Actor,
  f: { q?: string; unitId?: number; role?: string; status?: string } = {},
): Promise<UserView[]> {
  assertCan(actor, 'user.view');
  const reach = reachOf(actor, 'user.view');
  // Users with a role in a unit of the actor's reach (and of the chosen unit or role), through org's read API.
  let ids: number[] | undefined;
  if (!reach.all || f.unitId || f.role) {
    const inReach = await org.unitIdsInReach(db.k, reach);
    const units = f.unitId ? (inReach === 'all' || inReach.includes(f.unitId) ? [f.unitId] : []) : inReach;
    ids = await store.userIdsWithRoles(db.k, units, f.role);
  }
  const users = await store.listUsers(db.k, { ids, q: f.q, status: f.status });
  const grants = await grantsOf(
    db.k,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ ...pick(u), grants: grants.get(u.id) ?? [] }));
}

function pick(u: NonNullable<Awaited<ReturnType<typeof store.findUser>>>) {
  return {
    id: u.id,
    username: u.username,
    display_name: u.display_name,
    active: u.active,
    must_change_password: u.must_change_password,
    locked_until: u.locked_until,
    last_login_at: u.last_login_at,
    created_at: u.created_at,
  };
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<UserView> {
  assertCan(actor, 'user.view');
  const u = await store.findUser(db.k, id);
  if (!u) throw new NotFoundError('该账号不存在。');
  const grants = (await grantsOf(db.k, [id])).get(id) ?? [];
  if (!manageable(actor, grants)) throw new ForbiddenError('您无权查看或管理该账号。');
  return { ...pick(u), grants };
}

const grantSummary = (grants: { role: Role; unitId: number }[]) => grants.map((g) => `${g.role}@${g.unitId}`);

export async function createUser(db: Db, actor: Actor, raw: Record<string, unknown>): Promise<number> {
  assertCan(actor, 'user.manage');
  const schema = z.object({
    username: usernameSchema,
    display_name: requiredText(30, '姓名'),
    password: z.string().min(1, '请设置初始密码'),
  });
  const errors: Record<string, string> = {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
  const { grants, errors: roleErrors } = roleRows(raw);
  Object.assign(errors, roleErrors);
  await checkGrantScope(db, actor, grants, errors, raw);
  const pw = typeof raw.password === 'string' ? raw.password : '';
  if (pw && !errors.password) {
    const problem = passwordProblem(pw, typeof raw.username === 'string' ? raw.username.trim() : undefined);
    if (problem) errors.password = problem;
  }
  if (parsed.success && (await store.findUserByUsername(db.k, parsed.data.username)))
    errors.username = '该用户名已被使用';
  if (Object.keys(errors).length || !parsed.success) throw new ValidationError(errors);
  const input = parsed.data;
  const hashed = await hashPassword(input.password);
  const now = nowIso();
  const firstUnit = await org.unitById(db.k, grants[0].unitId);
  return db.k.transaction().execute(async (trx) => {
    const id = await store.insertUser(trx, {
      username: input.username,
      display_name: input.display_name,
      password_hash: hashed,
      active: 1,
      must_change_password: 1,
      failed_logins: 0,
      created_at: now,
      updated_at: now,
    });
    await store.replaceGrants(trx, id, grants, now);
    await writeAudit(trx, auditActor(actor), {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      unitId: firstUnit?.id,
      jurisdictionId: firstUnit?.jurisdiction_id,
      summary: `新建账号“${input.display_name}（${input.username}）”：${grants.map((g) => ROLE_LABELS[g.role]).join('、')}`,
      after: { username: input.username, display_name: input.display_name, roles: grantSummary(grants) },
    });
    return id;
  });
}

export async function updateUser(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  assertCan(actor, 'user.manage');
  const user = await getUser(db, actor, id);
  const errors: Record<string, string> = {};
  const parsed = z.object({ display_name: requiredText(30, '姓名') }).safeParse(raw);
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
  const { grants, errors: roleErrors } = roleRows(raw);
  Object.assign(errors, roleErrors);
  await checkGrantScope(db, actor, grants, errors, raw);
  if (actor.kind === 'user' && actor.userId === id && !grants.some((g) => g.role === 'system_admin')) {
    errors.role_0 = '不能取消自己的系统管理员角色';
  }
  if (Object.keys(errors).length || !parsed.success) throw new ValidationError(errors);
  const before = { display_name: user.display_name, roles: grantSummary(user.grants) };
  const after = { display_name: parsed.data.display_name, roles: grantSummary(grants) };
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const now = nowIso();
  const g = grants[0];
  const unit = await org.unitById(db.k, g.unitId);
  await db.k.transaction().execute(async (trx) => {
    await store.updateUser(trx, id, { display_name: parsed.data.display_name, updated_at: now });
    await store.replaceGrants(trx, id, grants, now);
    await writeAudit(trx, auditActor(actor), {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      unitId: unit?.id,
      jurisdictionId: unit?.jurisdiction_id,
      summary: `修改账号“${parsed.data.display_name}（${user.username}）”`,
      before,
      after,
    });
  });
}

export async function setUserActive(db: Db, actor: Actor, id: number, active: boolean): Promise<void> {
  assertCan(actor, 'user.manage');
  const user = await getUser(db, actor, id);
  if (actor.kind === 'user' && actor.userId === id && !active)
    throw new ValidationError({ _form: '不能停用自己的账号' }, '不能停用自己的账号。');
  if ((user.active === 1) === active) return;
  const now = nowIso();
  await db.k.transaction().execute(async (trx) => {
    await store.updateUser(trx, id, {
      active: flag(active),
      updated_at: now,
      ...(active ? { failed_logins: 0, locked_until: null } : {}),
    });
    if (!active) await store.deleteUserSessions(trx, id);
    if (active) await clearThrottle(trx, `acct:${user.username.toLowerCase()}`);
    await writeAudit(trx, auditActor(actor), {
      action: active ? 'user.enable' : 'user.disable',
      objectType: 'user',
      objectId: id,
      unitId: user.grants[0]?.unitId,
      jurisdictionId: user.grants[0]?.jurisdictionId,
      summary: `${active ? '启用' : '停用'}账号“${user.display_name}（${user.username}）”`,
      before: { active: user.active },
      after: { active: flag(active) },
    });
  });
}

/** Set a new initial password; the user must change it at next login, and is signed out now. */
export async function resetPassword(db: Db, actor: Actor, id: number, raw: Record<string, unknown>): Promise<void> {
  assertCan(actor, 'user.manage');
  const user = await getUser(db, actor, id);
  const password = String(raw.password ?? '');
  const problem = password ? passwordProblem(password, user.username) : '请填写新的初始密码';
  if (problem) throw new ValidationError({ password: problem });
  const hashed = await hashPassword(password);
  const now = nowIso();
  await db.k.transaction().execute(async (trx) => {
    await store.updateUser(trx, id, {
      password_hash: hashed,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    });
    await store.deleteUserSessions(trx, id);
    await clearThrottle(trx, `acct:${user.username.toLowerCase()}`);
    await writeAudit(trx, auditActor(actor), {
      action: 'user.password_reset',
      objectType: 'user',
      objectId: id,
      unitId: user.grants[0]?.unitId,
      jurisdictionId: user.grants[0]?.jurisdictionId,
      summary: `重置账号“${user.display_name}（${user.username}）”的密码`,
    });
  });
}

/** Create an account without an acting administrator (CLI, demo seed, init). */
export async function bootstrapUser(
  db: Db,
  input: {
    username: string;
    displayName: string;
    password: string;
    grants: { role: Role; unitId: number }[];
    mustChange: boolean;
  },
  actor: Actor,
): Promise<number> {
  const now = nowIso();
  const hashed = await hashPassword(input.password);
  return db.k.transaction().execute(async (trx) => {
    const id = await store.insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: hashed,
      active: 1,
      must_change_password: flag(input.mustChange),
      failed_logins: 0,
      created_at: now,
      updated_at: now,
    });
    await store.replaceGrants(trx, id, input.grants, now);
    await writeAudit(trx, auditActor(actor), {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      unitId: input.grants[0]?.unitId,
      summary: `新建账号“${input.displayName}（${input.username}）”`,
      after: { username: input.username, display_name: input.displayName, roles: grantSummary(input.grants) },
    });
    return id;
  });
}
