/**
 * 依申请公开, first part: intake (online and staff registration), the day of receipt by channel
 * (条例第三十一条), the 20-working-day reply clock (条例第三十三条), the handler's queue and the
 * applicant's status view by 申请编号 + 查询码.
 */
import {
  checkHoneypot,
  checkRate,
  countSubmission,
  dedupeKey,
  dedupeSince,
  type IntakeLimit,
  RateLimited,
} from '../platform/intake.js';
import { countInWindow, hit } from '../platform/throttle.js';
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { writeAudit, type AuditActor } from '../platform/audit.js';
import { NotFoundError, ValidationError, ConflictError, AppError } from '../platform/errors.js';
import { parseInput } from '../platform/validation.js';
import { assertCan, auditActor, can, reachOf, type Actor } from '../platform/access.js';
import * as orgStore from '../org/store.js';
import { startClock, clockOf, calendarFor, rulesFor } from '../calendar/service.js';
import { clockStatus, computeClock, type ClockStatus } from '../calendar/clock.js';
import { todayInChina, isIsoDate, type IsoDate } from '../calendar/dates.js';
import { requestSchema, registrationSchema } from './schema.js';
import { notifyApplicant, notifyHandlers } from './notices.js';
import { checkUploads, storeFiles, listFiles, getFile, type Upload } from '../platform/files.js';
import {
  CHANNELS,
  RECEIPT_RULES,
  REPLY_WORKING_DAYS,
  PUBLIC_RATE,
  CORRECTION_NOTICE_WORKING_DAYS,
  CORRECTION_NOTICE_PURPOSE,
  CONSULTATION_PURPOSE,
  type Channel,
} from './model.js';
import { missingContents, itemsText, applicantKey, type MissingItem } from './intake.js';
import { parseJson } from '../platform/dialect.js';

const PURPOSE = 'request.reply';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** 同一网络地址每小时最多提交的申请件数 (public intake, platform/intake.ts). */
const SUBMISSION_LIMIT: IntakeLimit = {
  kind: 'ysq',
  perWindow: PUBLIC_RATE.perHour,
  windowMinutes: 60,
  message: `同一网络地址每小时最多提交 ${PUBLIC_RATE.perHour} 件申请，请稍后再试，或通过信函、传真、电子邮件、当面等方式提交。`,
};

export { RateLimited };

