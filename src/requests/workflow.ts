/**
 * The request workflow after receipt (条例第三十条至第三十六条): 补正 (one-time notice, the clock
 * restarts on the corrected request), 征求意见 (time not counted), 延期 (≤ 20 working days with the
 * approval of the 工作机构负责人), 答复 with exactly one result row of table 3, 送达 and 归档.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import { nowIso } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import { assertCan, auditActor, type Actor } from '../platform/access.js';
import * as orgStore from '../org/store.js';
import { addClockEvent, calendarFor, rulesFor, startClock } from '../calendar/service.js';
import { addWorkingDays, ClockError, type ClockEvent } from '../calendar/clock.js';
import { CalendarMissingError } from '../calendar/calendar.js';
import { isIsoDate, todayInChina, type IsoDate } from '../calendar/dates.js';
import { notifyApplicant } from './notices.js';
import {
  OUTCOMES,
  DELIVERY_METHODS,
  STATUS_LABELS,
  CORRECTION_NOTICE_WORKING_DAYS,
  CORRECTION_NOTICE_PURPOSE,
  CONSULTATION_PURPOSE,
  CONSULTATION_WORKING_DAYS,
  CONSULTEES,
  CONSULTATION_ANSWERS,
  LAPSE_CONSEQUENCES,
  THIRD_PARTY_OBJECTION,
  outcomeText,
  type Outcome,
  type Consultee,
} from './model.js';
import { intakeItems, listConsultations } from './service.js';
import { itemsText } from './intake.js';

const PURPOSE = 'request.reply';

/** Steps the applicant is told about (补正, 延期, 答复, 收费 …). */
const NOTIFY_APPLICANT = new Set([
  'request.correction',
  'request.extend',
  'request.reply',
  'request.fee',
  'request.transfer',
]);

async function load(db: Db, actor: Actor, id: number) {
  const r = await db.k.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('该申请不存在。');
  const unit = await orgStore.findUnit(db.k, r.unit_id);
  if (!unit) throw new NotFoundError('该申请的受理机关不存在。');
  assertCan(
    actor,
    'request.handle',
    { id: unit.id, jurisdictionCode: unit.jurisdiction_code },
    '只有受理机关的依申请办理员可以办理该申请。',
  );
  return { r, unit };
}

function requireState(status: string, allowed: string[], action: string) {
  if (!allowed.includes(status))
    throw new ConflictError(`该申请当前为“${STATUS_LABELS[status] ?? status}”，不能${action}。`);
}

function dateField(raw: Record<string, unknown>, key: string, label: string, min?: string | null): IsoDate {
  const v = String(raw[key] ?? '').trim() || todayInChina();
  if (!isIsoDate(v)) throw new ValidationError({ [key]: `${label}应为“年-月-日”格式` });
  if (v > todayInChina()) throw new ValidationError({ [key]: `${label}不能晚于今天` });
  if (min && v < min) throw new ValidationError({ [key]: `${label}不能早于 ${min}` });
  return v;
}

