/** Composition root and CLI: config → database → app → listen. */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig, ConfigError, type Config } from './platform/config.js';
import { openDatabase, migrate, migrationStatus, DbOpenError, type Db } from './platform/db.js';
import { AppError } from './platform/errors.js';
import { createApp } from './platform/web/app.js';
import { systemActor, auditActor, ROLES, ROLE_LABELS, type Role } from './auth/policy.js';
import { bootstrapUser } from './auth/users.js';
import * as authStore from './auth/store.js';
import { hashPassword } from './auth/passwords.js';
import { bumpGeneration, PageCache } from './platform/web/page-cache.js';
import { createServer } from './platform/web/server.js';
import { initCounty, seedDemo, isDemo, isEmpty, DEMO } from './org/seed.js';
import { loadRegions } from './org/regions.js';
import { writeAudit } from './platform/audit.js';
import { nowIso } from './platform/dialect.js';

const HELP = `公开（Gongkai）基层政务公开标准化规范化平台

用法：gongkai <命令> [选项]

命令：
  serve [--demo]                 启动门户和管理后台（启动时自动迁移数据库）；--demo：数据库为空时载入示范县
  migrate [--status]             执行数据库迁移；--status 只列出迁移状态
  init --county <代码或名称>      按全国区划代码表创建一个县（区）及其乡镇（街道），并创建系统管理员
       [--host <域名>] [--admin <用户名>] [--admin-name <姓名>]
  demo                           在空数据库中载入示范县数据和演示账号
  create-user --username <用户名> --name <姓名> --role <角色> --unit <单位编号或全称> [--password <密码>]
                                 角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}
  reset-password --username <用户名>   生成临时密码，用户下次登录须修改
  deadline --from <日期> (--working-days <N> | --days <N>) [--explain] [--county <区划代码>]
                                 按工作日历计算期限截止日，如 deadline --from 2025-09-20 --working-days 20
  calendar-import <文件.json|.ics> [--full-year] [--county <区划代码>]
                                 导入节假日安排或地方性节假日（--full-year：该文件是某年全年安排）
  catalog export --unit <单位编号、全称或统一社会信用代码> [--format xlsx|docx] [--out <文件>]
                                 按模板导出单位的政务公开事项标准目录（工作稿）
  catalog import --unit <单位> <文件.xlsx> [--append]
                                 从 Excel 导入目录（替换工作稿，--append 为追加）；有任何错误则不导入
  annual-report (--unit <单位> | --county <区划代码>) --year <年份> [--format json]
                                 年度报告表二第二十条第（一）项（按已发布的规章、行政规范性文件统计）、表三（收到和处理政府信息公开申请情况，按 regulations §2.7 的键名）和表四
  search-reindex                 按政府信息记录重建检索索引（恢复备份后或索引与记录不一致时使用；重建期间检索照常可用）
  timelimit <公开时限文字>        把目录中的公开时限解析为规则（读不懂的给出“需人工设定”）
  regions <代码或名称>            查询全国区划代码表中的县级行政区
  help                           显示本帮助

环境变量：
  PORT（默认 3000）  HOST（默认 0.0.0.0）  DATA_DIR（默认 data/local，内置 SQLite 数据库所在目录）
  DATABASE_URL（postgres://…，设置后使用 PostgreSQL）  TRUST_PROXY=1（位于反向代理之后）
  SECURE_COOKIES=1（强制 Cookie 的 Secure 属性）  LOG_LEVEL（默认 info）
  SMTP_URL（smtp://…，发送通知邮件；不设置时通知写入日志）  MAIL_FROM（发件人）
  SMS_WEBHOOK_URL（短信网关，接收 POST {"to","text"}）  SMS_WEBHOOK_TOKEN
  PAGE_CACHE=0（关闭门户页面内存缓存）  SEARCH_TOTAL_LIMIT（默认 10000，检索精确计数的上限）
`;

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

const tempPassword = () =>
  `Gk${crypto.randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}${crypto.randomInt(10, 99)}`;

/** Run a command on the migrated database; `readOnly` commands leave running servers' page caches alone. */
async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const result = await fn(db);
    // A command may have changed what the portal shows: running servers refresh their page cache.
    if (!opts.readOnly) await bumpGeneration(db);
    return result;
  } finally {
    await db.close();
  }
}

/** The fictional 示范县 with its accounts, catalogs and published information (`serve --demo`, `demo`). */
async function seedDemoCounty(db: Db): Promise<void> {
  await seedDemo(db, auditActor(systemActor('系统（示范数据）')), (u) => createDemoAccount(db, u));
  await (await import('./publishing/demo.js')).seedDemoPublishing(db);
}

