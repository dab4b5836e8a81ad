import path from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite file under dataDir is used. */
  databaseUrl?: string;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (set when behind a reverse proxy). */
  trustProxy: boolean;
  /** Force the Secure cookie attribute even without a proxy header (HTTPS terminated elsewhere). */
  secureCookies: boolean;
  logLevel: string;
  /** SMTP server for e-mail notifications (smtp://user:pass@host:port); without it they are logged. */
  smtpUrl?: string;
  mailFrom: string;
  /** SMS gateway (or bridge) accepting POST {"to","text"}; without it SMS notifications are logged. */
  smsWebhookUrl?: string;
  smsWebhookToken?: string;
  /** Keep rendered public pages in memory (PAGE_CACHE=0 turns it off). */
  pageCache: boolean;
  /**
   * Portal search counts hits exactly up to this many; above it the page says “找到超过 N 条”
   * and pages on (every hit stays reachable). See TOTAL_LIMIT in platform/search/store.ts.
   */
  searchTotalLimit: number;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data/local'),
  DATABASE_URL: z.string().optional(),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  SECURE_COOKIES: z.enum(['0', '1', 'true', 'false']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL 应以 smtp:// 或 smtps:// 开头')
    .optional(),
  MAIL_FROM: z.string().default('noreply@localhost'),
  SMS_WEBHOOK_URL: z
    .string()
    .regex(/^https?:\/\//, 'SMS_WEBHOOK_URL 应以 http:// 或 https:// 开头')
    .optional(),
  SMS_WEBHOOK_TOKEN: z.string().optional(),
  PAGE_CACHE: z.enum(['0', '1', 'true', 'false']).default('1'),
  SEARCH_TOTAL_LIMIT: z.coerce
    .number({ message: 'SEARCH_TOTAL_LIMIT 应为整数' })
    .int('SEARCH_TOTAL_LIMIT 应为整数')
    .min(100, 'SEARCH_TOTAL_LIMIT 不能小于 100')
    .default(10_000),
});

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`配置错误 / invalid configuration: ${issue.path.join('.')} — ${issue.message}`);
  }
  const e = parsed.data;
  let databaseUrl: string | undefined;
  if (e.DATABASE_URL !== undefined) {
    databaseUrl = e.DATABASE_URL.trim();
    if (databaseUrl === '') {
      throw new ConfigError(
        'DATABASE_URL 已设置但为空，请填写 PostgreSQL 连接串或删除该变量以使用内置 SQLite / DATABASE_URL is set but empty',
      );
    }
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new ConfigError(
        'DATABASE_URL 必须是 postgres:// 或 postgresql:// 开头的连接串 / DATABASE_URL must be a postgres:// URL',
      );
    }
  }
  return {
    pageCache: e.PAGE_CACHE === '1' || e.PAGE_CACHE === 'true',
    searchTotalLimit: e.SEARCH_TOTAL_LIMIT,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl,
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    secureCookies: e.SECURE_COOKIES === '1' || e.SECURE_COOKIES === 'true',
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsWebhookUrl: e.SMS_WEBHOOK_URL,
    smsWebhookToken: e.SMS_WEBHOOK_TOKEN,
  };
}