/** Apply one step: state change, clock event, public note and audit entry, in one transaction. */
async function step(
  db: Db,
  actor: Actor,
  id: number,
  s: {
    set: Record<string, unknown>;
    clock?: ClockEvent;
    note: string;
    action: string;
    summary: string;
    // biome-ignore lint/suspicious/noConfusingVoidType: a step may or may not add a note
    also?: (trx: Transaction<Database>) => Promise<string | void>;
    audit?: Record<string, unknown>;
  },
) {
  const { r, unit } = await load(db, actor, id);
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    // Rows of the step's own (a consultation, a side clock) first: a refusal there leaves nothing written.
    const more = s.also ? ((await s.also(trx)) ?? '') : '';
    let due: IsoDate | null | undefined;
    if (s.clock) {
      try {
        const res = await addClockEvent(trx, 'info_request', id, PURPOSE, s.clock);
        due = res ? res.due : undefined;
      } catch (e) {
        if (e instanceof ClockError) throw new ValidationError({ _form: e.message }, `${e.message}。`);
        if (e instanceof CalendarMissingError) throw new ValidationError({ _form: e.message }, e.message);
        throw e;
      }
    }
    // Only from the state the step was checked against: a concurrent step makes this one a conflict.
    const u = await trx
      .updateTable('info_requests')
      .set({ ...s.set, updated_at: nowIso() } as never)
      .where('id', '=', id)
      .where('status', '=', r.status)
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw new ConflictError('该申请刚被他人办理，请刷新页面后重试。');
    const dueNote =
      more +
      (s.clock && s.clock.type !== 'stop'
        ? due
          ? `；答复期限：${due}`
          : due === undefined
            ? '；答复期限待载入节假日安排后计算'
            : ''
        : '');
    await trx
      .insertInto('info_request_events')
      .values({ request_id: id, type: s.action, public_note: s.note + dueNote, actor_name: who.name, at: nowIso() })
      .execute();
    await writeAudit(trx, who, {
      action: s.action,
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：${s.summary}`,
      before: { status: r.status },
      after: { ...s.set, ...s.audit },
    });
    if (NOTIFY_APPLICANT.has(s.action)) await notifyApplicant(trx, r, unit.name, s.note + dueNote);
    return due ?? null;
  });
}

/** 补正告知 (条例第三十条): once only, listing what is missing and a reasonable period. */
export async function sendCorrection(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['processing'], '发出补正告知');
  if (r.correction_count > 0) throw new ConflictError('补正告知只能一次性发出（条例第三十条），本申请已发出过。');
  const items = String(raw.items ?? '').trim();
  if (!items) throw new ValidationError({ items: '请列明需要补正的事项' });
  const date = dateField(raw, 'date', '告知日期', r.received_on);
  const until = String(raw.until ?? '').trim();
  if (!isIsoDate(until) || until <= date) throw new ValidationError({ until: '请填写补正期限（告知日期之后的日期）' });
  const code = (
    await db.k.selectFrom('jurisdictions').select('code').where('id', '=', r.jurisdiction_id).executeTakeFirstOrThrow()
  ).code;
  const cal = await calendarFor(db.k, code);
  let late = false;
  try {
    // The county's counting rules, as for the 补正告知期限 clock started at intake.
    late = date > addWorkingDays(cal, r.received_on!, CORRECTION_NOTICE_WORKING_DAYS, await rulesFor(db.k, code)).due;
  } catch {
    /* no calendar for the notice period: not flagged */
  }
  return step(db, actor, id, {
    set: { status: 'correction', correction_count: 1, correction_due: until },
    clock: { type: 'pause', date, note: '等待申请人补正' },
    also: (trx) => stopNoticeClock(trx, id, date, '已发出补正告知'),
    note: `${date} 发出补正告知，请于 ${until} 前补正：${items}${late ? '（已超过收到申请之日起 7 个工作日的告知期限）' : ''}`,
    action: 'request.correction',
    summary: `补正告知（补正期限 ${until}）${late ? '，告知逾期' : ''}`,
  });
}

/** Stop the 补正告知期限 clock of a request found incomplete at intake, if it runs. */
async function stopNoticeClock(trx: Transaction<Database>, id: number, date: IsoDate, note: string) {
  const c = await trx
    .selectFrom('clocks')
    .select(['closed'])
    .where('object_type', '=', 'info_request')
    .where('object_id', '=', String(id))
    .where('purpose', '=', CORRECTION_NOTICE_PURPOSE)
    .executeTakeFirst();
  if (c && c.closed === 0)
    await addClockEvent(trx, 'info_request', id, CORRECTION_NOTICE_PURPOSE, { type: 'stop', date, note });
}

/**
 * The handler finds a request flagged 需补正 at intake clear enough after all (e.g. the office
 * knows the document meant): no 补正 notice, handling goes on; the 补正告知期限 clock stops.
 */
export async function clearIntake(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['processing'], '认定申请内容明确');
  const items = intakeItems(r);
  const open = await db.k
    .selectFrom('clocks')
    .select('closed')
    .where('object_type', '=', 'info_request')
    .where('object_id', '=', String(id))
    .where('purpose', '=', CORRECTION_NOTICE_PURPOSE)
    .executeTakeFirst();
  if (!items.length || r.correction_count > 0 || !open || open.closed !== 0)
    throw new ConflictError('该申请没有待处理的补正事项。');
  const reason = String(raw.reason ?? '').trim();
  if (!reason) throw new ValidationError({ reason: '请说明认定申请内容明确、无需补正的理由' });
  const date = dateField(raw, 'date', '认定日期', r.received_on);
  return step(db, actor, id, {
    set: {},
    note: `${date} 经审查，申请内容可以确定所需政府信息，无需补正`,
    action: 'request.intake_clear',
    summary: `认定无需补正（${reason}）`,
    audit: { reason, items: items.map((x) => x.key) },
    also: (trx) => stopNoticeClock(trx, id, date, '认定无需补正'),
  });
}

/** The corrected request arrives: the reply period starts again (条例第三十条). */
export async function receiveCorrection(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['correction'], '登记补正');
  const date = dateField(raw, 'date', '收到补正日期', r.received_on);
  return step(db, actor, id, {
    set: { status: 'processing' },
    clock: { type: 'restart', date, note: '收到补正后的申请' },
    note: `${date} 收到补正后的申请，答复期限重新起算`,
    action: 'request.corrected',
    summary: `收到补正（${date}）`,
  });
}

/** No correction in time: 视为放弃申请 → 其他处理 1. */
export async function closeWithoutCorrection(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['correction'], '按逾期未补正处理');
  const date = dateField(raw, 'date', '处理日期');
  if (r.correction_due && date <= r.correction_due)
    throw new ValidationError({ date: `补正期限 ${r.correction_due} 尚未届满` });
  return step(db, actor, id, {
    set: { status: 'replied', outcome: 'other.noCorrection', replied_on: date },
    clock: { type: 'stop', date, note: '逾期未补正，不再处理' },
    note: `申请人逾期未补正，视为放弃申请，不再处理（条例第三十条）`,
    action: 'request.reply',
    summary: outcomeText('other.noCorrection'),
  });
}

/**
 * 征求意见 of a third party (条例第三十二条) or another agency (条例第三十四条): the consultee answers
 * within 15 working days of receiving the 征求意见书 — counted like the reply clock, by the calendar
 * and its counting rules — and the time is not counted in the reply period (条例第三十三条第二款).
 * Several consultations may run at once; the reply clock pauses at the first and resumes at the last.
 */
export async function consult(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
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
  const known = await db.k
    .selectFrom('info_request_consultations')
    .select(['sent_on', 'closed_on'])
    .where('request_id', '=', id)
    .execute();
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
  const res = await step(db, actor, id, {
    set: { status: 'consultation' },
    clock: first ? { type: 'pause', date, note: `征求${party.label}意见` } : undefined,
    note: `${date} 书面征求${party.label}意见（${party.article}）`,
    action: 'request.consult',
    summary: `征求${party.label}意见：${partyName}（${received} 收到征求意见书）`,
    audit: { party: partyType, party_name: partyName, sent_on: date, received_on: received },
    also: async (trx) => {
      const c = await trx
        .insertInto('info_request_consultations')
        .values({
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
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const clock = await startClock(
        trx,
        {
          jurisdictionId: r.jurisdiction_id,
          objectType: 'info_request_consultation',
          objectId: c.id,
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
  const { r } = await load(db, actor, id);
  requireState(r.status, ['consultation'], '结束征求意见');
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
  return step(db, actor, id, {
    set: last ? { status: 'processing' } : {},
    clock: last ? { type: 'resume', date: resumeOn, note: '征求意见结束' } : undefined,
    note: `${date} ${what}${last ? '；征求意见结束，恢复计算答复期限' : ''}`,
    action: 'request.consulted',
    summary: `${c.partyName}：${result === 'lapsed' ? '逾期未答复' : CONSULTATION_ANSWERS[result]}${reason ? `（${reason}）` : ''}`,
    audit: { consultation_id: c.id, result, reason: reason || null, consequence },
    also: async (trx) => {
      const u = await trx
        .updateTable('info_request_consultations')
        .set({
          status: result === 'lapsed' ? 'lapsed' : 'answered',
          answer: result === 'lapsed' ? null : result,
          reason: reason || null,
          consequence,
          closed_on: date,
          closed_by: who.name,
        })
        .where('id', '=', c.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) throw new ConflictError('该征求意见已结束，请刷新页面。');
      await addClockEvent(trx, 'info_request_consultation', c.id, CONSULTATION_PURPOSE, {
        type: 'stop',
        date,
        note: result === 'lapsed' ? '逾期未提出意见' : '已提出意见',
      });
    },
  });
}

/** 延期 (第三十三条): approved by the 工作机构负责人, at most 20 working days in all, the applicant told. */
export async function extend(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
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
  return step(db, actor, id, {
    set: {},
    clock: { type: 'extend', date, workingDays: days, approver, reason },
    note: `${date} 经政府信息公开工作机构负责人同意，答复期限延长 ${days} 个工作日，已告知申请人`,
    action: 'request.extend',
    summary: `延期 ${days} 个工作日（${approver}批准：${reason}）`,
  });
}

/** Whether replies go through the unit reviewer's 审核 (setting 'request.requireReview', default yes). */
async function reviewRequired(db: Db, countyCode: string): Promise<boolean> {
  const s = await db.k
    .selectFrom('settings')
    .select('value')
    .where('scope', '=', countyCode)
    .where('key', '=', 'request.requireReview')
    .executeTakeFirst();
  return s ? s.value !== 'false' : true;
}

const pickOutcome = (raw: Record<string, unknown>): Outcome => {
  const outcome = String(raw.outcome ?? '') as Outcome;
  if (!(outcome in OUTCOMES) || outcome === 'other.noCorrection')
    throw new ValidationError({ outcome: '请选择答复结果' });
  return outcome;
};

/** 拟办意见: the handler proposes the reply for the reviewer's 审核 (including 保密审查). */
export async function propose(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['processing'], '提出拟办意见（征求意见中的申请请先结束征求意见）');
  const outcome = pickOutcome(raw);
  const note = String(raw.note ?? '')
    .trim()
    .slice(0, 2000);
  return step(db, actor, id, {
    set: { status: 'review', proposed_outcome: outcome },
    note: `${todayInChina()} 提出拟办意见，报单位审核（含保密审查）`,
    action: 'request.propose',
    summary: `拟办意见：${outcomeText(outcome)}${note ? `（${note}）` : ''}`,
  });
}

/** 审核 by the unit's reviewer: approve (after 保密审查) or return with a comment. */
export async function review(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const r = await db.k.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('该申请不存在。');
  const unit = (await orgStore.findUnit(db.k, r.unit_id))!;
  assertCan(
    actor,
    'request.review',
    { id: unit.id, jurisdictionCode: unit.jurisdiction_code },
    '只有受理机关的单位审核人员可以审核拟办意见。',
  );
  requireState(r.status, ['review'], '审核');
  const decision = String(raw.decision ?? '');
  const comment = String(raw.comment ?? '').trim();
  if (decision !== 'approve' && decision !== 'return') throw new ValidationError({ decision: '请选择审核结论' });
  if (decision === 'approve' && raw.secrecy !== '1' && raw.secrecy !== 'on')
    throw new ValidationError({ secrecy: '请确认已对拟公开的信息进行保密审查（条例第十七条）' });
  if (decision === 'return' && !comment) throw new ValidationError({ comment: '退回时请填写审核意见' });
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_requests')
      .set({ status: decision === 'approve' ? 'approved' : 'processing', reviewed_by: who.name, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('info_request_events')
      .values({
        request_id: id,
        type: 'request.review',
        public_note: `${todayInChina()} ${decision === 'approve' ? '拟办意见经审核（含保密审查）通过' : '拟办意见经审核退回重新办理'}`,
        actor_name: who.name,
        at: nowIso(),
      })
      .execute();
    await writeAudit(trx, who, {
      action: 'request.review',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：审核${decision === 'approve' ? '通过' : '退回'}拟办意见（${outcomeText(r.proposed_outcome ?? '')}）${comment ? `：${comment}` : ''}`,
      before: { status: r.status },
      after: { decision, comment },
    });
  });
}

