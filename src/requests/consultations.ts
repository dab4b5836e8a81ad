/**
 * 征求意见 of a third party (条例第三十二条) or another agency (条例第三十四条): each consultee answers
 * within 15 working days of receiving the 征求意见书 — counted like the reply clock, by the calendar
 * and its counting rules — and the time is not counted in the reply period (条例第三十三条第二款).
 */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError, ValidationError } from '../platform/errors.js';
import type { ClockStatus } from '../calendar/clock.js';
import { type IsoDate, todayInChina } from '../calendar/dates.js';
import { addClockEvent, clockOf, startClock } from '../calendar/service.js';
import { dateField, loadForHandling, requireState } from './common.js';
import {
  CONSULTATION_ANSWERS,
  CONSULTATION_PURPOSE,
  CONSULTATION_WORKING_DAYS,
  type Consultee,
  CONSULTEES,
  LAPSE_CONSEQUENCES,
  THIRD_PARTY_OBJECTION,
} from './model.js';
import { requestStep } from './step.js';
import { closeConsultation, insertConsultation, listConsultationRows } from './store/consultations.js';

export interface ConsultationView {
  id: number;
  partyType: string;
  partyName: string;
  sentOn: string;
  receivedOn: string;
  status: string;
  answer: string | null;
  reason: string | null;
  consequence: string | null;
  closedOn: string | null;
  closedBy: string | null;
  /** The consultee's last day (15 working days from receipt of the 征求意见书); null without a calendar. */
  due: IsoDate | null;
  clock: ClockStatus | null;
  steps: string[];
}

/** The consultations of a request with each consultee's period (条例第三十二条、第三十四条). */
export async function listConsultations(
  db: Db,
  requestId: number,
  today: IsoDate = todayInChina(),
): Promise<ConsultationView[]> {
  const rows = await listConsultationRows(db.k, requestId);
  const out: ConsultationView[] = [];
  for (const r of rows) {
    const c = await clockOf(db.k, 'info_request_consultation', r.id, CONSULTATION_PURPOSE, today).catch(
      () => undefined,
    );
    out.push({
      id: r.id,
      partyType: r.party_type,
      partyName: r.party_name,
      sentOn: r.sent_on,
      receivedOn: r.received_on,
      status: r.status,
      answer: r.answer,
      reason: r.reason,
      consequence: r.consequence,
      closedOn: r.closed_on,
      closedBy: r.closed_by,
      due: c?.result.due ?? null,
      clock: c?.status ?? null,
      steps: c?.result.steps ?? [],
    });
  }
  return out;
}

/**
 * Start a consultation. Several may run at once; the reply clock pauses at the first and resumes
 * at the last. Returns the reply clock's due date at the first (null: paused), else the consultee's.
 */
export async function consult(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r } = loaded;
  requireState(r.status, ['processing', 'consultation'], '征求意见');
  const partyType = String(raw.party ?? '') as Consultee;
  const errors: Record<string, string> = {};
  if (!(partyType in CONSULTEES)) errors.party = '请选择征求意见的对象';
  const partyName = String(raw.party_name ?? '').trim();
  if (!partyName) errors.party_name = '请填写被征求意见的第三方或行政机关名称';
  else if (partyName.length > 200) errors.party_name = '名称不能超过 200 个字';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const date = dateField(raw, 'date', '发出征求意见书日期', r.received_on);
  const received = String(raw.received_on ?? '').trim()
    ? dateField(raw, 'received_on', '对方收到征求意见书日期', date)
    : date;
  const known = await listConsultationRows(db.k, id);
  const latest = known
    .flatMap((x) => [x.sent_on, x.closed_on ?? ''])
    .sort()
    .at(-1);
  if (latest && date < latest)
    throw new ValidationError({ date: `发出征求意见书日期不能早于本申请已登记的征求意见日期 ${latest}` });
  const party = CONSULTEES[partyType];
  const who = auditActor(actor);
  let due: IsoDate | null = null;
  const first = r.status === 'processing';
  const res = await requestStep(db, actor, loaded, {
    set: { status: 'consultation' },
    clock: first ? { type: 'pause', date, note: `征求${party.label}意见` } : undefined,
    note: `${date} 书面征求${party.label}意见（${party.article}）`,
    action: 'request.consult',
    summary: `征求${party.label}意见：${partyName}（${received} 收到征求意见书）`,
    audit: { party: partyType, party_name: partyName, sent_on: date, received_on: received },
    also: async (trx) => {
      const consultationId = await insertConsultation(trx, {
        request_id: id,
        party_type: partyType,
        party_name: partyName,
        sent_on: date,
        received_on: received,
        status: 'open',
        answer: null,
        reason: null,
        consequence: null,
        closed_on: null,
        closed_by: null,
        created_by: who.name,
        created_at: nowIso(),
      });
      const clock = await startClock(
        trx,
        {
          jurisdictionId: r.jurisdiction_id,
          objectType: 'info_request_consultation',
          objectId: consultationId,
          purpose: CONSULTATION_PURPOSE,
          spec: { amount: CONSULTATION_WORKING_DAYS, unit: 'workday' },
          events: [{ type: 'start', date: received, note: `${party.label}收到征求意见书` }],
        },
        { allowUncomputable: true },
      );
      due = clock?.due ?? null;
      return `，${party.label}应自收到征求意见书之日（${received}）起 ${CONSULTATION_WORKING_DAYS} 个工作日内提出意见，期限至 ${due ?? '待载入节假日安排后计算'}；征求意见所需时间不计算在答复期限内（条例第三十三条）`;
    },
  });
  return first ? res : due;
}

