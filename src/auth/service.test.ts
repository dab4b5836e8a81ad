import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor } from '../testing.js';
import {
  login,
  resolveSession,
  logout,
  changeOwnPassword,
  LOGIN_FAILED,
  LOGIN_THROTTLED,
  THROTTLE,
  LoginError,
} from './service.js';
import { setUserActive } from './users.js';
import { systemActor } from '../platform/access.js';
import { ValidationError } from '../platform/errors.js';

const PW = 'Shifan2026';

describeEachDb('auth service', (db) => {
  it('seeds the demo accounts', async () => {
    await seedDemoDb(db());
  });

  it('logs in with the right password, creates a session and audits it', async () => {
    const r = await login(db(), { username: 'cgz.bianji', password: PW }, { ip: '10.1.1.1', userAgent: 'test' });
    expect(r.token.length).toBeGreaterThan(30);
    const s = await resolveSession(db(), r.token, '10.1.1.1');
    expect(s?.actor.username).toBe('cgz.bianji');
    expect(s?.actor.grants.map((g) => [g.role, g.unitName])).toEqual([['editor', '城关镇人民政府']]);
    // the database stores only a hash of the token
    const stored = await db().k.selectFrom('sessions').select('id').execute();
    expect(stored.map((x) => x.id)).not.toContain(r.token);
    const audit = await db().k.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').execute();
    expect(audit.at(-1)).toMatchObject({
      actor_name: '城关镇 张编（cgz.bianji）',
      ip: '10.1.1.1',
      object_type: 'user',
    });
    await logout(db(), s!);
    expect(await resolveSession(db(), r.token, null)).toBeUndefined();
  });

  it('gives the same message for a wrong password and an unknown account', async () => {
    const a = await login(db(), { username: 'gkb', password: 'wrong-1' }, { ip: '10.2.0.1', userAgent: null }).catch(
      (e: unknown) => e,
    );
    const b = await login(db(), { username: 'nobody', password: 'wrong-1' }, { ip: '10.2.0.2', userAgent: null }).catch(
      (e: unknown) => e,
    );
    expect(a).toBeInstanceOf(LoginError);
    expect((a as Error).message).toBe(LOGIN_FAILED);
    expect((b as Error).message).toBe(LOGIN_FAILED);
  });

  it('refuses empty fields with field errors', async () => {
    const e = await login(db(), { username: '', password: '' }, { ip: '10.2.0.3', userAgent: null }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors).toEqual({ username: '请填写用户名', password: '请填写密码' });
  });

  it(`locks an account after ${THROTTLE.maxFailures} failures, even from different addresses, and the right password then fails too`, async () => {
    for (let i = 0; i < THROTTLE.maxFailures; i++) {
      await expect(
        login(db(), { username: 'shq.bianji', password: `bad${i}` }, { ip: `10.3.0.${i}`, userAgent: null }),
      ).rejects.toThrow(LOGIN_FAILED);
    }
    await expect(
      login(db(), { username: 'shq.bianji', password: PW }, { ip: '10.3.1.1', userAgent: null }),
    ).rejects.toThrow(LOGIN_THROTTLED);
    const locked = await db().k.selectFrom('audit_log').select('summary').where('action', '=', 'auth.locked').execute();
    expect(locked.some((l) => l.summary.includes('shq.bianji'))).toBe(true);
  });

  it(`throttles an address after ${THROTTLE.maxFailures} failures across different accounts`, async () => {
    const ip = '10.4.0.1';
    const names = ['gkb', 'shiji', 'cgz.shenhe', 'cgz.banli', 'mzj.bianji'];
    for (const n of names)
      await expect(login(db(), { username: n, password: 'nope' }, { ip, userAgent: null })).rejects.toThrow(
        LOGIN_FAILED,
      );
    await expect(login(db(), { username: 'admin', password: PW }, { ip, userAgent: null })).rejects.toThrow(
      LOGIN_THROTTLED,
    );
    // another address is not affected, and the accounts themselves are not locked by one failure each
    const ok = await login(db(), { username: 'gkb', password: PW }, { ip: '10.4.0.2', userAgent: null });
    expect(ok.token).toBeTruthy();
  });

  it('refuses a disabled account with the generic message and ends its sessions', async () => {
    const r = await login(db(), { username: 'cgz.banli', password: PW }, { ip: '10.5.0.1', userAgent: null });
    const user = await actorFor(db(), 'cgz.banli');
    await setUserActive(db(), systemActor(), user.userId, false);
    expect(await resolveSession(db(), r.token, null)).toBeUndefined();
    await expect(
      login(db(), { username: 'cgz.banli', password: PW }, { ip: '10.5.0.2', userAgent: null }),
    ).rejects.toThrow(LOGIN_FAILED);
    await setUserActive(db(), systemActor(), user.userId, true);
    expect(
      (await login(db(), { username: 'cgz.banli', password: PW }, { ip: '10.5.0.3', userAgent: null })).token,
    ).toBeTruthy();
  });

  it('changes the own password only with the current one, and ends other sessions', async () => {
    const first = await login(db(), { username: 'cgz.shenhe', password: PW }, { ip: '10.6.0.1', userAgent: null });
    const second = await login(db(), { username: 'cgz.shenhe', password: PW }, { ip: '10.6.0.2', userAgent: null });
    const s = (await resolveSession(db(), second.token, null))!;
    const bad = await changeOwnPassword(db(), s, {
      current_password: 'x',
      new_password: 'abc',
      confirm_password: 'abd',
    }).catch((e: unknown) => e);
    expect((bad as ValidationError).fieldErrors).toEqual({ confirm_password: '两次填写的新密码不一致' });
    const weak = await changeOwnPassword(db(), s, {
      current_password: PW,
      new_password: 'abcdefgh',
      confirm_password: 'abcdefgh',
    }).catch((e: unknown) => e);
    expect((weak as ValidationError).fieldErrors).toEqual({ new_password: '密码须同时包含字母和数字' });
    const wrong = await changeOwnPassword(db(), s, {
      current_password: 'Wrong123',
      new_password: 'Newpass2026',
      confirm_password: 'Newpass2026',
    }).catch((e: unknown) => e);
    expect((wrong as ValidationError).fieldErrors).toEqual({ current_password: '当前密码不正确' });
    await changeOwnPassword(db(), s, {
      current_password: PW,
      new_password: 'Newpass2026',
      confirm_password: 'Newpass2026',
    });
    expect(await resolveSession(db(), first.token, null)).toBeUndefined();
    expect(await resolveSession(db(), second.token, null)).toBeDefined();
    await expect(
      login(db(), { username: 'cgz.shenhe', password: PW }, { ip: '10.6.0.3', userAgent: null }),
    ).rejects.toThrow(LOGIN_FAILED);
    expect(
      (await login(db(), { username: 'cgz.shenhe', password: 'Newpass2026' }, { ip: '10.6.0.4', userAgent: null }))
        .token,
    ).toBeTruthy();
  });
});

