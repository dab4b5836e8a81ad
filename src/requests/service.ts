/**
 * 依申请公开, the service up to receipt and the views of requests: intake (online and staff
 * registration), the day of receipt by channel (条例第三十一条) with the 20-working-day reply clock
 * (条例第三十三条), the handler's queue and request page, and the applicant's status view by
 * 申请编号 + 查询码. Each part lives in its own file; this one gathers them for callers (routes,
 * tests, other modules' tests). The handling steps after receipt are gathered in workflow.ts.
 */
export { startCorrectionNoticeClock } from './clocks.js';
export { getRequest, type RequestView, receivingUnits, requestFile, requestPage } from './detail.js';
export { type ConsultationView, listConsultations } from './consultations.js';
export { intakeItems } from './intake.js';
export { RECEIPT_RULES } from './model.js';
export { type QueueRow, queue } from './queue.js';
export { confirmReceipt, receiptDate } from './receipt.js';
export { RateLimited, type Receipt, register, type Scope, submitOnline } from './registration.js';
export { QUERY_THROTTLE, QueryThrottled, publicStatus } from './status.js';