async function createDemoAccount(
  db: Db,
  u: { username: string; displayName: string; password: string; role: string; unitId: number },
) {
  await bootstrapUser(
    db,
    {
      username: u.username,
      displayName: u.displayName,
      password: u.password,
      grants: [{ role: u.role as Role, unitId: u.unitId }],
      mustChange: false,
    },
    systemActor('系统（示范数据）'),
  );
}

function printDemoAccounts(url: string) {
  out('');
  out('示范县演示账号（密码均为 ' + DEMO.password + '，仅供体验，正式使用前请用 gongkai init 创建真实县区）：');
  for (const a of DEMO.accounts) out(`  ${a.username.padEnd(12)} ${ROLE_LABELS[a.role as Role]}　${a.unit}`);
  out(`门户：${url}/　　管理后台：${url}/admin`);
}

async function cmdServe(config: Config, demo: boolean): Promise<number> {
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase(config);
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, '数据库迁移完成');
  if (demo && (await isEmpty(db))) {
    await seedDemoCounty(db);
    logger.info('已载入示范县数据');
  }
  const pages = config.pageCache ? new PageCache(db) : undefined;
  const app = createApp({ db, config, logger, pageCache: pages });
  // Notification dispatcher: e-mail when SMTP_URL is set; otherwise notifications are logged.
  const { dispatchNotifications, smtpTransport, smsWebhookTransport } = await import('./platform/notify.js');
  const transports = {
    ...(config.smtpUrl ? { email: smtpTransport(config.smtpUrl, config.mailFrom) } : {}),
    ...(config.smsWebhookUrl ? { sms: smsWebhookTransport(config.smsWebhookUrl, config.smsWebhookToken) } : {}),
  };
  const timer = setInterval(
    () =>
      void dispatchNotifications(db, transports, logger).catch((e: Error) =>
        logger.warn({ err: e.message }, 'notification dispatch failed'),
      ),
    15_000,
  );
  timer.unref();
  // Scheduled publication (定时发布): publish what is due, every minute.
  const { publishDue } = await import('./publishing/service.js');
  const publisher = setInterval(
    () =>
      void publishDue(db)
        .then(async (n) => {
          if (n) {
            logger.info({ published: n }, '定时发布');
            await bumpGeneration(db);
          }
        })
        .catch((e: Error) => logger.warn({ err: e.message }, 'scheduled publication failed')),
    60_000,
  );
  publisher.unref();
  const server = createServer(app, pages ?? null);
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  }).catch((e: NodeJS.ErrnoException) => {
    throw new ConfigError(
      e.code === 'EADDRINUSE'
        ? `端口 ${config.port} 已被占用，请设置其他 PORT / port ${config.port} is in use`
        : e.message,
    );
  });
  const url = `http://localhost:${config.port}`;
  out(
    `公开（Gongkai）已启动：${url}（数据库：${db.dialect === 'sqlite' ? `SQLite ${db.location}` : `PostgreSQL ${db.location}`}）`,
  );
  if (await isDemo(db)) printDemoAccounts(url);
  const stop = () => {
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return await new Promise<number>(() => undefined);
}

/**
 * `gongkai deadline`: the county's calendar when a database exists (local adjustments, imported
 * years, counting rules), otherwise the shipped national calendar with the default rules.
 */