/** 答复: exactly one result row of table 3 — the one approved at 审核 when review is required; the clock stops. */
export async function reply(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  const needReview = await reviewRequired(db, r.number.slice(0, 6));
  requireState(
    r.status,
    needReview ? ['approved'] : ['processing', 'approved'],
    needReview ? '答复（须先提出拟办意见并经单位审核通过）' : '答复（征求意见中的申请请先结束征求意见）',
  );
  const outcome = r.status === 'approved' && !raw.outcome ? (r.proposed_outcome as Outcome) : pickOutcome(raw);
  if (r.status === 'approved' && outcome !== r.proposed_outcome)
    throw new ValidationError({
      outcome: `答复结果应与审核通过的拟办意见一致（${outcomeText(r.proposed_outcome ?? '')}）`,
    });
  const date = dateField(raw, 'date', '答复日期', r.received_on);
  return step(db, actor, id, {
    set: { status: 'replied', outcome, replied_on: date },
    clock: { type: 'stop', date, note: '已答复' },
    note: `${date} 已作出答复：${outcomeText(outcome)}`,
    action: 'request.reply',
    summary: outcomeText(outcome),
  });
}

export async function deliver(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['replied'], '登记送达');
  const method = String(raw.method ?? '') as keyof typeof DELIVERY_METHODS;
  if (!(method in DELIVERY_METHODS)) throw new ValidationError({ method: '请选择送达方式' });
  const date = dateField(raw, 'date', '送达日期', r.replied_on);
  return step(db, actor, id, {
    set: { status: 'delivered', delivered_on: date, delivery_method: method },
    note: `${date} ${DELIVERY_METHODS[method]}`,
    action: 'request.deliver',
    summary: `${DELIVERY_METHODS[method]}（${date}）`,
  });
}

