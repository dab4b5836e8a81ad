import { type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  /** 依申请公开: the unit's handler works its requests; the county office registers centrally and supervises. */
  'request.view': ['request_handler', 'office_admin', 'reviewer'],
  'request.register': ['request_handler', 'office_admin'],
  'request.handle': ['request_handler'],
  /** Applicants' identity numbers and contacts: the handlers of their request only. */
  'request.pii': ['request_handler'],
  /** 审核 incl. 保密审查 of the proposed reply (条例第十七条) by the unit's reviewer. */
  'request.review': ['reviewer'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
