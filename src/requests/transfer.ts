/** 转办: a unit transfers a request it is not responsible for to the receiving unit of the county that is. */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ValidationError } from '../platform/errors.js';
import { unitById } from '../org/api.js';
import { todayInChina } from '../calendar/dates.js';
import { countyCodeOf, loadForHandling, requireState } from './common.js';
import { requestStep } from './step.js';

/** A unit transfers a request it is not responsible for to the unit that is, with a reason. */
export async function transfer(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r, unit } = loaded;
  requireState(r.status, ['awaiting_confirmation', 'processing'], '转办');
  const to = await unitById(db.k, Number(raw.to_unit_id));
  const reason = String(raw.reason ?? '').trim();
  const county = await countyCodeOf(db.k, r);
  const errors: Record<string, string> = {};
  if (
    !to ||
    to.id === unit.id ||
    to.active !== 1 ||
    to.receives_requests !== 1 ||
    !to.jurisdiction_code.startsWith(county)
  )
    errors.to_unit_id = '请选择本县（区）内另一个受理机关';
  if (!reason) errors.reason = '请说明转办理由';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return requestStep(db, actor, loaded, {
    set: { unit_id: to!.id },
    note: `${todayInChina()} 转由${to!.name}办理：${reason}`,
    action: 'request.transfer',
    summary: `转由${to!.name}办理（${reason}）`,
  });
}
