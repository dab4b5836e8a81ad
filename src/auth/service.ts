import crypto from 'node:crypto';
import type { Db } from '../platform/db.js';
import { nowIso, flag } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { AppError, ValidationError } from '../platform/errors.js';
import { parseInput, z } from '../platform/validation.js';
import { anyLocked, clearThrottle, hit, purgeThrottle } from '../platform/throttle.js';
import { grantsOf } from './grants.js';
import * as store from './store.js';
import { hashPassword, verifyPassword, verifyDummy, passwordProblem } from './passwords.js';
import { auditActor, type SessionInfo } from '../platform/access.js';

/** Login throttling (per account and per IP): 5 failures within 15 minutes lock for 15 minutes. */
export const THROTTLE = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;
/** Sessions end 12 hours after login, or after 2 hours without activity. */
export const SESSION = { absoluteHours: 12, idleMinutes: 120, touchEveryMinutes: 5 } as const;

/** The one message a failed login shows, whatever the cause (no account enumeration). */
export const LOGIN_FAILED = '用户名或密码错误。';
export const LOGIN_THROTTLED = `登录失败次数过多，请 ${THROTTLE.lockMinutes} 分钟后再试。`;

export class LoginError extends AppError {
  constructor(message: string) {
    super(message, 401);
  }
}

const minutesFrom = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
export const sessionIdOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

const loginSchema = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请填写密码').max(256, '密码过长'),
});

export interface LoginResult {
  token: string;
  userId: number;
  mustChangePassword: boolean;
  expiresAt: string;
}

export async function login(
  db: Db,
  raw: unknown,
  ctx: { ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const { username, password } = parseInput(loginSchema, raw);
  const now = nowIso();
  const acctKey = `acct:${username.toLowerCase()}`;
  const ipKey = `ip:${ctx.ip ?? 'unknown'}`;
  const keys = [acctKey, ipKey];

  if (await anyLocked(db.k, keys, now)) {
    await writeAudit(
      db.k,
      { id: null, name: username, ip: ctx.ip },
      {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: null,
        summary: `登录被拒绝（尝试过于频繁）：${username}`,
      },
    );
    throw new LoginError(LOGIN_THROTTLED);
  }

  const user = await store.findUserByUsername(db.k, username);
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, password);
  else await verifyDummy(password);
  const grants = user ? ((await grantsOf(db.k, [user.id])).get(user.id) ?? []) : [];
  const primary = grants[0];

  if (!user || !ok || user.active !== 1) {
    await db.k.transaction().execute(async (trx) => {
      let lockedNow = false;
      for (const key of keys) {
        const t = await hit(trx, key, THROTTLE.windowMinutes, {
          lockAt: THROTTLE.maxFailures,
          lockMinutes: THROTTLE.lockMinutes,
          now,
        });
        if (key === acctKey && t.count >= THROTTLE.maxFailures) lockedNow = true;
      }
      const who = {
        id: user?.id ?? null,
        name: user ? `${user.display_name}（${user.username}）` : username,
        ip: ctx.ip,
      };
      const base = {
        objectType: 'user',
        objectId: user?.id ?? null,
        unitId: primary?.unitId ?? null,
        jurisdictionId: primary?.jurisdictionId ?? null,
      };
      if (user) {
        await store.updateUser(trx, user.id, {
          failed_logins: user.failed_logins + 1,
          locked_until: lockedNow ? minutesFrom(now, THROTTLE.lockMinutes) : user.locked_until,
        });
      }
      await writeAudit(trx, who, {
        ...base,
        action: 'auth.login_failed',
        summary: user && user.active !== 1 && ok ? `已停用的账号尝试登录：${username}` : `登录失败：${username}`,
      });
      if (lockedNow && user) {
        await writeAudit(trx, who, {
          ...base,
          action: 'auth.locked',
          summary: `连续登录失败 ${THROTTLE.maxFailures} 次，账号锁定 ${THROTTLE.lockMinutes} 分钟：${username}`,
        });
      }
    });
    throw new LoginError(LOGIN_FAILED);
  }

  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = minutesFrom(now, SESSION.absoluteHours * 60);
  await db.k.transaction().execute(async (trx) => {
    await clearThrottle(trx, acctKey);
    // Housekeeping on every successful login keeps both tables small without a scheduler.
    await store.deleteExpiredSessions(trx, now);
    await purgeThrottle(trx, THROTTLE.windowMinutes, now);
    await store.insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      ip: ctx.ip,
      user_agent: ctx.userAgent?.slice(0, 300) ?? null,
    });
    await store.updateUser(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    await writeAudit(
      trx,
      { id: user.id, name: `${user.display_name}（${user.username}）`, ip: ctx.ip },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        unitId: primary?.unitId ?? null,
        jurisdictionId: primary?.jurisdictionId ?? null,
        summary: `登录后台：${user.username}`,
      },
    );
  });
  return { token, userId: user.id, mustChangePassword: user.must_change_password === 1, expiresAt };
}

