import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { createUser, updateUser, listUsers, getUser, resetPassword } from './users.js';
import { login } from './service.js';
import { ValidationError, ForbiddenError } from '../platform/errors.js';

describeEachDb('account management', (db) => {
  it('seeds', async () => {
    await seedDemoDb(db());
  });

  it('creates an account with roles, audited, that must change its password', async () => {
    const admin = await actorFor(db(), 'admin');
    const unit = await unitIdByName(db(), '示范县教育局');
    const id = await createUser(db(), admin, {
      username: 'jyj.bianji',
      display_name: '教育局 周编',
      password: 'Start2026x',
      role_0: 'editor',
      unit_0: String(unit),
    });
    const u = await getUser(db(), admin, id);
    expect(u.grants.map((g) => [g.role, g.unitName])).toEqual([['editor', '示范县教育局']]);
    expect(u.must_change_password).toBe(1);
    const entry = await db()
      .k.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('object_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe('系统管理员（admin）');
    expect(entry.unit_id).toBe(unit);
    expect(JSON.parse(entry.after_json!)).toEqual({
      username: 'jyj.bianji',
      display_name: '教育局 周编',
      roles: [`editor@${unit}`],
    });
    expect(
      (await login(db(), { username: 'jyj.bianji', password: 'Start2026x' }, { ip: '1.1.1.1', userAgent: null }))
        .mustChangePassword,
    ).toBe(true);
  });

  it('reports every bad field at once and writes nothing', async () => {
    const admin = await actorFor(db(), 'admin');
    const before = await db().k.selectFrom('users').select('id').execute();
    const e = await createUser(db(), admin, {
      username: 'a',
      display_name: '',
      password: 'short',
      role_0: 'editor',
      unit_0: '',
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors).toEqual({
      username: '用户名至少 3 个字符',
      display_name: '请填写姓名',
      unit_0: '请选择该角色所属单位',
      password: '密码至少 8 位',
    });
    const dup = await createUser(db(), admin, {
      username: 'gkb',
      display_name: '重复',
      password: 'Start2026x',
      role_0: 'editor',
      unit_0: String(await unitIdByName(db(), '示范县教育局')),
    }).catch((x: unknown) => x);
    expect((dup as ValidationError).fieldErrors).toEqual({ username: '该用户名已被使用' });
    const noRole = await createUser(db(), admin, {
      username: 'norole',
      display_name: '无角色',
      password: 'Start2026x',
    }).catch((x: unknown) => x);
    expect((noRole as ValidationError).fieldErrors).toEqual({ role_0: '每个账号至少要有一个角色' });
    expect(await db().k.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });

  it('lets only system administrators manage accounts', async () => {
    for (const name of ['gkb', 'shiji', 'cgz.bianji', 'cgz.shenhe', 'cgz.banli']) {
      const actor = await actorFor(db(), name);
      await expect(listUsers(db(), actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        createUser(db(), actor, {
          username: 'x1x',
          display_name: 'x',
          password: 'Start2026x',
          role_0: 'editor',
          unit_0: '1',
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('refuses a role on a unit outside the administrator’s county', async () => {
    const admin = await actorFor(db(), 'admin');
    const j = await db()
      .k.insertInto('jurisdictions')
      .values({ code: '880101', name: '别的县', level: 'county', parent_id: null, created_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await db()
      .k.insertInto('units')
      .values({
        jurisdiction_id: j.id,
        parent_id: null,
        kind: 'county_government',
        name: '别的县人民政府',
        short_name: null,
        credit_code: null,
        sort_order: 0,
        active: 1,
        receives_requests: 1,
        office_name: null,
        office_address: null,
        office_hours: null,
        office_phone: null,
        office_fax: null,
        office_email: null,
        office_postcode: null,
        office_website: null,
        created_at: 'x',
        updated_at: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await createUser(db(), admin, {
      username: 'outsider',
      display_name: '外县',
      password: 'Start2026x',
      role_0: 'editor',
      unit_0: String(other.id),
    }).catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors).toEqual({ unit_0: '您无权为该单位分配角色' });
    const listed = await listUsers(db(), admin);
    expect(listed.map((u) => u.username)).toContain('cgz.bianji');
  });

  it('edits roles, refuses removing the own admin role, and resets passwords', async () => {
    const admin = await actorFor(db(), 'admin');
    const target = await actorFor(db(), 'mzj.bianji');
    const mz = await unitIdByName(db(), '示范县民政局');
    await updateUser(db(), admin, target.userId, {
      display_name: '民政局 陈编',
      role_0: 'editor',
      unit_0: String(mz),
      role_1: 'reviewer',
      unit_1: String(mz),
    });
    expect((await getUser(db(), admin, target.userId)).grants.map((g) => g.role)).toEqual(['editor', 'reviewer']);
    const self = await updateUser(db(), admin, admin.userId, {
      display_name: '系统管理员',
      role_0: 'editor',
      unit_0: String(mz),
    }).catch((x: unknown) => x);
    expect((self as ValidationError).fieldErrors).toEqual({ role_0: '不能取消自己的系统管理员角色' });
    await resetPassword(db(), admin, target.userId, { password: 'Reset2026a' });
    const r = await login(db(), { username: 'mzj.bianji', password: 'Reset2026a' }, { ip: '2.2.2.2', userAgent: null });
    expect(r.mustChangePassword).toBe(true);
  });
});
