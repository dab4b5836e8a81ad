/** The outbox: an event exists exactly when its change does; inline consumers run in the transaction, async ones later, in order. */
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachDb } from '../testing.js';
import { deliverEvents, emit, eventsOf, type StoredEvent, subscribe } from './outbox.js';

const seen: { consumer: string; event: StoredEvent }[] = [];
let failOnce = true;
subscribe('test-index', 'test.published', {
  mode: 'inline',
  handle: async (k, event) => {
    // Writes inside the emitting transaction: rolled back with it.
    await k
      .insertInto('settings')
      .values({ scope: 'test', key: `indexed:${event.subjectId}`, value: '1', updated_at: event.createdAt })
      .execute();
  },
});
subscribe('test-feed', 'test.published', {
  mode: 'async',
  handle: async (_k, event) => {
    seen.push({ consumer: 'test-feed', event });
  },
});
subscribe('test-flaky', 'test.published', {
  mode: 'async',
  handle: async (_k, event) => {
    if (event.subjectId === '2' && failOnce) {
      failOnce = false;
      throw new Error('暂时失败');
    }
    seen.push({ consumer: 'test-flaky', event });
  },
});

describeEachDb('outbox', (db) => {
  it('writes the event and runs inline consumers in the emitting transaction, or neither', async () => {
    await db()
      .k.transaction()
      .execute((trx) =>
        emit(trx, { type: 'test.published', subjectType: 'thing', subjectId: 1, payload: { unitId: 5 } }),
      );
    await expect(
      db()
        .k.transaction()
        .execute(async (trx) => {
          await emit(trx, { type: 'test.published', subjectType: 'thing', subjectId: 99 });
          throw new Error('the change failed');
        }),
    ).rejects.toThrow('the change failed');
    const marks = await db().k.selectFrom('settings').select('key').where('scope', '=', 'test').execute();
    expect(marks.map((m) => m.key)).toEqual(['indexed:1']);
    expect((await eventsOf(db().k, 'thing', 99)).length).toBe(0);
    expect(await eventsOf(db().k, 'thing', 1)).toMatchObject([
      { type: 'test.published', subjectId: '1', payload: { unitId: 5 } },
    ]);
  });

  it('delivers to async consumers in order, once, each from its own position; a failure is retried', async () => {
    seen.length = 0;
    failOnce = true;
    for (const id of [2, 3])
      await db()
        .k.transaction()
        .execute((trx) => emit(trx, { type: 'test.published', subjectType: 'thing', subjectId: id }));
    const logger = pino({ level: 'silent' });
    await deliverEvents(db(), logger);
    const ids = (c: string) => seen.filter((s) => s.consumer === c).map((s) => s.event.subjectId);
    expect(ids('test-feed')).toEqual(['1', '2', '3']);
    // The flaky consumer stopped at event 2 and did not skip it.
    expect(ids('test-flaky')).toEqual(['1']);
    await deliverEvents(db(), logger);
    expect(ids('test-flaky')).toEqual(['1', '2', '3']);
    expect(ids('test-feed')).toEqual(['1', '2', '3']);
    expect(await deliverEvents(db(), logger)).toBe(0);
  });
});
