/**
 * Intake of requests: online by the applicant (public intake: honeypot, per-address limit, dedupe
 * key — platform/intake.ts) and registration by staff of what came in person, by letter, fax,
 * e-mail or orally. Missing contents never refuse a request: it is registered and goes the 补正
 * way (条例第二十九条、第三十条).
 */
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import { type Actor, assertCan, auditActor } from '../platform/access.js';
import type { AuditActor } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ValidationError } from '../platform/errors.js';
import { checkUploads, storeFiles, type Upload } from '../platform/files.js';
import {
  checkHoneypot,
  checkRate,
  countSubmission,
  dedupeKey,
  dedupeSince,
  type IntakeLimit,
  RateLimited,
} from '../platform/intake.js';
import type { Database } from '../platform/schema.js';
import { parseInput } from '../platform/validation.js';
import { runStep } from '../platform/workflow.js';
import { unitById } from '../org/api.js';
import { type IsoDate, todayInChina } from '../calendar/dates.js';
import { noticeClockOf, replyClockOf, startCorrectionNoticeClock, startReplyClock } from './clocks.js';
import { unitRef } from './common.js';
import { receivedEvent } from './domain-events.js';
import { applicantKey, incompleteNote, intakeItems, type MissingItem, missingContents } from './intake.js';
import { CHANNELS, type Channel, PUBLIC_RATE, RECEIPT_RULES } from './model.js';
import { applicantMessages, handlerMessages } from './notices.js';
import { receiptDate } from './receipt.js';
import { registrationSchema, requestSchema } from './schema.js';
import { insertEvent } from './store/events.js';
import { findDuplicate, insertRequest, lastNumberWith } from './store/requests.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const hashCode = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

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

/** The next number of a county's year: county code − year − serial. */
async function nextNumber(k: Transaction<Database>, countyCode: string, year: number): Promise<string> {
  const prefix = `${countyCode}-${year}-`;
  const last = await lastNumberWith(k, prefix);
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
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

/** The portal (county) a request is filed with: the site's jurisdiction. */
export interface Scope {
  code: string;
  jurisdictionId: number;
}

async function receivingUnit(db: Db, scope: Scope, unitId: number) {
  const u = await unitById(db.k, unitId);
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
  const applicant = applicantKey(input);
  const dedupe = dedupeKey([
    scope.code,
    applicant,
    (input.description || (input.doc_number ?? '')).replace(/\s+/g, ''),
  ]);
  const dup = await findDuplicate(db.k, dedupe, dedupeSince());
  if (dup) {
    const c = await replyClockOf(db.k, dup.id);
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
      correctionNoticeDue: (await noticeClockOf(db.k, dup.id))?.dueDate ?? null,
    };
  }
  const code = queryCode();
  const now = nowIso();
  const year = Number(todayInChina().slice(0, 4));
  const status = how.receivedOn ? 'processing' : 'awaiting_confirmation';
  const { receipt } = await runStep(db, {
    actor: who,
    change: async (trx) => {
      const number = await nextNumber(trx, scope.code, year);
      const id = await insertRequest(trx, {
        jurisdiction_id: scope.jurisdictionId,
        unit_id: unit.id,
        number,
        query_code_hash: hashCode(code),
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
      });
      const event = (type: string, note: string) =>
        insertEvent(trx, { requestId: id, type, note, actorName: how.createdBy, at: now });
      await event(
        'submitted',
        `${CHANNELS[how.channel].label}，提交申请（${unit.name}）${how.attachments?.length ? `，附件 ${how.attachments.length} 个` : ''}`,
      );
      if (missing.length) await event('incomplete', incompleteNote(missing));
      if (how.attachments?.length) await storeFiles(trx, 'info_request', id, how.attachments);
      let due: IsoDate | null = null;
      let noticeDue: IsoDate | null = null;
      if (how.receivedOn) {
        due = await startReplyClock(trx, scope.jurisdictionId, id, how.receivedOn, '收到申请');
        await event('received', `收到申请之日：${how.receivedOn}；答复期限：${due ?? '待载入节假日安排后计算'}`);
        if (missing.length) noticeDue = await startCorrectionNoticeClock(trx, scope.jurisdictionId, id, how.receivedOn);
      }
      const receipt: Receipt = {
        id,
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
      return { receipt, due };
    },
    audit: ({ receipt: { id, number } }) => ({
      action: how.action,
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${how.action === 'request.submit' ? '网上提交' : '登记'}政府信息公开申请 ${number}（${unit.name}）${missing.length ? `，需补正 ${missing.length} 项` : ''}`,
      after: { number, channel: how.channel, received_on: how.receivedOn, missing: missing.map((x) => x.key) },
    }),
    events: ({ receipt: { id } }) => (how.receivedOn ? [receivedEvent(id, unit.id, how.receivedOn)] : []),
    notify: ({ receipt: { id, number }, due }) =>
      how.receivedOn
        ? applicantMessages(
            { id, number, email: input.email, phone: input.phone },
            unit.name,
            `已收到，收到申请之日为 ${how.receivedOn}，答复期限为 ${due ?? '待载入节假日安排后计算'}${missing.length ? `。${incompleteNote(missing)}` : ''}`,
          )
        : handlerMessages(unit, number, id),
  });
  return receipt;
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
  const receipt = await create(db, { id: null, name: '申请人（网上提交）', ip }, scope, raw, {
    channel: 'online',
    submittedAt: nowIso(),
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
  assertCan(actor, 'request.register', unitRef(unit), '您无权为该机关登记申请。');
  const today = todayInChina();
  if (reg.submitted_on > today) throw new ValidationError({ submitted_on: '提交日期不能晚于今天' });
  const receivedOn = receiptDate(reg.channel as Channel, reg.submitted_on, reg.received_on, 'registration', today);
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
