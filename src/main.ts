/**
 * The command line: `gongkai <command>`. `serve`, `migrate` and `demo` belong to the installation;
 * every other command comes from a module's `cli` (see src/app.ts for the composition).
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp, jobs, migrateDatabase, migrationsStatus, modules } from './app.js';
import { DEMO, isDemo, isEmpty } from './org/seed.js';
import { ROLE_LABELS, type Role, systemActor } from './platform/access.js';
import { type Config, ConfigError, loadConfig } from './platform/config.js';
import { type Db, DbOpenError, openDatabase } from './platform/db.js';
import { AppError } from './platform/errors.js';
import { JobRunner } from './platform/jobs.js';
import type { CliCommand, CliContext } from './platform/module.js';
import { bumpGeneration, PageCache } from './platform/web/page-cache.js';
import { createServer } from './platform/web/server.js';

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

const OWN_HELP = {
  serve: '  serve [--demo]                 启动门户和管理后台（启动时自动迁移数据库）；--demo：数据库为空时载入示范县',
  migrate: '  migrate [--status]             执行数据库迁移；--status 只列出迁移状态',
  demo: '  demo                           在空数据库中载入示范县数据和演示账号',
  help: '  help                           显示本帮助',
};

const commands: CliCommand[] = modules.flatMap((m) => m.cli ?? []);

const HELP = `公开（Gongkai）基层政务公开标准化规范化平台

用法：gongkai <命令> [选项]

命令：
${[OWN_HELP.serve, OWN_HELP.migrate, OWN_HELP.demo, ...commands.map((c) => c.help), OWN_HELP.help].join('\n')}

环境变量：
  PORT（默认 3000）  HOST（默认 0.0.0.0）  DATA_DIR（默认 data/local，内置 SQLite 数据库所在目录）
  DATABASE_URL（postgres://…，设置后使用 PostgreSQL）  TRUST_PROXY=1（位于反向代理之后）
  SECURE_COOKIES=1（强制 Cookie 的 Secure 属性）  LOG_LEVEL（默认 info）
  SMTP_URL（smtp://…，发送通知邮件；不设置时通知写入日志）  MAIL_FROM（发件人）
  SMS_WEBHOOK_URL（短信网关，接收 POST {"to","text"}）  SMS_WEBHOOK_TOKEN
  PAGE_CACHE=0（关闭门户页面内存缓存）  SEARCH_TOTAL_LIMIT（默认 10000，检索精确计数的上限）
`;

/** Run a command on the migrated database; `readOnly` commands leave running servers' page caches alone. */
async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const db = await openDatabase(config);
  try {
    await migrateDatabase(db);
    const result = await fn(db);
    // A command may have changed what the portal shows: running servers refresh their page cache.
    if (!opts.readOnly) await bumpGeneration(db);
    return result;
  } finally {
    await db.close();
  }
}

/** The fictional 示范县: every module's part, in module order (`serve --demo`, `demo`). */
export async function seedDemoCounty(db: Db): Promise<void> {
  const actor = systemActor('系统（示范数据）');
  for (const m of modules) await m.seedDemo?.({ db, actor });
}

function printDemoAccounts(url: string) {
  out('');
  out(`示范县演示账号（密码均为 ${DEMO.password}，仅供体验，正式使用前请用 gongkai init 创建真实县区）：`);
  for (const a of DEMO.accounts) out(`  ${a.username.padEnd(12)} ${ROLE_LABELS[a.role as Role]}　${a.unit}`);
  out(`门户：${url}/　　管理后台：${url}/admin`);
}

async function cmdServe(config: Config, demo: boolean): Promise<number> {
  const logger = pino({ level: config.logLevel });
  const db = await openDatabase(config);
  const applied = await migrateDatabase(db);
  if (applied.length) logger.info({ applied }, '数据库迁移完成');
  if (demo && (await isEmpty(db))) {
    await seedDemoCounty(db);
    logger.info('已载入示范县数据');
  }
  const pages = config.pageCache ? new PageCache(db) : undefined;
  const app = buildApp({ db, config, logger, pageCache: pages });
  // Background jobs (notifications, events, scheduled publication…), each run by one server at a time.
  const runner = new JobRunner({ db, config, logger, invalidatePages: () => bumpGeneration(db) }, jobs);
  runner.start();
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
    runner.stop();
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return await new Promise<number>(() => undefined);
}

async function cmdMigrate(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { status: { type: 'boolean', default: false } } });
  const db = await openDatabase(config);
  try {
    if (values.status) {
      for (const m of await migrationsStatus(db)) out(`${m.executedAt ? '已执行' : '待执行'}  ${m.name}`);
    } else {
      const applied = await migrateDatabase(db);
      out(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新版本，无需迁移。');
    }
  } finally {
    await db.close();
  }
  return 0;
}

export async function runCli(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    if (command === 'help' || command === '--help' || command === '-h') {
      out(HELP);
      return 0;
    }
    const found = commands.find((c) => c.name === command);
    if (found?.standalone) {
      // Pure commands run without configuration or database (even when the environment is wrong).
      const ctx: CliContext = {
        get config(): Config {
          throw new Error(`${command} 不读取配置`);
        },
        out,
        err,
        withDb: () => Promise.reject(new Error(`${command} 不使用数据库`)),
      };
      return await found.run(rest, ctx);
    }
    const config = loadConfig();
    if (found) return await found.run(rest, { config, out, err, withDb: (fn, opts) => withDb(config, fn, opts) });
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
        return await cmdServe(config, values.demo ?? false);
      }
      case 'migrate':
        return await cmdMigrate(config, rest);
      case 'demo':
        return await withDb(config, async (db) => {
          if (!(await isEmpty(db))) throw new ConfigError('数据库中已有数据，示范数据只能载入空数据库。');
          await seedDemoCounty(db);
          printDemoAccounts(`http://localhost:${config.port}`);
          return 0;
        });
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