/**
 * A consultation ends: the consultee answers (同意公开 / 不同意公开 with a reason) or the 15 working
 * days pass with no answer (逾期未答复, recorded with the legal consequence: 第三十二条 — the agency
 * decides; 第三十四条 — deemed consent). When the last open one closes, the reply clock resumes.
 */
export async function consultationDone(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  requireState(loaded.r.status, ['consultation'], '结束征求意见');
  const all = await listConsultations(db, id);
  const open = all.filter((c) => c.status === 'open');
  const wanted = String(raw.consultation_id ?? '').trim();
  const c = wanted ? all.find((x) => String(x.id) === wanted) : open.length === 1 ? open[0] : undefined;
  if (!c) throw new ValidationError({ consultation_id: wanted ? '该征求意见记录不存在' : '请选择要结束的征求意见' });
  if (c.status !== 'open') throw new ConflictError(`对${c.partyName}的征求意见已于 ${c.closedOn} 结束，不能重复登记。`);
  const result = String(raw.result ?? '');
  const reason = String(raw.reason ?? '')
    .trim()
    .slice(0, 2000);
  if (result !== 'agree' && result !== 'disagree' && result !== 'lapsed')
    throw new ValidationError({ result: '请选择征求意见结果（同意公开、不同意公开或逾期未答复）' });
  if (result === 'disagree' && !reason) throw new ValidationError({ reason: '请填写不同意公开的理由' });
  const date = dateField(raw, 'date', result === 'lapsed' ? '认定逾期日期' : '收到意见日期', c.receivedOn);
  const party = CONSULTEES[c.partyType as Consultee];
  if (result === 'lapsed') {
    if (!c.due) throw new ValidationError({ date: '征求意见期限所在年份的节假日安排尚未载入，暂不能认定逾期' });
    if (date <= c.due) throw new ValidationError({ date: `征求意见期限 ${c.due} 尚未届满，不能按逾期未答复处理` });
  }
  const consequence =
    result === 'lapsed'
      ? LAPSE_CONSEQUENCES[c.partyType as Consultee]
      : result === 'disagree' && c.partyType === 'third_party'
        ? THIRD_PARTY_OBJECTION
        : null;
  const last = open.length === 1 && open[0].id === c.id;
  // The reply clock resumes on the day the last consultation ended.
  const resumeOn = [date, ...all.filter((x) => x.id !== c.id && x.closedOn).map((x) => x.closedOn!)].sort().at(-1)!;
  const what =
    result === 'lapsed'
      ? `${party.label}逾期未提出意见。${consequence}（${party.article}）`
      : `收到${party.label}意见：${CONSULTATION_ANSWERS[result]}${consequence ? `。${consequence}（${party.article}）` : ''}`;
  const who = auditActor(actor);
  return requestStep(db, actor, loaded, {
    set: last ? { status: 'processing' } : {},
    clock: last ? { type: 'resume', date: resumeOn, note: '征求意见结束' } : undefined,
    note: `${date} ${what}${last ? '；征求意见结束，恢复计算答复期限' : ''}`,
    action: 'request.consulted',
    summary: `${c.partyName}：${result === 'lapsed' ? '逾期未答复' : CONSULTATION_ANSWERS[result]}${reason ? `（${reason}）` : ''}`,
    audit: { consultation_id: c.id, result, reason: reason || null, consequence },
    also: async (trx) => {
      const closed = await closeConsultation(trx, c.id, {
        status: result === 'lapsed' ? 'lapsed' : 'answered',
        answer: result === 'lapsed' ? null : result,
        reason: reason || null,
        consequence,
        closed_on: date,
        closed_by: who.name,
      });
      if (!closed) throw new ConflictError('该征求意见已结束，请刷新页面。');
      await addClockEvent(trx, 'info_request_consultation', c.id, CONSULTATION_PURPOSE, {
        type: 'stop',
        date,
        note: result === 'lapsed' ? '逾期未提出意见' : '已提出意见',
      });
    },
  });
}