describeEachDb('auth housekeeping', (db) => {
  it('removes expired sessions and stale failure counters on the next login', async () => {
    await seedDemoDb(db());
    const user = await actorFor(db(), 'gkb');
    await db()
      .k.insertInto('sessions')
      .values({
        id: 'old',
        user_id: user.userId,
        created_at: '2020-01-01T00:00:00.000Z',
        expires_at: '2020-01-01T12:00:00.000Z',
        last_seen_at: '2020-01-01T00:00:00.000Z',
        ip: null,
        user_agent: null,
      })
      .execute();
    await db()
      .k.insertInto('throttle')
      .values({
        key: 'ip:10.0.0.99',
        count: 5,
        window_start: '2020-01-01T00:00:00.000Z',
        locked_until: '2020-01-01T00:15:00.000Z',
      })
      .execute();
    await db()
      .k.insertInto('throttle')
      .values({
        key: 'ip:10.0.0.98',
        count: 5,
        window_start: '2099-01-01T00:00:00.000Z',
        locked_until: '2099-01-01T00:15:00.000Z',
      })
      .execute();
    await login(db(), { username: 'gkb', password: PW }, { ip: '10.0.0.1', userAgent: null });
    expect(await db().k.selectFrom('sessions').select('id').where('id', '=', 'old').executeTakeFirst()).toBeUndefined();
    const keys = (await db().k.selectFrom('throttle').select('key').execute()).map((r) => r.key);
    expect(keys).not.toContain('ip:10.0.0.99');
    expect(keys).toContain('ip:10.0.0.98');
  });
});
