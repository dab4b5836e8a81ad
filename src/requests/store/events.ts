/** Queries of `info_request_events`: the public record of each request (办理过程). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

export interface NewEvent {
  requestId: number;
  type: string;
  note: string;
  actorName: string;
  at: string;
}

export async function insertEvent(k: K, e: NewEvent): Promise<void> {
  await k
    .insertInto('info_request_events')
    .values({ request_id: e.requestId, type: e.type, public_note: e.note, actor_name: e.actorName, at: e.at })
    .execute();
}

/** Every event of a request, oldest first (for the handlers). */
export async function listEvents(k: K, requestId: number) {
  return k.selectFrom('info_request_events').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

/** The notes and times only (for the applicant). */
export async function listPublicEvents(k: K, requestId: number) {
  return k
    .selectFrom('info_request_events')
    .select(['public_note', 'at'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

/** The note of a request's first event of a type (e.g. the 补正告知). */
export async function firstEventNote(k: K, requestId: number, type: string): Promise<string | undefined> {
  const r = await k
    .selectFrom('info_request_events')
    .select('public_note')
    .where('request_id', '=', requestId)
    .where('type', '=', type)
    .executeTakeFirst();
  return r?.public_note;
}
