/**
 * The letters of a request (答复书, 补正告知书, 延期答复告知书, 征求意见书, 收费通知): a draft from the
 * request's data for the handler to edit, the issued letter numbered per unit and year and kept
 * unchanged, and its download as .docx or PDF. The texts themselves are in documents.ts.
 */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import { htmlToPdf, pdfAvailable } from '../platform/pdf.js';
import { runStep } from '../platform/workflow.js';
import type { ClockEvent } from '../calendar/clock.js';
import { todayInChina } from '../calendar/dates.js';
import { storedReplyClock } from './clocks.js';
import { loadForHandling } from './common.js';
import { DOC_KINDS, type DocKind, draftLetter, letterDocx, letterHtml } from './documents.js';
import { intakeItems, itemsText } from './intake.js';
import { latestConsultation } from './store/consultations.js';
import { insertDocument, lastDocumentSeq, findDocument, listDocumentRows } from './store/documents.js';
import { firstEventNote, insertEvent } from './store/events.js';

const isDocKind = (k: string): k is DocKind => k in DOC_KINDS;

/** A draft letter of a kind for a request, from its data. */
export async function draftDocument(db: Db, actor: Actor, id: number, kind: string): Promise<string> {
  const { r, unit } = await loadForHandling(db, actor, id);
  if (!isDocKind(kind)) throw new ValidationError({ kind: '请选择文书类型' });
  const clock = await storedReplyClock(db.k, id);
  const ext = (clock?.events ?? [])
    .filter((e): e is Extract<ClockEvent, { type: 'extend' }> => e.type === 'extend')
    .reduce((s, e) => s + e.workingDays, 0);
  const correction = await firstEventNote(db.k, id, 'request.correction');
  const intake = intakeItems(r);
  const consultation = await latestConsultation(db.k, id);
  return draftLetter(kind, {
    applicant: r.name,
    unitName: unit.name,
    submittedOn: r.submitted_at.slice(0, 10),
    receivedOn: r.received_on,
    description: r.description,
    outcome: (r.outcome as never) ?? null,
    // Before the notice goes out, the items found missing at intake (条例第二十九条) fill it in.
    correctionItems:
      correction !== undefined
        ? correction.replace(/^.*?前补正：/, '').replace(/（已超过.*$/, '')
        : intake.length
          ? itemsText(intake)
          : undefined,
    correctionUntil: r.correction_due,
    extensionDays: ext || undefined,
    extensionUntil: clock?.dueDate ?? null,
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
  const { r, unit } = await loadForHandling(db, actor, id);
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
  return runStep(db, {
    actor: who,
    change: async (trx) => {
      const seq = (await lastDocumentSeq(trx, unit.id, year)) + 1;
      const number = `${short}依申公开〔${year}〕${seq}号`;
      const docId = await insertDocument(trx, {
        request_id: id,
        unit_id: unit.id,
        kind,
        year,
        seq,
        number,
        body,
        issued_on: today,
        issued_by: who.name,
      });
      await insertEvent(trx, {
        requestId: id,
        type: 'request.document',
        note: `${today} 出具《${DOC_KINDS[kind]}》（${number}）`,
        actorName: who.name,
        at: nowIso(),
      });
      return { id: docId, number };
    },
    audit: ({ number }) => ({
      action: 'request.document',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：出具${DOC_KINDS[kind]}（${number}）`,
      after: { kind, number },
    }),
  });
}

export async function listDocuments(db: Db, actor: Actor, id: number) {
  await loadForHandling(db, actor, id);
  return listDocumentRows(db.k, id);
}

export async function documentFile(db: Db, actor: Actor, id: number, docId: number, format: 'docx' | 'pdf' = 'docx') {
  const { unit } = await loadForHandling(db, actor, id);
  const d = await findDocument(db.k, id, docId);
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
