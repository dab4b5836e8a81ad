/** Commands of the auth module: `init` (a real county and its administrator), `create-user`, `reset-password`. */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import * as org from '../org/api.js';
import { initCounty } from '../org/seed.js';
import { auditActor, ROLE_LABELS, ROLES, type Role, systemActor } from '../platform/access.js';
import { writeAudit } from '../platform/audit.js';
import { ConfigError } from '../platform/config.js';
import { nowIso } from '../platform/dialect.js';
import type { CliCommand } from '../platform/module.js';
import { clearThrottle } from '../platform/throttle.js';
import { hashPassword, passwordProblem } from './passwords.js';
import * as store from './store.js';
import { bootstrapUser } from './users.js';

export const tempPassword = () =>
  `Gk${crypto.randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}${crypto.randomInt(10, 99)}`;

const init: CliCommand = {
  name: 'init',
  help: `  init --county <代码或名称>      按全国区划代码表创建一个县（区）及其乡镇（街道），并创建系统管理员
       [--host <域名>] [--admin <用户名>] [--admin-name <姓名>]`,
  async run(args, { out, withDb }) {
    const { values } = parseArgs({
      args,
      options: {
        county: { type: 'string' },
        host: { type: 'string' },
        admin: { type: 'string', default: 'admin' },
        'admin-name': { type: 'string', default: '系统管理员' },
      },
    });
    if (!values.county)
      throw new ConfigError('请用 --county 指定县（区）的 6 位区划代码或名称，如：gongkai init --county 530926');
    return withDb(async (db) => {
      if (await store.findUserByUsername(db.k, values.admin!))
        throw new ConfigError(`用户名“${values.admin}”已被使用，请用 --admin 指定其他系统管理员用户名`);
      const r = await initCounty(db, values.county!, auditActor(systemActor()), { host: values.host });
      const password = tempPassword();
      await bootstrapUser(
        db,
        {
          username: values.admin!,
          displayName: values['admin-name']!,
          password,
          grants: [{ role: 'system_admin', unitId: r.governmentUnitId }],
          mustChange: true,
        },
        systemActor(),
      );
      out(`已创建 ${r.countyName}（${r.countyCode}），门户名称“${r.siteName}”。`);
      out(`乡级区划 ${r.townships.length} 个：`);
      for (const t of r.townships)
        out(`  ${t.code} ${t.name}${t.unit ? ` → ${t.unit}` : '（已建行政区，未建单位，请按实际情况在后台添加）'}`);
      out(`系统管理员：${values.admin}　临时密码：${password}（首次登录须修改）`);
      out('请登录管理后台补充县直部门和各单位的政府信息公开工作机构信息。');
      return 0;
    });
  },
};

const createUser: CliCommand = {
  name: 'create-user',
  help: `  create-user --username <用户名> --name <姓名> --role <角色> --unit <单位编号或全称> [--password <密码>]
                                 角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`,
  async run(args, { out, withDb }) {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        unit: { type: 'string' },
        password: { type: 'string' },
      },
    });
    if (!values.username || !values.name || !values.role || !values.unit)
      throw new ConfigError('create-user 需要 --username、--name、--role 和 --unit');
    if (!(ROLES as readonly string[]).includes(values.role))
      throw new ConfigError(`未知角色“${values.role}”，可选：${ROLES.join('、')}`);
    return withDb(
      async (db) => {
        const unit = await org.unitByRef(db.k, values.unit!);
        if (!unit) throw new ConfigError(`未找到单位“${values.unit}”`);
        if (await store.findUserByUsername(db.k, values.username!))
          throw new ConfigError(`用户名“${values.username}”已被使用`);
        const password = values.password ?? tempPassword();
        const problem = passwordProblem(password, values.username);
        if (problem) throw new ConfigError(problem);
        await bootstrapUser(
          db,
          {
            username: values.username!,
            displayName: values.name!,
            password,
            grants: [{ role: values.role as Role, unitId: unit.id }],
            mustChange: true,
          },
          systemActor(),
        );
        out(
          `已创建账号 ${values.username}（${ROLE_LABELS[values.role as Role]}，${unit.name}）${values.password ? '' : `，临时密码：${password}`}，首次登录须修改密码。`,
        );
        return 0;
      },
      { readOnly: true },
    );
  },
};

const resetPassword: CliCommand = {
  name: 'reset-password',
  help: '  reset-password --username <用户名>   生成临时密码，用户下次登录须修改',
  async run(args, { out, withDb }) {
    const { values } = parseArgs({ args, options: { username: { type: 'string' } } });
    if (!values.username) throw new ConfigError('请用 --username 指定账号');
    return withDb(
      async (db) => {
        const user = await store.findUserByUsername(db.k, values.username!);
        if (!user) throw new ConfigError(`未找到账号“${values.username}”`);
        const password = tempPassword();
        const hashed = await hashPassword(password);
        await db.k.transaction().execute(async (trx) => {
          await store.updateUser(trx, user.id, {
            password_hash: hashed,
            must_change_password: 1,
            failed_logins: 0,
            locked_until: null,
            active: 1,
            updated_at: nowIso(),
          });
          await store.deleteUserSessions(trx, user.id);
          await clearThrottle(trx, `acct:${user.username.toLowerCase()}`);
          await writeAudit(trx, auditActor(systemActor()), {
            action: 'user.password_reset',
            objectType: 'user',
            objectId: user.id,
            summary: `命令行重置账号“${user.username}”的密码`,
          });
        });
        out(`账号 ${user.username} 的临时密码：${password}（下次登录须修改）`);
        return 0;
      },
      { readOnly: true },
    );
  },
};

export const cli: CliCommand[] = [init, createUser, resetPassword];
