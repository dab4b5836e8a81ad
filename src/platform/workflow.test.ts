/** A workflow step writes its change, audit entry, events and notifications together, or nothing. */
import { expect, it } from 'vitest';
import { describeEachDb } from '../testing.js';
import { eventsOf } from './outbox.js';
import { runStep } from './workflow.js';

const actor = { id: null, name: '测试', ip: null };

describeEachDb('workflow step', (db) => {
  const count = async (table: 'audit_log' | 'notifications' | 'outbox_events' | 'settings') =>
    Number(
      (
        await db()
          .k.selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes the change, its audit entry, its events and its notifications in one transaction', async () => {
    const before = { audit: await count('audit_log'), mail: await count('notifications') };
    const r = await runStep(db(), {
      actor,
      change: async (trx) => {
        await trx
          .insertInto('settings')
          .values({ scope: 'wf', key: 'state', value: '"done"', updated_at: '2026-01-01T00:00:00Z' })
          .execute();
        return 7;
      },
      audit: (n) => ({ action: 'test.step', objectType: 'thing', objectId: n, summary: `第 ${n} 步` }),
      events: (n) => [{ type: 'test.stepped', subjectType: 'thing', subjectId: n }],
      notify: (n) => [
        {
          channel: 'email',
          to: 'a@example.gov.cn',
          subject: '办理进展',
          text: `第 ${n} 步`,
          relatedType: 'thing',
          relatedId: n,
        },
      ],
    });
    expect(r).toBe(7);
    expect(await count('audit_log')).toBe(before.audit + 1);
    expect(await count('notifications')).toBe(before.mail + 1);
    expect(await eventsOf(db().k, 'thing', 7)).toMatchObject([{ type: 'test.stepped' }]);
  });

  it('writes nothing when the change or anything after it fails', async () => {
    const before = {
      audit: await count('audit_log'),
      events: await count('outbox_events'),
      settings: await count('settings'),
    };
    await expect(
      runStep(db(), {
        actor,
        change: async (trx) => {
          await trx
            .insertInto('settings')
            .values({ scope: 'wf', key: 'half', value: '1', updated_at: '2026-01-01T00:00:00Z' })
            .execute();
          return 1;
        },
        audit: { action: 'test.step', objectType: 'thing', objectId: 8, summary: '失败的一步' },
        events: [{ type: 'test.stepped', subjectType: 'thing', subjectId: 8 }],
        notify: () => {
          throw new Error('通知内容无法生成');
        },
      }),
    ).rejects.toThrow('通知内容无法生成');
    expect(await count('audit_log')).toBe(before.audit);
    expect(await count('outbox_events')).toBe(before.events);
    expect(await count('settings')).toBe(before.settings);
  });
});