export async function archive(db: Db, actor: Actor, id: number) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['delivered'], '归档');
  const date = todayInChina();
  return step(db, actor, id, {
    set: { status: 'archived', archived_on: date },
    note: `${date} 已归档`,
    action: 'request.archive',
    summary: '归档',
  });
}

export { rulesFor };

// ---- letters -----------------------------------------------------------------------------------

import { draftLetter, letterDocx, letterHtml, DOC_KINDS, type DocKind } from './documents.js';
import { htmlToPdf, pdfAvailable } from '../platform/pdf.js';
import { parseJson } from '../platform/dialect.js';
import type { ClockEvent as CE } from '../calendar/clock.js';

const isDocKind = (k: string): k is DocKind => k in DOC_KINDS;

/** A draft letter of a kind for a request, from its data. */
export async function draftDocument(db: Db, actor: Actor, id: number, kind: string): Promise<string> {
  const { r, unit } = await load(db, actor, id);
  if (!isDocKind(kind)) throw new ValidationError({ kind: '请选择文书类型' });
  const clock = await db.k
    .selectFrom('clocks')
    .select(['events_json', 'due_date'])
    .where('object_type', '=', 'info_request')
    .where('object_id', '=', String(id))
    .where('purpose', '=', PURPOSE)
    .executeTakeFirst();
  const events = parseJson<CE[]>(clock?.events_json, []);
  const ext = events
    .filter((e): e is Extract<CE, { type: 'extend' }> => e.type === 'extend')
    .reduce((s, e) => s + e.workingDays, 0);
  const correction = await db.k
    .selectFrom('info_request_events')
    .select('public_note')
    .where('request_id', '=', id)
    .where('type', '=', 'request.correction')
    .executeTakeFirst();
  const intake = intakeItems(r);
  const consultation = await db.k
    .selectFrom('info_request_consultations')
    .select(['party_type', 'party_name'])
    .where('request_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return draftLetter(kind, {
    applicant: r.name,
    unitName: unit.name,
    submittedOn: r.submitted_at.slice(0, 10),
    receivedOn: r.received_on,
    description: r.description,
    outcome: (r.outcome as never) ?? null,
    // Before the notice goes out, the items found missing at intake (条例第二十九条) fill it in.
    correctionItems: correction
      ? correction.public_note.replace(/^.*?前补正：/, '').replace(/（已超过.*$/, '')
      : intake.length
        ? itemsText(intake)
        : undefined,
    correctionUntil: r.correction_due,
    extensionDays: ext || undefined,
    extensionUntil: clock?.due_date ?? null,
    feeAmount: r.fee_amount,
    consultation: consultation ? { partyType: consultation.party_type, partyName: consultation.party_name } : null,
  });
}

