import { type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  'user.view': ['system_admin'],
  'user.manage': ['system_admin'],
  'apiToken.manage': ['system_admin'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
