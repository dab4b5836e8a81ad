import { type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  /** Government information (条例第二十六条): drafted by the unit's editor, reviewed (公开审查/保密审查, 条例第十七条) by its reviewer. */
  'record.view': ['editor', 'reviewer', 'office_admin', 'system_admin'],
  'record.edit': ['editor', 'office_admin'],
  'record.review': ['reviewer'],
  'record.publish': ['editor', 'reviewer', 'office_admin'],
  /** Withdrawal, 有效性 changes and the yearly 不予公开 re-assessment (条例第十八条) are the reviewer's or the county office's. */
  'record.withdraw': ['reviewer', 'office_admin'],
  'record.assess': ['reviewer', 'office_admin'],
  /** Settings of publishing (索引号 scheme, interpretation limit) are the county office's. */
  'record.settings': ['office_admin', 'system_admin'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
