/**
 * Notifications to applicants and handlers through a pluggable notifier. Features queue messages in
 * the same transaction as the change they report (an outbox); a dispatcher sends them with the
 * configured transport — e-mail over SMTP, an SMS adapter — or, with none configured, writes them
 * to the log. Rows are leased before sending, so several server instances never send one twice.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './schema.js';
import type { Db } from './db.js';
import { nowIso } from './dialect.js';
import type { Job } from './module.js';

export type Channel = 'email' | 'sms';

export interface OutgoingMessage {
  channel: Channel;
  to: string;
  subject: string;
  text: string;
  relatedType: string;
  relatedId: string | number;
}

export interface Transport {
  send(msg: { to: string; subject: string; text: string }): Promise<void>;
}

export async function queueNotification(
  k: Kysely<Database> | Transaction<Database>,
  m: OutgoingMessage,
): Promise<void> {
  await k
    .insertInto('notifications')
    .values({
      channel: m.channel,
      recipient: m.to,
      subject: m.subject,
      body: m.text,
      related_type: m.relatedType,
      related_id: String(m.relatedId),
      status: 'queued',
      lease_until: null,
      error: null,
      created_at: nowIso(),
      sent_at: null,
    })
    .execute();
}

/** E-mail over SMTP, e.g. SMTP_URL=smtp://user:pass@mail.example.gov.cn:25 and MAIL_FROM. */
export function smtpTransport(url: string, from: string): Transport {
  // nodemailer is loaded on first use.
  const transport = import('nodemailer').then((m) => m.default.createTransport(url));
  return {
    send: async (m) => void (await (await transport).sendMail({ from, to: m.to, subject: m.subject, text: m.text })),
  };
}

/**
 * SMS adapter: SMS gateways differ by province and operator, so the product posts each message as
 * JSON {"to", "text"} to a gateway or a small bridge at SMS_WEBHOOK_URL (an optional bearer token
 * in SMS_WEBHOOK_TOKEN); a non-2xx answer is a failure and the message is retried.
 */
export function smsWebhookTransport(url: string, token?: string): Transport {
  return {
    send: async (m) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: m.to, text: `${m.subject}：${m.text}` }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`短信网关返回 ${res.status}`);
    },
  };
}

const MAX_ATTEMPTS = 5;

/** Send what is queued; returns how many were sent, logged (no transport) and failed. */
export async function dispatchNotifications(
  db: Db,
  transports: Partial<Record<Channel, Transport>>,
  logger: Logger,
  limit = 50,
) {
  const now = nowIso();
  const lease = new Date(Date.now() + 60_000).toISOString();
  const rows = await db.k
    .selectFrom('notifications')
    .selectAll()
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)])]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
  const result = { sent: 0, logged: 0, failed: 0 };
  for (const r of rows) {
    // Claim the row: only one instance wins the update.
    const claimed = await db.k
      .updateTable('notifications')
      .set({ status: 'sending', lease_until: lease, attempts: r.attempts + 1 })
      .where('id', '=', r.id)
      .where('status', '=', r.status)
      .where('attempts', '=', r.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const transport = transports[r.channel as Channel];
    try {
      if (transport) {
        await transport.send({ to: r.recipient, subject: r.subject, text: r.body });
        await db.k
          .updateTable('notifications')
          .set({ status: 'sent', sent_at: nowIso(), lease_until: null, error: null })
          .where('id', '=', r.id)
          .execute();
        result.sent++;
      } else {
        logger.info(
          { notification: r.id, channel: r.channel, to: r.recipient, subject: r.subject },
          'notification (no transport configured, logged)',
        );
        await db.k
          .updateTable('notifications')
          .set({ status: 'logged', sent_at: nowIso(), lease_until: null })
          .where('id', '=', r.id)
          .execute();
        result.logged++;
      }
    } catch (e) {
      const failed = r.attempts + 1 >= MAX_ATTEMPTS;
      await db.k
        .updateTable('notifications')
        .set({ status: failed ? 'failed' : 'queued', lease_until: null, error: (e as Error).message.slice(0, 500) })
        .where('id', '=', r.id)
        .execute();
      logger.warn({ notification: r.id, err: (e as Error).message }, 'notification not sent');
      result.failed++;
    }
  }
  return result;
}

const transportsByConfig = new WeakMap<object, Partial<Record<Channel, Transport>>>();

/** The transports the configuration names: e-mail when SMTP_URL is set, SMS when SMS_WEBHOOK_URL is. */
export function configuredTransports(config: {
  smtpUrl?: string;
  mailFrom: string;
  smsWebhookUrl?: string;
  smsWebhookToken?: string;
}): Partial<Record<Channel, Transport>> {
  let t = transportsByConfig.get(config);
  if (!t) {
    t = {
      ...(config.smtpUrl ? { email: smtpTransport(config.smtpUrl, config.mailFrom) } : {}),
      ...(config.smsWebhookUrl ? { sms: smsWebhookTransport(config.smsWebhookUrl, config.smsWebhookToken) } : {}),
    };
    transportsByConfig.set(config, t);
  }
  return t;
}

/** Sends the queued notifications every 15 seconds (one server at a time, see platform/jobs.ts). */
export const dispatchNotificationsJob: Job = {
  name: 'notifications.dispatch',
  label: '发送通知',
  everyMs: 15_000,
  async run(ctx) {
    const r = await dispatchNotifications(ctx.db, configuredTransports(ctx.config), ctx.logger);
    return r.sent || r.logged || r.failed ? `已发送 ${r.sent}，写入日志 ${r.logged}，失败 ${r.failed}` : undefined;
  },
};
