/**
 * Publishing government information against the catalog: drafting with the standard metadata
 * (regulations §4), 公开审查/保密审查 by the unit reviewer (条例第十七条), publication now or at a set
 * time within the 公开时限 (条例第二十六条), changes as new versions, withdrawal with a public reason,
 * 政策解读 reviewed and published with their policy (三同步), the yearly re-assessment of 不予公开
 * information (条例第十八条). Published information is never deleted.
 *
 * The services by subdomain, in one place for the routes, the jobs and the tests.
 */
export { assessmentQueue, assessWithheld } from './assessments.js';
export { deadlineBoard, deadlineSupervision } from './board.js';
export type { VersionSnapshot } from './changes.js';
export { cleanupUnits, draftCleanupResult } from './cleanup.js';
export { type ItemChoice, itemChoices, type RecordRow } from './core.js';
export { createRecord, deleteDraft, type SaveResult, saveRecord, type Upload, updateRecord } from './drafting.js';
export { addAttachments, addChannel, recordFile, removeAttachment } from './files.js';
export { missingInterpretations } from './interpretations.js';
export { chinaLocalToIso, publishDue, publishRecord, reviewRecord, submitRecord } from './review.js';
export { PUBLISHING_SETTINGS, publishingSettings, savePublishingSettings, settingsFor } from './settings.js';
export {
  editRecordForm,
  getForStaff,
  listForStaff,
  newRecordForm,
  PAGE_SIZE,
  recordsOverview,
  type StaffFilter,
  unitsFor,
} from './staff.js';
export { setValidity, withdrawRecord } from './withdrawal.js';