/** Issue an (edited) letter: numbered per unit and year, kept unchanged afterwards. */
export async function issueDocument(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
): Promise<{ id: number; number: string }> {
  const { r, unit } = await load(db, actor, id);
  const kind = String(raw.kind ?? '');
  if (!isDocKind(kind)) throw new ValidationError({ kind: '请选择文书类型' });
  const body = String(raw.body ?? '')
    .replace(/\r\n/g, '\n')
    .trim();
  if (body.length < 20) throw new ValidationError({ body: '文书内容过短，请核对' });
  if (body.length > 20000) throw new ValidationError({ body: '文书内容不能超过 20000 个字' });
  if (/_{4,}/.test(body)) throw new ValidationError({ body: '文书中还有未填写的“____”，请补全后再出具' });
  if (kind === 'reply' && !r.outcome) throw new ConflictError('请先作出答复，再出具答复书。');
  const who = auditActor(actor);
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const short = (unit.short_name || unit.name).replace(/人民政府$/, '');
  return db.k.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('info_request_documents')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('unit_id', '=', unit.id)
      .where('year', '=', year)
      .executeTakeFirst();
    const seq = Number(last?.m ?? 0) + 1;
    const number = `${short}依申公开〔${year}〕${seq}号`;
    const d = await trx
      .insertInto('info_request_documents')
      .values({
        request_id: id,
        unit_id: unit.id,
        kind,
        year,
        seq,
        number,
        body,
        issued_on: today,
        issued_by: who.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('info_request_events')
      .values({
        request_id: id,
        type: 'request.document',
        public_note: `${today} 出具《${DOC_KINDS[kind]}》（${number}）`,
        actor_name: who.name,
        at: nowIso(),
      })
      .execute();
    await writeAudit(trx, who, {
      action: 'request.document',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：出具${DOC_KINDS[kind]}（${number}）`,
      after: { kind, number },
    });
    return { id: d.id, number };
  });
}

export async function listDocuments(db: Db, actor: Actor, id: number) {
  await load(db, actor, id);
  return db.k
    .selectFrom('info_request_documents')
    .select(['id', 'kind', 'number', 'issued_on', 'issued_by'])
    .where('request_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function documentFile(db: Db, actor: Actor, id: number, docId: number, format: 'docx' | 'pdf' = 'docx') {
  const { unit } = await load(db, actor, id);
  const d = await db.k
    .selectFrom('info_request_documents')
    .selectAll()
    .where('id', '=', docId)
    .where('request_id', '=', id)
    .executeTakeFirst();
  if (!d) throw new NotFoundError('该文书不存在。');
  const base = `${DOC_KINDS[d.kind as DocKind]}（${d.number}）`;
  if (format === 'pdf') {
    if (!pdfAvailable()) throw new NotFoundError('服务器未安装 Chromium，无法生成 PDF，请下载 Word 版本。');
    return {
      filename: `${base}.pdf`,
      body: await htmlToPdf(letterHtml(d.kind as DocKind, d.number, d.body, unit.name, d.issued_on)),
    };
  }
  return {
    filename: `${base}.docx`,
    body: await letterDocx(d.kind as DocKind, d.number, d.body, unit.name, d.issued_on),
  };
}

// ---- 行政复议 and 行政诉讼 ----------------------------------------------------------------------

import { APPEAL_KINDS, APPEAL_RESULTS } from './model.js';

export async function addAppeal(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r, unit } = await load(db, actor, id);
  requireState(r.status, ['replied', 'delivered', 'archived'], '登记行政复议或行政诉讼（须在答复之后）');
  const kind = String(raw.kind ?? '');
  if (!(kind in APPEAL_KINDS)) throw new ValidationError({ kind: '请选择行政复议或行政诉讼的类型' });
  const filed = dateField(raw, 'filed_on', '申请复议或起诉日期', r.replied_on);
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .insertInto('info_request_appeals')
      .values({
        request_id: id,
        kind,
        filed_on: filed,
        result: null,
        decided_on: null,
        created_by: who.name,
        created_at: nowIso(),
      })
      .execute();
    await writeAudit(trx, who, {
      action: 'request.appeal',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：${APPEAL_KINDS[kind as keyof typeof APPEAL_KINDS]}（${filed}）`,
    });
  });
}