export type { SessionInfo };

/** Resolve a session cookie to an actor; undefined when missing, expired, idle or disabled. */
export async function resolveSession(
  db: Db,
  token: string | undefined,
  ip: string | null,
): Promise<SessionInfo | undefined> {
  if (!token || token.length > 100) return undefined;
  const id = sessionIdOf(token);
  const now = nowIso();
  const s = await store.findSession(db.k, id, now);
  if (!s) return undefined;
  if (s.active !== 1 || minutesFrom(s.last_seen_at, SESSION.idleMinutes) <= now) {
    await store.deleteSession(db.k, id);
    return undefined;
  }
  if (minutesFrom(s.last_seen_at, SESSION.touchEveryMinutes) <= now) await store.touchSession(db.k, id, now);
  const grants = (await grantsOf(db.k, [s.user_id])).get(s.user_id) ?? [];
  return {
    sessionId: id,
    mustChangePassword: s.must_change_password === 1,
    actor: { kind: 'user', userId: s.user_id, username: s.username, displayName: s.display_name, grants, ip },
  };
}

export async function logout(db: Db, session: SessionInfo): Promise<void> {
  await db.k.transaction().execute(async (trx) => {
    await store.deleteSession(trx, session.sessionId);
    const g = session.actor.grants[0];
    await writeAudit(trx, auditActor(session.actor), {
      action: 'auth.logout',
      objectType: 'user',
      objectId: session.actor.userId,
      unitId: g?.unitId,
      jurisdictionId: g?.jurisdictionId,
      summary: `退出登录：${session.actor.username}`,
    });
  });
}

const changeSchema = z
  .object({
    current_password: z.string().min(1, '请填写当前密码'),
    new_password: z.string().min(1, '请填写新密码'),
    confirm_password: z.string().min(1, '请再次填写新密码'),
  })
  .superRefine((v, ctx) => {
    if (v.new_password !== v.confirm_password)
      ctx.addIssue({ code: 'custom', path: ['confirm_password'], message: '两次填写的新密码不一致' });
    if (v.new_password === v.current_password)
      ctx.addIssue({ code: 'custom', path: ['new_password'], message: '新密码不能与当前密码相同' });
  });

/** A signed-in user changes their own password; other sessions of the user are ended. */
export async function changeOwnPassword(db: Db, session: SessionInfo, raw: unknown): Promise<void> {
  const input = parseInput(changeSchema, raw);
  const actor = session.actor;
  const problem = passwordProblem(input.new_password, actor.username);
  if (problem) throw new ValidationError({ new_password: problem });
  const user = await store.findUser(db.k, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.current_password))) {
    throw new ValidationError({ current_password: '当前密码不正确' });
  }
  const hashed = await hashPassword(input.new_password);
  const now = nowIso();
  await db.k.transaction().execute(async (trx) => {
    await store.updateUser(trx, user.id, {
      password_hash: hashed,
      must_change_password: flag(false),
      password_changed_at: now,
      updated_at: now,
    });
    await store.deleteUserSessions(trx, user.id, session.sessionId);
    const g = actor.grants[0];
    await writeAudit(trx, auditActor(actor), {
      action: 'user.password_change',
      objectType: 'user',
      objectId: user.id,
      unitId: g?.unitId,
      jurisdictionId: g?.jurisdictionId,
      summary: `修改本人密码：${user.username}`,
    });
  });
}
