/**
 * The domain events of 依申请公开 (platform/outbox.ts), written in the transaction of the step they
 * report, for modules outside this one (subscriptions, supervision counters).
 */
import type { DomainEvent } from '../platform/outbox.js';

/** 收到申请: receipt confirmed, or a request registered with its day of receipt (条例第三十一条). */
export const receivedEvent = (id: number, unitId: number, receivedOn: string): DomainEvent => ({
  type: 'request.received',
  subjectType: 'info_request',
  subjectId: id,
  payload: { unitId, receivedOn },
});

/** 收到补正: the corrected request arrived, the reply period starts again (条例第三十条). */
export const correctedEvent = (id: number, unitId: number, receivedOn: string): DomainEvent => ({
  type: 'request.corrected',
  subjectType: 'info_request',
  subjectId: id,
  payload: { unitId, receivedOn },
});

/** 答复: the request got its one outcome of table 3 (including 逾期未补正 and 逾期未缴费). */
export const repliedEvent = (id: number, unitId: number, outcome: string, repliedOn: string): DomainEvent => ({
  type: 'request.replied',
  subjectType: 'info_request',
  subjectId: id,
  payload: { unitId, outcome, repliedOn },
});
