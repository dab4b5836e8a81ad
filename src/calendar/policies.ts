import { ALL_ROLES, type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  'calendar.view': ALL_ROLES,
  'calendar.manage': ['system_admin'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