async function cmdDeadline(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'working-days': { type: 'string' },
      days: { type: 'string' },
      explain: { type: 'boolean', default: false },
      county: { type: 'string' },
    },
  });
  const { parseDeadlineQuery, computeDeadline } = await import('./calendar/routes.js');
  const { WorkCalendar, CalendarMissingError } = await import('./calendar/calendar.js');
  const { loadShippedSchedules } = await import('./calendar/data.js');
  const { DEFAULT_RULES } = await import('./calendar/clock.js');
  const { calendarFor, rulesFor } = await import('./calendar/service.js');
  let q: ReturnType<typeof parseDeadlineQuery>;
  try {
    q = parseDeadlineQuery({ from: values.from, workingDays: values['working-days'], days: values.days });
  } catch (e) {
    if (e instanceof AppError && 'fieldErrors' in e) {
      err(
        Object.values((e as unknown as { fieldErrors: Record<string, string> }).fieldErrors)
          .join('；')
          .replace('workingDays', '--working-days')
          .replace('days', '--days'),
      );
      return 2;
    }
    throw e;
  }
  const fs = await import('node:fs');
  const path = await import('node:path');
  const hasDb = Boolean(config.databaseUrl) || fs.existsSync(path.join(config.dataDir, 'gongkai.sqlite'));
  let cal = new WorkCalendar(loadShippedSchedules());
  let rules = DEFAULT_RULES;
  if (hasDb) {
    await withDb(
      config,
      async (db) => {
        const code =
          values.county ??
          (
            await db.k
              .selectFrom('sites')
              .innerJoin('jurisdictions', 'jurisdictions.id', 'sites.jurisdiction_id')
              .select('jurisdictions.code')
              .orderBy('sites.id')
              .executeTakeFirst()
          )?.code;
        if (code) {
          cal = await calendarFor(db.k, code);
          rules = await rulesFor(db.k, code);
        }
      },
      { readOnly: true },
    );
  }
  try {
    const d = computeDeadline(cal, rules, q);
    out(d.due);
    if (values.explain) for (const [i, s] of d.steps.entries()) out(`${i + 1}. ${s}`);
    return 0;
  } catch (e) {
    if (e instanceof CalendarMissingError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
}

async function cmdCatalog(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      append: { type: 'boolean', default: false },
    },
  });
  if (sub !== 'export' && sub !== 'import')
    throw new ConfigError('用法：gongkai catalog export|import --unit <单位> …（运行 gongkai help 查看）');
  if (!values.unit) throw new ConfigError('请用 --unit 指定单位（单位编号、全称或统一社会信用代码）');
  const fs = await import('node:fs');
  const { catalogForUnit } = await import('./catalog/service.js');
  const exchange = await import('./catalog/exchange/service.js');
  return withDb(
    config,
    async (db) => {
      const u = values.unit!;
      const unit = await db.k
        .selectFrom('units')
        .select(['id', 'name'])
        .where((eb) =>
          eb.or([
            eb('name', '=', u),
            eb('credit_code', '=', u.toUpperCase()),
            ...(/^\d+$/.test(u) ? [eb('id', '=', Number(u))] : []),
          ]),
        )
        .executeTakeFirst();
      if (!unit) throw new ConfigError(`未找到单位“${u}”`);
      const actor = systemActor();
      const catalogId = await catalogForUnit(db, actor, unit.id);
      if (sub === 'export') {
        if (values.format !== 'xlsx' && values.format !== 'docx') throw new ConfigError('--format 只能是 xlsx 或 docx');
        const f = await exchange.exportCatalog(db, actor, catalogId, values.format);
        const outPath = values.out ?? f.filename;
        fs.writeFileSync(outPath, f.body);
        out(`已导出 ${unit.name}的目录到 ${outPath}`);
        return 0;
      }
      if (positionals.length !== 1) throw new ConfigError('请给出要导入的 .xlsx 文件');
      const file = positionals[0];
      if (!fs.existsSync(file)) throw new ConfigError(`文件不存在：${file}`);
      try {
        const p = await exchange.previewImport(db, actor, catalogId, file.split('/').pop()!, fs.readFileSync(file));
        const n = await exchange.commitImport(db, actor, p.token, values.append ? 'append' : 'replace');
        out(
          `已为${unit.name}导入 ${n} 项（${values.append ? '追加' : '替换工作稿'}）。提交审核并发布后才会出现在门户上。`,
        );
        return 0;
      } catch (e) {
        if (e instanceof exchange.ImportFailed) {
          err(e.message);
          for (const x of e.errors)
            err(
              `  ${x.sheet ? `工作表“${x.sheet}” ` : ''}${x.row ? `第 ${x.row} 行 ` : ''}${x.column ? `${x.column} 列 ` : ''}${x.message}`,
            );
          return 1;
        }
        throw e;
      }
    },
    { readOnly: sub === 'export' },
  );
}

