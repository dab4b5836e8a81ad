import { type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  /** A unit's annual report is written by its editor; the county office writes the county's and publishes all. */
  'report.edit': ['editor', 'office_admin'],
  'report.publish': ['office_admin'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
