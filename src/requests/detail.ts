/** One request for the back office: its data (identity and contacts for its handlers only), clocks, record and attachments. */
import { type Actor, assertCan, can } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { NotFoundError } from '../platform/errors.js';
import { getFile, listFiles } from '../platform/files.js';
import { listAppeals } from './appeals.js';
import { unitsUnder } from '../org/api.js';
import { noticeClockOf, noticeClockStatusOf, replyClockOf } from './clocks.js';
import { loadRequest, mask, maskId, unitRef } from './common.js';
import { listConsultations } from './consultations.js';
import { intakeItems } from './intake.js';
import { awaitsCorrectionNotice } from './model.js';
import { draftDocument, listDocuments } from './letters.js';
import { listEvents } from './store/events.js';

/** One request for staff; identity numbers and contacts only for the request's handlers. */
export async function getRequest(db: Db, actor: Actor, id: number) {
  const { r: request, unit } = await loadRequest(db, actor, id, 'request.view', '您无权查看或办理该申请。');
  const pii = can(actor, 'request.pii', unitRef(unit));
  const events = await listEvents(db.k, id);
  const clock = await replyClockOf(db.k, id);
  const noticeClock = await noticeClockStatusOf(db.k, id);
  // Without a calendar the notice clock has no status: its stored state tells whether it runs.
  const stored = noticeClock ? undefined : await noticeClockOf(db.k, id);
  const noticeOpen = noticeClock ? noticeClock.status.state !== 'stopped' : stored ? !stored.closed : false;
  const missing = intakeItems(request);
  /** 需补正: found incomplete at intake, and the one 补正 notice is not out yet (nor the contents found clear). */
  const needsCorrection = awaitsCorrectionNotice(request, noticeOpen);
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
    canReview: can(actor, 'request.review', unitRef(unit)),
    canHandle: can(actor, 'request.handle', unitRef(unit)),
  };
}

export type RequestView = Awaited<ReturnType<typeof getRequest>>;

/** An attachment of a request: for the handlers of the request only (it may show identity documents). */
export async function requestFile(db: Db, actor: Actor, id: number, fileId: number) {
  const { unit } = await loadRequest(db, actor, id, 'request.view', '您无权查看或办理该申请。');
  assertCan(actor, 'request.pii', unitRef(unit), '附件仅受理机关的依申请办理员可以查看。');
  const f = await getFile(db.k, 'info_request', id, fileId);
  if (!f) throw new NotFoundError('该附件不存在。');
  return f;
}

/** The units of a county that receive requests (for the forms: where to apply, where to transfer). */
export async function receivingUnits(db: Db, countyCode: string) {
  return (await unitsUnder(db.k, countyCode, { activeOnly: true }))
    .filter((u) => u.receives_requests === 1)
    .map((u) => ({ value: u.id, label: u.name }));
}

/**
 * Everything the handling page of a request shows: the request, its letters and appeals (for its
 * handlers), a letter draft when one is asked for, and where it may be transferred.
 */
export async function requestPage(
  db: Db,
  actor: Actor,
  id: number,
  opts: { draft?: string; draftBody?: string; countyCode?: string },
) {
  const v = await getRequest(db, actor, id);
  const docs = v.canHandle ? await listDocuments(db, actor, id) : [];
  const appeals = v.canHandle ? await listAppeals(db, actor, id) : [];
  let draftText: string | null = opts.draftBody ?? null;
  if (opts.draft && draftText === null && v.canHandle)
    draftText = await draftDocument(db, actor, id, opts.draft).catch(() => null);
  const transferable = v.canHandle && ['awaiting_confirmation', 'processing'].includes(v.request.status);
  if (transferable && !opts.countyCode) throw new NotFoundError('本平台尚未初始化。');
  const transferTo = transferable
    ? (await receivingUnits(db, opts.countyCode!)).filter((u) => u.value !== v.unit.id)
    : [];
  return { ...v, docs, appeals, draftKind: opts.draft, draftText, transferTo };
}

export type RequestPageData = Awaited<ReturnType<typeof requestPage>>;
