/** 送达 of the reply and 归档 of the request. */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ValidationError } from '../platform/errors.js';
import { todayInChina } from '../calendar/dates.js';
import { dateField, loadForHandling, requireState } from './common.js';
import { DELIVERY_METHODS } from './model.js';
import { requestStep } from './step.js';

export async function deliver(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r } = loaded;
  requireState(r.status, ['replied'], '登记送达');
  const method = String(raw.method ?? '') as keyof typeof DELIVERY_METHODS;
  if (!(method in DELIVERY_METHODS)) throw new ValidationError({ method: '请选择送达方式' });
  const date = dateField(raw, 'date', '送达日期', r.replied_on);
  return requestStep(db, actor, loaded, {
    set: { status: 'delivered', delivered_on: date, delivery_method: method },
    note: `${date} ${DELIVERY_METHODS[method]}`,
    action: 'request.deliver',
    summary: `${DELIVERY_METHODS[method]}（${date}）`,
  });
}

export async function archive(db: Db, actor: Actor, id: number) {
  const loaded = await loadForHandling(db, actor, id);
  requireState(loaded.r.status, ['delivered'], '归档');
  const date = todayInChina();
  return requestStep(db, actor, loaded, {
    set: { status: 'archived', archived_on: date },
    note: `${date} 已归档`,
    action: 'request.archive',
    summary: '归档',
  });
}