export async function runCli(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    if (command === 'help' || command === '--help' || command === '-h') {
      out(HELP);
      return 0;
    }
    if (command === 'timelimit') {
      const text = rest.join(' ').trim();
      if (!text) throw new ConfigError('请给出公开时限文字，如：gongkai timelimit "信息形成或变更之日起20个工作日内"');
      const { parseTimeLimit, describeTimeLimit } = await import('./calendar/timelimit.js');
      const p = parseTimeLimit(text);
      out(describeTimeLimit(p));
      if (p.note) out(`说明：${p.note}`);
      out(JSON.stringify({ status: p.status, lawOverride: p.lawOverride, rules: p.rules }, null, 2));
      return p.status === 'parsed' ? 0 : 3;
    }
    if (command === 'regions') {
      const q = rest.join(' ').trim();
      if (!q) throw new ConfigError('请给出区划代码或名称，如：gongkai regions 530926');
      const table = loadRegions();
      const list = table.findCounties(q);
      if (!list.length) throw new ConfigError(`未找到行政区划“${q}”`);
      for (const r of list.slice(0, 50))
        out(
          `${r.code}\t${r.name}\t${table
            .parentChain(r.code)
            .map((p) => p.name)
            .join(' ')}`,
        );
      return 0;
    }
    const config = loadConfig();
    switch (command) {
      case 'deadline':
        return await cmdDeadline(config, rest);
      case 'catalog':
        return await cmdCatalog(config, rest);
      case 'annual-report': {
        const { values } = parseArgs({
          args: rest,
          options: {
            unit: { type: 'string' },
            county: { type: 'string' },
            year: { type: 'string' },
            format: { type: 'string', default: 'json' },
          },
        });
        const year = Number(values.year);
        if (!Number.isInteger(year) || year < 2008 || year > 2100)
          throw new ConfigError('请用 --year 指定年份，如 --year 2025');
        if (values.format !== 'json') throw new ConfigError('目前只支持 --format json');
        if (!values.unit === !values.county)
          throw new ConfigError('请用 --unit 指定单位，或用 --county 指定县（区）汇总');
        const { table3ForUnits, table4ForUnits } = await import('./reports/service.js');
        const { table2Of } = await import('./reports/table2.js');
        return await withDb(
          config,
          async (db) => {
            let ids: number[];
            let name: string;
            if (values.unit) {
              const u = values.unit;
              const unit = await db.k
                .selectFrom('units')
                .select(['id', 'name'])
                .where((eb) =>
                  eb.or([
                    eb('name', '=', u),
                    eb('credit_code', '=', u.toUpperCase()),
                    ...(/^\d+$/.test(u) ? [eb('id', '=', Number(u))] : []),
                  ]),
                )
                .executeTakeFirst();
              if (!unit) throw new ConfigError(`未找到单位“${u}”`);
              ids = [unit.id];
              name = unit.name;
            } else {
              const units = await db.k
                .selectFrom('units')
                .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
                .select(['units.id'])
                .where('jurisdictions.code', 'like', `${values.county}%`)
                .execute();
              if (!units.length) throw new ConfigError(`未找到县（区）${values.county}`);
              ids = units.map((x) => x.id);
              name = values.county!;
            }
            const r = await table3ForUnits(db, ids, year);
            const t4 = await table4ForUnits(db, ids, year);
            const checks = [...r.problems, ...t4.problems];
            // table2: the 第二十条第（一）项 cells computed from the published 规章 and 行政规范性文件
            // (the other four cells are entered by the editor in the report, not printed here).
            const table2 = await table2Of(db, ids, year);
            out(JSON.stringify({ unit: name, year, table2, table3: r.table, table4: t4.table, checks }, null, 2));
            return checks.length ? 1 : 0;
          },
          { readOnly: true },
        );
      }
      case 'calendar-import': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { 'full-year': { type: 'boolean', default: false }, county: { type: 'string' } },
        });
        if (positionals.length !== 1)
          throw new ConfigError('请给出要导入的文件，如：gongkai calendar-import 2027.json --full-year');
        const fs = await import('node:fs');
        const path = await import('node:path');
        const file = positionals[0];
        if (!fs.existsSync(file)) throw new ConfigError(`文件不存在：${file}`);
        const { importSchedule } = await import('./calendar/service.js');
        return await withDb(config, async (db) => {
          let q = db.k
            .selectFrom('sites')
            .innerJoin('jurisdictions', 'jurisdictions.id', 'sites.jurisdiction_id')
            .select(['jurisdictions.id', 'jurisdictions.code', 'jurisdictions.name'])
            .orderBy('sites.id');
          if (values.county) q = q.where('jurisdictions.code', '=', values.county);
          const j = await q.executeTakeFirst();
          if (!j)
            throw new ConfigError(
              values.county
                ? `未找到已初始化的县（区）${values.county}`
                : '数据库中还没有县（区），请先运行 gongkai init',
            );
          const r = await importSchedule(
            db,
            systemActor(),
            { code: j.code, jurisdictionId: j.id, name: j.name },
            {
              filename: path.basename(file),
              content: fs.readFileSync(file, 'utf8'),
              fullYear: values['full-year'] ?? false,
            },
          );
          out(
            `已为${j.name}导入 ${r.days} 个日期（${r.years.join('、')}年）${r.markedYears.length ? `，${r.markedYears[0]}年已载入全年安排` : ''}；重新计算了 ${r.recomputed} 个进行中的期限。`,
          );
          return 0;
        });
      }
      case 'search-reindex':
        return await withDb(config, async (db) => {
          const { reindexRecords } = await import('./publishing/search.js');
          const started = Date.now();
          const total = Number(
            (
              await db.k
                .selectFrom('info_records')
                .select((e) => e.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
          const r = await reindexRecords(db, {
            progress: (done) => (done % 50_000 === 0 ? err(`  已处理 ${done} / ${total} 条`) : undefined),
          });
          out(
            `已重建检索索引：共 ${total} 条政府信息记录，${r.indexed} 条已公开发布的在索引中，移出 ${r.removed} 条不应检索到的，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
          );
          return 0;
        });
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
        return await cmdServe(config, values.demo ?? false);
      }
      case 'migrate': {
        const { values } = parseArgs({ args: rest, options: { status: { type: 'boolean', default: false } } });
        const db = await openDatabase(config);
        try {
          if (values.status) {
            for (const m of await migrationStatus(db)) out(`${m.executedAt ? '已执行' : '待执行'}  ${m.name}`);
          } else {
            const applied = await migrate(db);
            out(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新版本，无需迁移。');
          }
        } finally {
          await db.close();
        }
        return 0;
      }
      case 'init': {
        const { values } = parseArgs({
          args: rest,
          options: {
            county: { type: 'string' },
            host: { type: 'string' },
            admin: { type: 'string', default: 'admin' },
            'admin-name': { type: 'string', default: '系统管理员' },
          },
        });
        if (!values.county)
          throw new ConfigError('请用 --county 指定县（区）的 6 位区划代码或名称，如：gongkai init --county 530926');
        return await withDb(config, async (db) => {
          if (await authStore.findUserByUsername(db.k, values.admin!))
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
      }
      case 'demo':
        return await withDb(config, async (db) => {
          if (!(await isEmpty(db))) throw new ConfigError('数据库中已有数据，示范数据只能载入空数据库。');
          await seedDemoCounty(db);
          printDemoAccounts(`http://localhost:${config.port}`);
          return 0;
        });
      case 'create-user': {
        const { values } = parseArgs({
          args: rest,
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
        return await withDb(
          config,
          async (db) => {
            const unit = /^\d+$/.test(values.unit!)
              ? await db.k
                  .selectFrom('units')
                  .select(['id', 'name'])
                  .where('id', '=', Number(values.unit))
                  .executeTakeFirst()
              : await db.k
                  .selectFrom('units')
                  .select(['id', 'name'])
                  .where('name', '=', values.unit!)
                  .executeTakeFirst();
            if (!unit) throw new ConfigError(`未找到单位“${values.unit}”`);
            if (await authStore.findUserByUsername(db.k, values.username!))
              throw new ConfigError(`用户名“${values.username}”已被使用`);
            const password = values.password ?? tempPassword();
            const { passwordProblem } = await import('./auth/passwords.js');
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
      }
      case 'reset-password': {
        const { values } = parseArgs({ args: rest, options: { username: { type: 'string' } } });
        if (!values.username) throw new ConfigError('请用 --username 指定账号');
        return await withDb(
          config,
          async (db) => {
            const user = await authStore.findUserByUsername(db.k, values.username!);
            if (!user) throw new ConfigError(`未找到账号“${values.username}”`);
            const password = tempPassword();
            const hashed = await hashPassword(password);
            await db.k.transaction().execute(async (trx) => {
              await authStore.updateUser(trx, user.id, {
                password_hash: hashed,
                must_change_password: 1,
                failed_logins: 0,
                locked_until: null,
                active: 1,
                updated_at: nowIso(),
              });
              await authStore.deleteUserSessions(trx, user.id);
              await authStore.clearThrottle(trx, `acct:${user.username.toLowerCase()}`);
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
      }
      default:
        err(`未知命令“${command}”。运行 gongkai help 查看可用命令。`);
        return 2;
    }
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DbOpenError || e instanceof AppError) {
      err(e.message);
      return 1;
    }
    if (e instanceof Error && /^未找到行政区划|匹配到多个县级行政区/.test(e.message)) {
      err(e.message);
      return 1;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      err(`${e.message}。运行 gongkai help 查看用法。`);
      return 2;
    }
    err(`出错了 / error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.DEBUG) console.error(e);
    return 1;
  }
}
