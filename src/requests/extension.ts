/** 延期 (条例第三十三条第二款): approved by the 工作机构负责人, at most 20 working days in all, the applicant told. */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ValidationError } from '../platform/errors.js';
import { dateField, loadForHandling, requireState } from './common.js';
import { requestStep } from './step.js';

export async function extend(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r } = loaded;
  requireState(r.status, ['processing', 'consultation', 'review', 'approved'], '延长答复期限');
  const days = Number(String(raw.working_days ?? '').trim());
  const approver = String(raw.approver ?? '').trim();
  const reason = String(raw.reason ?? '').trim();
  const errors: Record<string, string> = {};
  if (!Number.isInteger(days) || days < 1 || days > 20) errors.working_days = '延长的工作日数应为 1～20';
  if (!approver) errors.approver = '请填写批准延期的政府信息公开工作机构负责人';
  if (!reason) errors.reason = '请填写延期理由';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const date = dateField(raw, 'date', '批准日期', r.received_on);
  return requestStep(db, actor, loaded, {
    set: {},
    clock: { type: 'extend', date, workingDays: days, approver, reason },
    note: `${date} 经政府信息公开工作机构负责人同意，答复期限延长 ${days} 个工作日，已告知申请人`,
    action: 'request.extend',
    summary: `延期 ${days} 个工作日（${approver}批准：${reason}）`,
  });
}