function queryCode(): string {
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

async function nextNumber(
  k: Kysely<Database> | Transaction<Database>,
  countyCode: string,
  year: number,
): Promise<string> {
  const prefix = `${countyCode}-${year}-`;
  const last = await k
    .selectFrom('info_requests')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

export interface Receipt {
  id: number;
  number: string;
  /** Shown once, at submission; only its hash is stored. */
  code: string | null;
  duplicate: boolean;
  status: string;
  receivedOn: IsoDate | null;
  due: IsoDate | null;
  receiptRule: string;
  /** Contents of 条例第二十九条 found missing: the request is registered and goes the 补正 way. */
  missing: MissingItem[];
  /** 补正告知期限: 7 working days from the day of receipt (条例第三十条); null until received or without a calendar. */
  correctionNoticeDue: IsoDate | null;
}

/** The intake check stored with a request (empty when complete). */
export const intakeItems = (r: { intake_missing: string | null }): MissingItem[] =>
  parseJson<MissingItem[]>(r.intake_missing, []);

/**
 * Start the clock of the one-time 补正告知 (T2: 收到申请之日起 7 个工作日内, 条例第三十条) for a
 * request found incomplete at intake; it stops when the notice goes out or the handler finds the
 * contents clear after all.
 */
export async function startCorrectionNoticeClock(
  k: Kysely<Database> | Transaction<Database>,
  jurisdictionId: number,
  requestId: number,
  receivedOn: IsoDate,
) {
  const res = await startClock(
    k,
    {
      jurisdictionId,
      objectType: 'info_request',
      objectId: requestId,
      purpose: CORRECTION_NOTICE_PURPOSE,
      spec: { amount: CORRECTION_NOTICE_WORKING_DAYS, unit: 'workday' },
      events: [{ type: 'start', date: receivedOn, note: '收到内容需补正的申请' }],
    },
    { allowUncomputable: true },
  );
  return res?.due ?? null;
}

const incompleteNote = (items: MissingItem[]) =>
  `经初步核对，申请缺少或未写明以下内容（条例第二十九条）：${itemsText(items)}。受理机关将自收到申请之日起 ${CORRECTION_NOTICE_WORKING_DAYS} 个工作日内一次性告知需要补正的事项和补正期限（条例第三十条）`;

interface Scope {
  code: string;
  jurisdictionId: number;
}

async function receivingUnit(db: Db, scope: Scope, unitId: number) {
  const u = await orgStore.findUnit(db.k, unitId);
  if (!u?.jurisdiction_code.startsWith(scope.code) || u.active !== 1 || u.receives_requests !== 1)
    throw new ValidationError({ unit_id: '请选择受理机关' });
  return u;
}

async function create(
  db: Db,
  who: AuditActor,
  scope: Scope,
  raw: Record<string, unknown>,
  how: {
    channel: Channel;
    submittedAt: string;
    receivedOn: IsoDate | null;
    createdBy: string;
    action: 'request.submit' | 'request.register';
    attachments?: Upload[];
  },
): Promise<Receipt> {
  // Every bad field and every bad attachment is reported at once; nothing is written.
  let input: ReturnType<typeof requestSchema.parse> | undefined;
  let errors: Record<string, string> = {};
  try {
    input = parseInput(requestSchema, raw);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    errors = { ...e.fieldErrors };
  }
  try {
    checkUploads(how.attachments ?? []);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    errors = { ...errors, ...e.fieldErrors };
  }
  if (Object.keys(errors).length || !input) throw new ValidationError(errors);
  const unit = await receivingUnit(db, scope, input.unit_id);
  // Missing or unclear contents do not refuse the request: they are listed for the 补正 notice (条例第三十条).
  const missing = missingContents(input);
  // One request for the same applicant and text within ten minutes (double clicks, resubmissions);
  // without an identity number the applicant is told apart by name and contacts.
  const who_ = applicantKey(input);
  const dedupe = dedupeKey([scope.code, who_, (input.description || (input.doc_number ?? '')).replace(/\s+/g, '')]);
  const since = dedupeSince();
  const dup = await db.k
    .selectFrom('info_requests')
    .select(['id', 'number', 'status', 'received_on', 'intake_missing'])
    .where('dedupe_key', '=', dedupe)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  if (dup) {
    const c = await clockOf(db.k, 'info_request', dup.id, PURPOSE);
    const n = await db.k
      .selectFrom('clocks')
      .select('due_date')
      .where('object_type', '=', 'info_request')
      .where('object_id', '=', String(dup.id))
      .where('purpose', '=', CORRECTION_NOTICE_PURPOSE)
      .executeTakeFirst();
    return {
      id: dup.id,
      number: dup.number,
      code: null,
      duplicate: true,
      status: dup.status,
      receivedOn: dup.received_on,
      due: c?.result.due ?? null,
      receiptRule: RECEIPT_RULES[CHANNELS[how.channel].receipt],
      missing: intakeItems(dup),
      correctionNoticeDue: n?.due_date ?? null,
    };
  }
  const code = queryCode();
  const now = nowIso();
  const year = Number(todayInChina().slice(0, 4));
  const status = how.receivedOn ? 'processing' : 'awaiting_confirmation';
  return db.k.transaction().execute(async (trx) => {
    const number = await nextNumber(trx, scope.code, year);
    const r = await trx
      .insertInto('info_requests')
      .values({
        jurisdiction_id: scope.jurisdictionId,
        unit_id: unit.id,
        number,
        query_code_hash: hash(code),
        applicant_type: input.applicant_type,
        org_type: input.applicant_type === 'legal' ? input.org_type || null : null,
        name: input.name,
        id_type: input.id_type,
        id_number: input.id_number,
        phone: input.phone,
        address: input.address,
        postcode: input.postcode,
        email: input.email,
        description: input.description,
        doc_number: input.doc_number,
        form: input.form,
        delivery: input.delivery,
        channel: how.channel,
        submitted_at: how.submittedAt,
        received_on: how.receivedOn,
        status,
        dedupe_key: dedupe,
        created_by: how.createdBy,
        created_at: now,
        updated_at: now,
        intake_missing: missing.length ? JSON.stringify(missing) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('info_request_events')
      .values({
        request_id: r.id,
        type: 'submitted',
        public_note: `${CHANNELS[how.channel].label}，提交申请（${unit.name}）${how.attachments?.length ? `，附件 ${how.attachments.length} 个` : ''}`,
        actor_name: how.createdBy,
        at: now,
      })
      .execute();
    if (missing.length)
      await trx
        .insertInto('info_request_events')
        .values({
          request_id: r.id,
          type: 'incomplete',
          public_note: incompleteNote(missing),
          actor_name: how.createdBy,
          at: now,
        })
        .execute();
    if (how.attachments?.length) await storeFiles(trx, 'info_request', r.id, how.attachments);
    let due: IsoDate | null = null;
    let noticeDue: IsoDate | null = null;
    if (how.receivedOn) {
      const res = await startClock(
        trx,
        {
          jurisdictionId: scope.jurisdictionId,
          objectType: 'info_request',
          objectId: r.id,
          purpose: PURPOSE,
          spec: { amount: REPLY_WORKING_DAYS, unit: 'workday' },
          events: [{ type: 'start', date: how.receivedOn, note: '收到申请' }],
        },
        { allowUncomputable: true },
      );
      due = res?.due ?? null;
      await trx
        .insertInto('info_request_events')
        .values({
          request_id: r.id,
          type: 'received',
          public_note: `收到申请之日：${how.receivedOn}；答复期限：${due ?? '待载入节假日安排后计算'}`,
          actor_name: how.createdBy,
          at: now,
        })
        .execute();
      if (missing.length) noticeDue = await startCorrectionNoticeClock(trx, scope.jurisdictionId, r.id, how.receivedOn);
    }
    await writeAudit(trx, who, {
      action: how.action,
      objectType: 'info_request',
      objectId: r.id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${how.action === 'request.submit' ? '网上提交' : '登记'}政府信息公开申请 ${number}（${unit.name}）${missing.length ? `，需补正 ${missing.length} 项` : ''}`,
      after: { number, channel: how.channel, received_on: how.receivedOn, missing: missing.map((x) => x.key) },
    });
    if (!how.receivedOn) await notifyHandlers(trx, unit.id, number, r.id);
    else
      await notifyApplicant(
        trx,
        { id: r.id, number, email: input.email, phone: input.phone },
        unit.name,
        `已收到，收到申请之日为 ${how.receivedOn}，答复期限为 ${due ?? '待载入节假日安排后计算'}${missing.length ? `。${incompleteNote(missing)}` : ''}`,
      );
    return {
      id: r.id,
      number,
      code,
      duplicate: false,
      status,
      receivedOn: how.receivedOn,
      due,
      receiptRule: RECEIPT_RULES[CHANNELS[how.channel].receipt],
      missing,
      correctionNoticeDue: noticeDue,
    };
  });
}

/** A citizen submits online: received only when the office confirms it (条例第三十一条第三项). */
export async function submitOnline(
  db: Db,
  scope: Scope & { name: string },
  raw: Record<string, unknown>,
  ip: string | null,
  attachments: Upload[] = [],
): Promise<Receipt> {
  checkHoneypot(raw);
  await checkRate(db.k, SUBMISSION_LIMIT, ip);
  const now = nowIso();
  const receipt = await create(db, { id: null, name: '申请人（网上提交）', ip }, scope, raw, {
    channel: 'online',
    submittedAt: now,
    receivedOn: null,
    createdBy: '申请人',
    action: 'request.submit',
    attachments,
  });
  if (!receipt.duplicate) await countSubmission(db.k, SUBMISSION_LIMIT, ip);
  return receipt;
}

/** Staff register a request received in person, by letter, fax, e-mail or orally (代为填写). */
export async function register(
  db: Db,
  actor: Actor,
  scope: Scope,
  raw: Record<string, unknown>,
  attachments: Upload[] = [],
): Promise<Receipt> {
  assertCan(actor, 'request.register');
  const reg = parseInput(registrationSchema, raw);
  const unit = await receivingUnit(db, scope, Number(raw.unit_id));
  assertCan(
    actor,
    'request.register',
    { id: unit.id, jurisdictionCode: unit.jurisdiction_code },
    '您无权为该机关登记申请。',
  );
  const rule = CHANNELS[reg.channel as Channel].receipt;
  const today = todayInChina();
  if (reg.submitted_on > today) throw new ValidationError({ submitted_on: '提交日期不能晚于今天' });
  let receivedOn: IsoDate | null = null;
  if (rule === 'submitted') receivedOn = reg.submitted_on;
  else if (rule === 'signed' || rule === 'confirm_same_day') {
    if (!reg.received_on)
      throw new ValidationError({
        received_on: rule === 'signed' ? '请填写签收日期' : '请填写与申请人确认的日期（应为收到信函的当日）',
      });
    if (reg.received_on < reg.submitted_on || reg.received_on > today)
      throw new ValidationError({ received_on: '收到日期应在提交日期之后、今天之前' });
    receivedOn = reg.received_on;
  } else if (reg.received_on) {
    if (reg.received_on < reg.submitted_on || reg.received_on > today)
      throw new ValidationError({ received_on: '确认日期应在提交日期之后、今天之前' });
    receivedOn = reg.received_on; // 双方确认之日 already reached
  }
  const who = auditActor(actor);
  return create(db, who, scope, raw, {
    channel: reg.channel as Channel,
    submittedAt: `${reg.submitted_on}T00:00:00.000Z`,
    receivedOn,
    createdBy: who.name,
    action: 'request.register',
    attachments,
  });
}

async function load(db: Db, actor: Actor, id: number, action: 'request.view' | 'request.handle') {
  const r = await db.k.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('该申请不存在。');
  const unit = await orgStore.findUnit(db.k, r.unit_id);
  if (!unit) throw new NotFoundError('该申请的受理机关不存在。');
  assertCan(actor, action, { id: unit.id, jurisdictionCode: unit.jurisdiction_code }, '您无权查看或办理该申请。');
  return { request: r, unit };
}

/** Confirm receipt of an online / fax / e-mail request: the day of confirmation is the day of receipt. */
export async function confirmReceipt(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
): Promise<IsoDate | null> {
  const { request, unit } = await load(db, actor, id, 'request.handle');
  if (request.status !== 'awaiting_confirmation') throw new ConflictError('该申请已确认收到。');
  const date = String(raw.received_on ?? '').trim() || todayInChina();
  if (!isIsoDate(date)) throw new ValidationError({ received_on: '日期应为“年-月-日”格式' });
  if (date < request.submitted_at.slice(0, 10) || date > todayInChina())
    throw new ValidationError({ received_on: '确认日期应在提交日期之后、今天之前' });
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('info_requests')
      .set({ received_on: date, status: 'processing', updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    const res = await startClock(
      trx,
      {
        jurisdictionId: request.jurisdiction_id,
        objectType: 'info_request',
        objectId: id,
        purpose: PURPOSE,
        spec: { amount: REPLY_WORKING_DAYS, unit: 'workday' },
        events: [{ type: 'start', date, note: '双方确认收到申请' }],
      },
      { allowUncomputable: true },
    );
    await trx
      .insertInto('info_request_events')
      .values({
        request_id: id,
        type: 'received',
        public_note: `已确认收到申请。收到申请之日：${date}；答复期限：${res?.due ?? '待载入节假日安排后计算'}`,
        actor_name: who.name,
        at: nowIso(),
      })
      .execute();
    if (intakeItems(request).length) await startCorrectionNoticeClock(trx, request.jurisdiction_id, id, date);
    await writeAudit(trx, who, {
      action: 'request.confirm',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `确认收到申请 ${request.number}，收到申请之日 ${date}`,
      before: { status: request.status },
      after: { status: 'processing', received_on: date },
    });
    const missing = intakeItems(request);
    await notifyApplicant(
      trx,
      request,
      unit.name,
      `已确认收到，收到申请之日为 ${date}，答复期限为 ${res?.due ?? '待载入节假日安排后计算'}${missing.length ? `。${incompleteNote(missing)}` : ''}`,
    );
    return res?.due ?? null;
  });
}

const mask = (s: string | null, keep = 1) => (s ? s.slice(0, keep) + '*'.repeat(Math.max(s.length - keep, 1)) : null);
const maskId = (s: string) =>
  s.length > 8 ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : '*'.repeat(s.length);

/** One request for staff; identity numbers and contacts only for the request's handlers. */
export async function getRequest(db: Db, actor: Actor, id: number) {
  const { request, unit } = await load(db, actor, id, 'request.view');
  const pii = can(actor, 'request.pii', { id: unit.id, jurisdictionCode: unit.jurisdiction_code });
  const events = await db.k
    .selectFrom('info_request_events')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('id')
    .execute();
  const clock = await clockOf(db.k, 'info_request', id, PURPOSE).catch(() => undefined);
  const noticeClock = await clockOf(db.k, 'info_request', id, CORRECTION_NOTICE_PURPOSE).catch(() => undefined);
  const noticeRow = noticeClock
    ? undefined
    : await db.k
        .selectFrom('clocks')
        .select(['closed'])
        .where('object_type', '=', 'info_request')
        .where('object_id', '=', String(id))
        .where('purpose', '=', CORRECTION_NOTICE_PURPOSE)
        .executeTakeFirst();
  const missing = intakeItems(request);
  /** 需补正: found incomplete at intake, and the one 补正 notice is not out yet (nor the contents found clear). */
  const needsCorrection =
    missing.length > 0 &&
    request.correction_count === 0 &&
    (request.status === 'awaiting_confirmation' ||
      (request.status === 'processing' &&
        (noticeClock ? noticeClock.status.state !== 'stopped' : noticeRow ? noticeRow.closed === 0 : false)));
  const consultations = await listConsultations(db, id);
  const files = pii ? await listFiles(db.k, 'info_request', id) : [];
  const shown = pii
    ? request
    : {
        ...request,
        id_number: maskId(request.id_number),
        phone: mask(request.phone, 3),
        address: mask(request.address, 2),
        email: mask(request.email, 1),
        postcode: null,
      };
  return {
    request: shown,
    unit,
    events,
    clock,
    missing,
    needsCorrection,
    noticeClock,
    consultations,
    pii,
    files,
    canReview: can(actor, 'request.review', { id: unit.id, jurisdictionCode: unit.jurisdiction_code }),
    canHandle: can(actor, 'request.handle', { id: unit.id, jurisdictionCode: unit.jurisdiction_code }),
  };
}

export interface QueueRow {
  id: number;
  number: string;
  unitName: string;
  name: string;
  channel: string;
  status: string;
  receivedOn: string | null;
  due: string | null;
  clock: ClockStatus | null;
  /** 需补正: the 补正 items found at intake while the one notice is not yet out. */
  needsCorrection: boolean;
  /** 补正告知期限 (条例第三十条) and where it stands. */
  correctionNoticeDue: string | null;
  correctionNoticeClock: ClockStatus | null;
  /** The earliest due date of the open consultations, and whether one has passed (条例第三十二条、第三十四条). */
  consultationDue: string | null;
  consultationLapsed: boolean;
}

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
  const rows = await db.k
    .selectFrom('info_request_consultations')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
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

/** An attachment of a request: for the handlers of the request only (it may show identity documents). */
export async function requestFile(db: Db, actor: Actor, id: number, fileId: number) {
  const { unit } = await load(db, actor, id, 'request.view');
  assertCan(
    actor,
    'request.pii',
    { id: unit.id, jurisdictionCode: unit.jurisdiction_code },
    '附件仅受理机关的依申请办理员可以查看。',
  );
  const f = await getFile(db.k, 'info_request', id, fileId);
  if (!f) throw new NotFoundError('该附件不存在。');
  return f;
}

/** The work queue: requests of the units in reach, with where each clock stands today. */
export async function queue(
  db: Db,
  actor: Actor,
  filter: { state?: string } = {},
  today: IsoDate = todayInChina(),
): Promise<QueueRow[]> {
  assertCan(actor, 'request.view');
  const reach = reachOf(actor, 'request.view');
  let q = db.k
    .selectFrom('info_requests')
    .innerJoin('units', 'units.id', 'info_requests.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .leftJoin('clocks', (j) =>
      j
        .on(sql<boolean>`clocks.object_id = cast(info_requests.id as text)`)
        .on('clocks.object_type', '=', 'info_request')
        .on('clocks.purpose', '=', PURPOSE),
    )
    .leftJoin('clocks as notice', (j) =>
      j
        .on(sql<boolean>`notice.object_id = cast(info_requests.id as text)`)
        .on('notice.object_type', '=', 'info_request')
        .on('notice.purpose', '=', CORRECTION_NOTICE_PURPOSE),
    )
    .select([
      'info_requests.id',
      'info_requests.number',
      'info_requests.name',
      'info_requests.channel',
      'info_requests.status',
      'info_requests.received_on',
      'info_requests.jurisdiction_id',
      'info_requests.intake_missing',
      'info_requests.correction_count',
      'units.name as unit_name',
      'clocks.events_json',
      'clocks.amount',
      'clocks.due_date',
      'notice.events_json as notice_events',
      'notice.due_date as notice_due',
      'notice.closed as notice_closed',
    ]);
  if (!reach.all) {
    const { unitIds, jurisdictionPrefixes } = reach;
    q = q.where((eb) =>
      eb.or([
        ...(unitIds.length ? [eb('units.id', 'in', unitIds)] : []),
        ...jurisdictionPrefixes.map((p) => eb('jurisdictions.code', 'like', `${p}%`)),
        eb.lit(false),
      ]),
    );
  }
  const rows = await q.orderBy('info_requests.id', 'desc').limit(500).execute();
  const cals = new Map<
    number,
    { cal: Awaited<ReturnType<typeof calendarFor>>; rules: Awaited<ReturnType<typeof rulesFor>> }
  >();
  const statusOf = async (jurisdictionId: number, amount: number, eventsJson: string | null) => {
    if (!eventsJson) return null;
    if (!cals.has(jurisdictionId)) {
      const code = (
        await db.k.selectFrom('jurisdictions').select('code').where('id', '=', jurisdictionId).executeTakeFirstOrThrow()
      ).code;
      cals.set(jurisdictionId, { cal: await calendarFor(db.k, code), rules: await rulesFor(db.k, code) });
    }
    const { cal, rules } = cals.get(jurisdictionId)!;
    try {
      return clockStatus(
        cal,
        computeClock(cal, { amount, unit: 'workday' }, JSON.parse(eventsJson), rules),
        today,
        rules,
      );
    } catch {
      return null;
    }
  };
  // Open consultations of the listed requests with each consultee's due date.
  const ids = rows.map((r) => r.id);
  const open = ids.length
    ? await db.k
        .selectFrom('info_request_consultations')
        .leftJoin('clocks', (j) =>
          j
            .on(sql<boolean>`clocks.object_id = cast(info_request_consultations.id as text)`)
            .on('clocks.object_type', '=', 'info_request_consultation')
            .on('clocks.purpose', '=', CONSULTATION_PURPOSE),
        )
        .select(['info_request_consultations.request_id', 'clocks.due_date'])
        .where('info_request_consultations.status', '=', 'open')
        .where('info_request_consultations.request_id', 'in', ids)
        .execute()
    : [];
  const out: QueueRow[] = [];
  for (const r of rows) {
    const status = await statusOf(r.jurisdiction_id, r.amount ?? REPLY_WORKING_DAYS, r.events_json);
    const noticeOpen = r.notice_events !== null && r.notice_closed === 0;
    const needsCorrection =
      !!r.intake_missing &&
      r.intake_missing !== '[]' &&
      r.correction_count === 0 &&
      (r.status === 'awaiting_confirmation' || (r.status === 'processing' && noticeOpen));
    const noticeStatus = needsCorrection
      ? await statusOf(r.jurisdiction_id, CORRECTION_NOTICE_WORKING_DAYS, r.notice_events)
      : null;
    const dues = open.filter((c) => c.request_id === r.id).map((c) => c.due_date);
    const known = dues.filter((d): d is string => !!d).sort();
    out.push({
      id: r.id,
      number: r.number,
      unitName: r.unit_name,
      name: mask(r.name, 1)!,
      channel: r.channel,
      status: r.status,
      receivedOn: r.received_on,
      due: r.due_date,
      clock: status,
      needsCorrection,
      correctionNoticeDue: needsCorrection ? r.notice_due : null,
      correctionNoticeClock: noticeStatus,
      consultationDue: known[0] ?? null,
      consultationLapsed: known.some((d) => d < today),
    });
  }
  const s = filter.state;
  const match: Record<string, (r: QueueRow) => boolean> = {
    new: (r) => r.status === 'awaiting_confirmation',
    correction: (r) => r.status === 'correction',
    needs_correction: (r) => r.needsCorrection,
    consultation_lapsed: (r) => r.consultationLapsed,
    consultation: (r) => r.status === 'consultation',
    review: (r) => r.status === 'review',
    due_soon: (r) => r.clock?.state === 'due_soon',
    overdue: (r) => r.clock?.state === 'overdue',
    open: (r) => !['replied', 'delivered', 'archived'].includes(r.status),
  };
  return s && match[s] ? out.filter(match[s]) : out;
}

export const QUERY_THROTTLE = { failures: 10, minutes: 15 } as const;

export class QueryThrottled extends AppError {
  constructor() {
    super(`查询失败次数过多，请 ${QUERY_THROTTLE.minutes} 分钟后再试。`, 429);
  }
}

/** The applicant's view: status and dates only, with 申请编号 + 查询码; never anyone else's data. */
export async function publicStatus(db: Db, countyCode: string, number: string, code: string, ip: string | null = null) {
  const n = number.trim();
  const c = code.trim().toUpperCase();
  if (!n || !c) throw new ValidationError({ number: '请填写申请编号和查询码' });
  // Query codes are not guessable, but only if guessing is slowed down: failures are counted per address.
  const key = `ysqq:${ip ?? 'unknown'}`;
  if ((await countInWindow(db.k, key, QUERY_THROTTLE.minutes)) >= QUERY_THROTTLE.failures) throw new QueryThrottled();
  const fail = async () => {
    await hit(db.k, key, QUERY_THROTTLE.minutes);
    throw new ValidationError({ number: '申请编号或查询码不正确' });
  };
  const r = await db.k
    .selectFrom('info_requests')
    .innerJoin('units', 'units.id', 'info_requests.unit_id')
    .select([
      'info_requests.id',
      'info_requests.number',
      'info_requests.query_code_hash',
      'info_requests.status',
      'info_requests.received_on',
      'info_requests.submitted_at',
      'info_requests.channel',
      'info_requests.replied_on',
      'units.name as unit_name',
    ])
    .where('info_requests.number', '=', n)
    .executeTakeFirst();
  // The same answer for a wrong number and a wrong code: numbers are guessable, codes are not.
  if (
    !r?.number.startsWith(countyCode) ||
    r.query_code_hash.length !== 64 ||
    !crypto.timingSafeEqual(Buffer.from(r.query_code_hash), Buffer.from(hash(c)))
  )
    return fail();
  const events = await db.k
    .selectFrom('info_request_events')
    .select(['public_note', 'at'])
    .where('request_id', '=', r.id)
    .orderBy('id')
    .execute();
  const clock = await clockOf(db.k, 'info_request', r.id, PURPOSE).catch(() => undefined);
  return {
    number: r.number,
    unitName: r.unit_name,
    status: r.status,
    submittedAt: r.submitted_at,
    receivedOn: r.received_on,
    repliedOn: r.replied_on,
    due: clock?.result.due ?? null,
    steps: clock?.result.steps ?? [],
    events,
  };
}

export { RECEIPT_RULES };
