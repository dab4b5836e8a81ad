import type { Kysely, Transaction, Insertable, Updateable } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { UserTable } from './tables.js';
import type { Grant, Role } from '../platform/access.js';

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

export async function grantsOf(k: K, userIds: number[]): Promise<Map<number, Grant[]>> {
  const out = new Map<number, Grant[]>();
  if (userIds.length === 0) return out;
  const rows = await k
    .selectFrom('user_roles')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select([
      'user_roles.user_id',
      'user_roles.role',
      'user_roles.unit_id',
      'units.name as unit_name',
      'jurisdictions.id as jurisdiction_id',
      'jurisdictions.code as jurisdiction_code',
      'jurisdictions.name as jurisdiction_name',
    ])
    .where('user_roles.user_id', 'in', userIds)
    .orderBy('user_roles.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({
      role: r.role as Role,
      unitId: r.unit_id,
      unitName: r.unit_name,
      jurisdictionId: r.jurisdiction_id,
      jurisdictionCode: r.jurisdiction_code,
      jurisdictionName: r.jurisdiction_name,
    });
    out.set(r.user_id, list);
  }
  return out;
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
