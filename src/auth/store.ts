import type { Kysely, Transaction, Insertable, Updateable } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { UserTable } from './tables.js';
import type { Role } from '../platform/access.js';

type K = Kysely<Database> | Transaction<Database>;

export async function findUserByUsername(k: K, username: string) {
  return k.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(k: K, id: number) {
  return k.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(k: K, row: Insertable<UserTable>): Promise<number> {
  const r = await k.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUser(k: K, id: number, patch: Updateable<UserTable>): Promise<void> {
  await k.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** The role rows of some users (in the order they were granted). */
export async function roleRowsOf(k: K, userIds: number[]) {
  if (userIds.length === 0) return [];
  return k
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'unit_id'])
    .where('user_id', 'in', userIds)
    .orderBy('id')
    .execute();
}

/** The users holding a role in one of these units (all units when 'all'), optionally only this role. */
export async function userIdsWithRoles(k: K, units: number[] | 'all', role?: string): Promise<number[]> {
  if (units !== 'all' && units.length === 0) return [];
  let q = k.selectFrom('user_roles').select('user_id').distinct();
  if (units !== 'all') q = q.where('unit_id', 'in', units);
  if (role) q = q.where('role', '=', role);
  return (await q.execute()).map((r) => r.user_id);
}

export async function replaceGrants(k: K, userId: number, grants: { role: Role; unitId: number }[], now: string) {
  await k.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (grants.length) {
    await k
      .insertInto('user_roles')
      .values(grants.map((g) => ({ user_id: userId, role: g.role, unit_id: g.unitId, created_at: now })))
      .execute();
  }
}

// ---- sessions ------------------------------------------------------------------------------

export async function insertSession(k: K, row: Insertable<Database['sessions']>) {
  await k.insertInto('sessions').values(row).execute();
}

export async function findSession(k: K, id: string, now: string) {
  return k
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.username',
      'users.display_name',
      'users.active',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(k: K, id: string, now: string) {
  await k.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(k: K, id: string) {
  await k.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(k: K, userId: number, exceptId?: string) {
  let q = k.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(k: K, now: string) {
  await k.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

// ---- API tokens ----------------------------------------------------------------------------

export async function insertToken(k: K, row: Insertable<Database['api_tokens']>): Promise<number> {
  const r = await k.insertInto('api_tokens').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findToken(k: K, id: number) {
  return k.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLiveTokenByHash(k: K, tokenHash: string) {
  return k
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked', '=', 0)
    .executeTakeFirst();
}

export async function updateToken(k: K, id: number, patch: Updateable<Database['api_tokens']>): Promise<void> {
  await k.updateTable('api_tokens').set(patch).where('id', '=', id).execute();
}

export async function listTokens(k: K) {
  return k.selectFrom('api_tokens').selectAll().orderBy('id').execute();
}

/** Users matching a text (user name or display name) and status, ordered by user name, at most 1000. */
export async function listUsers(k: K, f: { ids?: number[]; q?: string; status?: string }) {
  let q = k.selectFrom('users').selectAll();
  if (f.ids) {
    if (f.ids.length === 0) return [];
    q = q.where('id', 'in', f.ids);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
  }
  if (f.status === 'active') q = q.where('active', '=', 1);
  if (f.status === 'disabled') q = q.where('active', '=', 0);
  return q.orderBy('username').limit(1000).execute();
}
