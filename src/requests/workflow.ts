/**
 * The request workflow after receipt (条例第三十条至第三十六条), one file per part: 补正 (one-time
 * notice, the clock restarts on the corrected request — correction.ts), 征求意见 (time not counted —
 * consultations.ts), 延期 (≤ 20 working days with the approval of the 工作机构负责人 — extension.ts),
 * 信息处理费 (fees-workflow.ts), 拟办意见, 审核 and 答复 with exactly one result row of table 3
 * (reply.ts), 送达 and 归档 (delivery.ts), 转办 (transfer.ts), 行政复议 and 行政诉讼 (appeals.ts) and the
 * letters (letters.ts). Each step runs on the platform's workflow step (step.ts). This file names
 * them for the back-office forms and the JSON API.
 */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { addAppeal, decideAppeal } from './appeals.js';
import { consult, consultationDone } from './consultations.js';
import { clearIntake, closeWithoutCorrection, receiveCorrection, sendCorrection } from './correction.js';
import { archive, deliver } from './delivery.js';
import { extend } from './extension.js';
import { feeNotice, feePaid, feeUnpaid } from './fees-workflow.js';
import { issueDocument } from './letters.js';
import { confirmReceipt } from './receipt.js';
import { propose, reply, review } from './reply.js';
import { transfer } from './transfer.js';

export { addAppeal, decideAppeal, listAppeals } from './appeals.js';
export { consult, consultationDone } from './consultations.js';
export { clearIntake, closeWithoutCorrection, receiveCorrection, sendCorrection } from './correction.js';
export { archive, deliver } from './delivery.js';
export { extend } from './extension.js';
export { feeNotice, feePaid, feeUnpaid } from './fees-workflow.js';
export { documentFile, draftDocument, issueDocument, listDocuments } from './letters.js';
export { propose, reply, review } from './reply.js';
export { transfer } from './transfer.js';

export type Step = (db: Db, actor: Actor, id: number, raw: Record<string, unknown>) => Promise<unknown>;

/** Every handling step by its event name (back-office forms and the JSON API use the same table). */
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

/** The events of the JSON API: confirming receipt, then every handling step of the back office. */
export const EVENTS: Record<string, Step> = { confirm: confirmReceipt, ...STEPS };
