/** Per-unit API tokens: a unit's OA system registers requests and their events as that unit's handler. */
import crypto from 'node:crypto';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import * as org from '../org/api.js';
import { listUnits, type UnitRow } from '../org/service.js';
import * as store from './store.js';
import { assertCan, auditActor, type Actor, type UserActor } from '../platform/access.js';

const hash = (t: string) => crypto.createHash('sha256').update(t).digest('hex');

export async function createToken(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
): Promise<{ id: number; token: string }> {
  const unit = await org.unitById(db.k, Number(raw.unit_id));
  const name = String(raw.name ?? '').trim();
  const errors: Record<string, string> = {};
  if (!unit) errors.unit_id = '请选择单位';
  if (!name || name.length > 50) errors.name = '请填写令牌名称（50 字以内），如“县政务 OA”';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  assertCan(actor, 'apiToken.manage', { id: unit!.id, jurisdictionCode: unit!.jurisdiction_code });
  const token = `gk_${crypto.randomBytes(24).toString('base64url')}`;
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    const id = await store.insertToken(trx, {
      unit_id: unit!.id,
      name,
      token_hash: hash(token),
      created_by: who.name,
      created_at: nowIso(),
      last_used_at: null,
    });
    await writeAudit(trx, who, {
      action: 'api_token.create',
      objectType: 'api_token',
      objectId: id,
      unitId: unit!.id,
      jurisdictionId: unit!.jurisdiction_id,
      summary: `为${unit!.name}创建接口令牌“${name}”`,
    });
    return { id, token };
  });
}

export async function revokeToken(db: Db, actor: Actor, id: number): Promise<void> {
  const t = await store.findToken(db.k, id);
  if (!t) throw new NotFoundError('该令牌不存在。');
  const unit = (await org.unitById(db.k, t.unit_id))!;
  assertCan(actor, 'apiToken.manage', { id: unit.id, jurisdictionCode: unit.jurisdiction_code });
  await db.k.transaction().execute(async (trx) => {
    await store.updateToken(trx, id, { revoked: 1 });
    await writeAudit(trx, auditActor(actor), {
      action: 'api_token.revoke',
      objectType: 'api_token',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `停用${unit.name}的接口令牌“${t.name}”`,
    });
  });
}

export async function listTokens(db: Db, actor: Actor) {
  assertCan(actor, 'apiToken.manage');
  const tokens = await store.listTokens(db.k);
  const units = await org.unitsByIds(
    db.k,
    tokens.map((t) => t.unit_id),
  );
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    created_by: t.created_by,
    created_at: t.created_at,
    last_used_at: t.last_used_at,
    revoked: t.revoked,
    unit_name: units.get(t.unit_id)?.name ?? '',
  }));
}

/** The units a token may be created for: the active units in the actor's reach that receive requests. */
export async function tokenUnits(db: Db, actor: Actor): Promise<UnitRow[]> {
  return (await listUnits(db, actor, { activeOnly: true })).filter((u) => u.receives_requests === 1);
}

/** The actor of a bearer token: the unit's 依申请办理员, named after the token. */
export async function actorForToken(db: Db, token: string, ip: string | null): Promise<UserActor | null> {
  if (!token.startsWith('gk_') || token.length > 100) return null;
  const t = await store.findLiveTokenByHash(db.k, hash(token));
  if (!t) return null;
  const unit = await org.unitById(db.k, t.unit_id);
  if (unit?.active !== 1) return null;
  await store.updateToken(db.k, t.id, { last_used_at: nowIso() });
  return {
    kind: 'user',
    userId: 0,
    username: `token:${t.id}`,
    displayName: `接口令牌“${t.name}”`,
    ip,
    grants: [
      {
        role: 'request_handler',
        unitId: unit.id,
        unitName: unit.name,
        jurisdictionId: unit.jurisdiction_id,
        jurisdictionCode: unit.jurisdiction_code,
        jurisdictionName: unit.jurisdiction_name,
      },
    ],
  };
}
