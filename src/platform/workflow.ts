/**
 * A workflow step: the state change, its domain events, its audit entry and its notifications in
 * one transaction, so that none is ever written without the others. Modules describe the step;
 * the state change itself stays in the module's store (conditional on the state it was checked
 * against, so a concurrent step becomes a conflict instead of a double transition).
 */
import type { Transaction } from 'kysely';
import { type AuditActor, type AuditEntry, writeAudit } from './audit.js';
import type { Db } from './db.js';
import { type OutgoingMessage, queueNotification } from './notify.js';
import { type DomainEvent, emit } from './outbox.js';
import type { Database } from './schema.js';

type Derived<R, T> = T | ((result: R) => T);

export interface Step<R> {
  actor: AuditActor;
  /** The change: the module's rows, written through its store. Throwing leaves nothing written. */
  change(trx: Transaction<Database>): Promise<R>;
  /** The audit entry (one, or none when the change decides nothing happened: return null). */
  audit: Derived<R, AuditEntry | null>;
  events?: Derived<R, DomainEvent[]>;
  notify?: Derived<R, OutgoingMessage[] | Promise<OutgoingMessage[]>>;
}

const resolve = <R, T>(v: Derived<R, T> | undefined, r: R): T | undefined =>
  typeof v === 'function' ? (v as (r: R) => T)(r) : v;

/** Run a step in its own transaction; returns what the change returned. */
export async function runStep<R>(db: Db, step: Step<R>): Promise<R> {
  return db.k.transaction().execute((trx) => runStepIn(trx, step));
}

/** Run a step inside a transaction the caller already holds. */
export async function runStepIn<R>(trx: Transaction<Database>, step: Step<R>): Promise<R> {
  const result = await step.change(trx);
  const entry = resolve(step.audit, result);
  if (entry) await writeAudit(trx, step.actor, entry);
  for (const e of resolve(step.events, result) ?? []) await emit(trx, e);
  for (const m of (await resolve(step.notify, result)) ?? []) await queueNotification(trx, m);
  return result;
}
