import { ALL_ROLES, type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  'unit.view': ALL_ROLES,
  'unit.create': ['system_admin', 'office_admin'],
  'unit.update': ['system_admin', 'office_admin'],
  /** The 政府信息公开工作机构 contact record (条例第四条、第十二条) may be kept up by the unit's own editor. */
  'unit.updateOffice': ['system_admin', 'office_admin', 'editor'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