export async function decideAppeal(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r, unit } = await load(db, actor, id);
  const appealId = Number(raw.appeal_id);
  const a = await db.k
    .selectFrom('info_request_appeals')
    .selectAll()
    .where('id', '=', appealId)
    .where('request_id', '=', id)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('该复议或诉讼记录不存在。');
  const result = String(raw.result ?? '');
  if (!(result in APPEAL_RESULTS)) throw new ValidationError({ result: '请选择结果' });
  const decided = dateField(raw, 'decided_on', '结果日期', a.filed_on);
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_request_appeals')
      .set({ result, decided_on: decided })
      .where('id', '=', appealId)
      .execute();
    await writeAudit(trx, who, {
      action: 'request.appeal_result',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：${APPEAL_KINDS[a.kind as keyof typeof APPEAL_KINDS]}${APPEAL_RESULTS[result as keyof typeof APPEAL_RESULTS]}（${decided}）`,
      before: { result: a.result },
      after: { result, decided_on: decided },
    });
  });
}

export async function listAppeals(db: Db, actor: Actor, id: number) {
  await load(db, actor, id);
  return db.k.selectFrom('info_request_appeals').selectAll().where('request_id', '=', id).orderBy('id').execute();
}

// ---- 信息处理费 -----------------------------------------------------------------------------------

import { feeByCount, feeByPages, FEE_PAYMENT_WORKING_DAYS } from './fees.js';

/**
 * 收费通知: the amount by count (the applicant's requests in the same natural month) or by pages.
 * Whether the payment period is left out of the reply period is marked uncertain in the reference
 * (regulations §1.6); the setting 'request.feePausesClock' (default: yes) decides.
 */
export async function feeNotice(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['processing'], '发出收费通知');
  const basis = String(raw.basis ?? '');
  const date = dateField(raw, 'date', '通知日期', r.received_on);
  let amount: number;
  let how: string;
  if (basis === 'count') {
    const items = Number(String(raw.items ?? '1').trim() || '1');
    if (!Number.isInteger(items) || items < 1 || items > 1000)
      throw new ValidationError({ items: '件数应为 1～1000 的整数' });
    const month = r.received_on!.slice(0, 7);
    // 同一申请人 (109号第四条) as at intake (applicantKey): by identity number, or, while the number awaits
    // 补正, by name with the same contacts — a namesake's requests are not counted against this applicant.
    const earlier = await db.k
      .selectFrom('info_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        r.id_number
          ? eb('id_number', '=', r.id_number)
          : eb.and([
              eb('name', '=', r.name),
              ...(['phone', 'email', 'address'] as const).map((c) =>
                eb(eb.fn.coalesce(c, eb.val('')), '=', r[c] ?? ''),
              ),
            ]),
      )
      .where('received_on', '>=', `${month}-01`)
      .where('received_on', '<', r.received_on!)
      .executeTakeFirstOrThrow();
    amount = feeByCount(Number(earlier.n), items);
    how = `按件计收：本自然月此前已申请 ${Number(earlier.n)} 件，本申请 ${items} 件`;
  } else if (basis === 'pages') {
    const pages = Number(String(raw.pages ?? '').trim());
    if (!Number.isInteger(pages) || pages < 1 || pages > 100000) throw new ValidationError({ pages: '页数应为正整数' });
    amount = feeByPages(pages);
    how = `按量计收：共 ${pages} 页`;
  } else throw new ValidationError({ basis: '请选择按件计收或按量计收（不得同时按两种标准计算）' });
  if (amount === 0) throw new ValidationError({ basis: `${how}，在免费范围内，不收取信息处理费` });
  const setting = await db.k
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'request.feePausesClock')
    .where('scope', '=', r.number.slice(0, 6))
    .executeTakeFirst();
  const pauses = setting ? setting.value !== 'false' : true;
  return step(db, actor, id, {
    set: { status: 'fee_pending', fee_amount: amount, fee_notice_on: date },
    clock: pauses ? { type: 'pause', date, note: '等待缴纳信息处理费' } : undefined,
    note: `${date} 发出收费通知，信息处理费 ${amount} 元（${how}，国办函〔2020〕109号），请于收到通知次日起 ${FEE_PAYMENT_WORKING_DAYS} 个工作日内缴纳`,
    action: 'request.fee',
    summary: `收费通知 ${amount} 元（${how}）`,
  });
}

export async function feePaid(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['fee_pending'], '登记缴费');
  const date = dateField(raw, 'date', '缴费日期', r.fee_notice_on);
  const clock = await db.k
    .selectFrom('clocks')
    .select('events_json')
    .where('object_type', '=', 'info_request')
    .where('object_id', '=', String(id))
    .executeTakeFirst();
  const paused = (JSON.parse(clock?.events_json ?? '[]') as { type: string; note?: string }[]).some(
    (e) => e.type === 'pause' && e.note === '等待缴纳信息处理费',
  );
  return step(db, actor, id, {
    set: { status: 'processing' },
    clock: paused ? { type: 'resume', date, note: '已缴纳信息处理费' } : undefined,
    note: `${date} 申请人已缴纳信息处理费 ${r.fee_amount} 元`,
    action: 'request.fee_paid',
    summary: `缴费 ${r.fee_amount} 元`,
  });
}

/** 逾期未缴费: after the 20 working days, 视为放弃申请 → 其他处理 2. */
export async function feeUnpaid(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r } = await load(db, actor, id);
  requireState(r.status, ['fee_pending'], '按逾期未缴费处理');
  const date = dateField(raw, 'date', '处理日期', r.fee_notice_on);
  const code = (
    await db.k.selectFrom('jurisdictions').select('code').where('id', '=', r.jurisdiction_id).executeTakeFirstOrThrow()
  ).code;
  let last: string | null = null;
  try {
    // counted from the day after the notice is received; the notice date stands in for receipt
    last = addWorkingDays(await calendarFor(db.k, code), r.fee_notice_on!, FEE_PAYMENT_WORKING_DAYS, {
      ...(await rulesFor(db.k, code)),
      countFromNextDay: true,
    }).due;
  } catch {
    throw new ValidationError({ date: '缴费期限所在年份的节假日安排尚未载入，暂不能认定逾期' });
  }
  if (date <= last) throw new ValidationError({ date: `缴费期限 ${last} 尚未届满` });
  return step(db, actor, id, {
    set: { status: 'replied', outcome: 'other.unpaidFee', replied_on: date },
    clock: { type: 'stop', date, note: '逾期未缴费，不再处理' },
    note: '申请人逾期未缴纳信息处理费，视为放弃申请，不再处理',
    action: 'request.reply',
    summary: outcomeText('other.unpaidFee'),
  });
}

// ---- transfer ------------------------------------------------------------------------------------

/** A unit transfers a request it is not responsible for to the unit that is, with a reason. */
export async function transfer(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r, unit } = await load(db, actor, id);
  requireState(r.status, ['awaiting_confirmation', 'processing'], '转办');
  const to = await orgStore.findUnit(db.k, Number(raw.to_unit_id));
  const reason = String(raw.reason ?? '').trim();
  const errors: Record<string, string> = {};
  if (
    !to ||
    to.id === unit.id ||
    to.active !== 1 ||
    to.receives_requests !== 1 ||
    !to.jurisdiction_code.startsWith(r.number.slice(0, 6))
  )
    errors.to_unit_id = '请选择本县（区）内另一个受理机关';
  if (!reason) errors.reason = '请说明转办理由';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return step(db, actor, id, {
    set: { unit_id: to!.id },
    note: `${todayInChina()} 转由${to!.name}办理：${reason}`,
    action: 'request.transfer',
    summary: `转由${to!.name}办理（${reason}）`,
  });
}

// ---- the steps by name (back-office forms and the JSON API use the same table) -------------------

export type Step = (db: Db, actor: Actor, id: number, raw: Record<string, unknown>) => Promise<unknown>;

/** Every handling step by its event name. */
export const STEPS: Record<string, Step> = {
  correction: sendCorrection,
  intake_clear: clearIntake,
  corrected: receiveCorrection,
  no_correction: closeWithoutCorrection,
  consult,
  consulted: consultationDone,
  extend,
  fee: feeNotice,
  fee_paid: feePaid,
  fee_unpaid: feeUnpaid,
  propose,
  review,
  reply,
  deliver,
  archive: (db, actor, id) => archive(db, actor, id),
  appeal: addAppeal,
  appeal_result: decideAppeal,
  transfer,
  document: issueDocument,
};
