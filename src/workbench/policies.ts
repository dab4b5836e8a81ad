import { ALL_ROLES, type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  'dashboard.view': ALL_ROLES,
  'audit.view': ['system_admin', 'office_admin'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
