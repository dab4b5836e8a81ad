import { it, expect } from 'vitest';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { queueNotification, dispatchNotifications, smtpTransport, smsWebhookTransport } from './notify.js';
import { submitOnline, confirmReceipt } from '../requests/service.js';
import { todayInChina } from '../calendar/dates.js';

const logger = pino({ level: 'silent' });

describeEachDb('notifications', (db) => {
  it('sends queued e-mail through SMTP, logs what has no transport, retries failures', async () => {
    await seedDemoDb(db());
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream: NodeJS.ReadableStream, _s: unknown, cb: () => void) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.server.address() as AddressInfo).port;
    try {
      await queueNotification(db().k, {
        channel: 'email',
        to: 'zhangsan@example.com',
        subject: '【城关镇人民政府】政府信息公开申请',
        text: '已收到',
        relatedType: 'test',
        relatedId: 1,
      });
      await queueNotification(db().k, {
        channel: 'sms',
        to: '13800000000',
        subject: '短信',
        text: '已收到',
        relatedType: 'test',
        relatedId: 2,
      });
      const r = await dispatchNotifications(
        db(),
        { email: smtpTransport(`smtp://127.0.0.1:${port}`, 'gongkai@example.gov.cn') },
        logger,
      );
      expect(r).toEqual({ sent: 1, logged: 1, failed: 0 });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('To: zhangsan@example.com');
      const rows = await db().k.selectFrom('notifications').select(['channel', 'status']).orderBy('id').execute();
      expect(rows).toEqual([
        { channel: 'email', status: 'sent' },
        { channel: 'sms', status: 'logged' },
      ]);
      expect(await dispatchNotifications(db(), {}, logger)).toEqual({ sent: 0, logged: 0, failed: 0 }); // nothing sent twice
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await queueNotification(db().k, {
      channel: 'email',
      to: 'x@example.com',
      subject: 's',
      text: 't',
      relatedType: 'test',
      relatedId: 3,
    });
    const failing = {
      email: {
        send: async () => {
          throw new Error('连接被拒绝');
        },
      },
    };
    expect(await dispatchNotifications(db(), failing, logger)).toEqual({ sent: 0, logged: 0, failed: 1 });
    const row = await db()
      .k.selectFrom('notifications')
      .selectAll()
      .where('related_id', '=', '3')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1, error: '连接被拒绝' });
  });

  it('sends SMS through the webhook adapter and retries when the gateway fails', async () => {
    const http = await import('node:http');
    const got: string[] = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push(`${req.headers.authorization} ${body}`);
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      await queueNotification(db().k, {
        channel: 'sms',
        to: '13800000000',
        subject: '【城关镇人民政府】申请',
        text: '已答复',
        relatedType: 'sms-test',
        relatedId: 1,
      });
      const row = () =>
        db()
          .k.selectFrom('notifications')
          .select(['status', 'error'])
          .where('related_type', '=', 'sms-test')
          .executeTakeFirstOrThrow();
      status = 500;
      await dispatchNotifications(db(), { sms: smsWebhookTransport(url, 'secret') }, logger);
      expect(await row()).toEqual({ status: 'queued', error: '短信网关返回 500' });
      status = 200;
      await dispatchNotifications(db(), { sms: smsWebhookTransport(url, 'secret') }, logger);
      expect((await row()).status).toBe('sent');
      expect(got.at(-1)).toBe('Bearer secret {"to":"13800000000","text":"【城关镇人民政府】申请：已答复"}');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('tells the unit of a new online request and the applicant of its receipt', async () => {
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
      name: '示范县',
    };
    const rec = await submitOnline(
      db(),
      scope,
      {
        unit_id: String(await unitIdByName(db(), '城关镇人民政府')),
        applicant_type: 'natural',
        name: '张三',
        id_type: 'resident_id',
        id_number: '11010519491231002X',
        email: 'zhangsan@example.com',
        description: '城关镇2025年低保名单',
        form: 'electronic',
        delivery: 'email',
      },
      '10.50.0.1',
    );
    const toUnit = await db()
      .k.selectFrom('notifications')
      .selectAll()
      .where('related_type', '=', 'info_request')
      .execute();
    expect(toUnit.map((n) => [n.recipient, n.subject])).toEqual([
      ['xxgk19@shifan.example', `【政务公开】收到网上提交的政府信息公开申请 ${rec.number}`],
    ]);
    const today = todayInChina();
    await confirmReceipt(db(), await actorFor(db(), 'cgz.banli'), rec.id, { received_on: today });
    const all = await db()
      .k.selectFrom('notifications')
      .select(['recipient', 'body'])
      .where('related_type', '=', 'info_request')
      .orderBy('id')
      .execute();
    expect(all[1].recipient).toBe('zhangsan@example.com');
    expect(all[1].body).toContain(`已确认收到，收到申请之日为 ${today}`);
  });
});
