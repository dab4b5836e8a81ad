import { ALL_ROLES, type ActionsOf, definePolicies } from '../platform/access.js';

export const policies = definePolicies({
  'catalog.view': ALL_ROLES,
  /** A unit's editor compiles its catalog; the county office may edit on a unit's behalf. */
  'catalog.edit': ['editor', 'office_admin'],
  /** 县政府办公室 review (条例第三条: the 主管部门). */
  'catalog.review': ['office_admin'],
  /** 经市政府审核把关 (optional city review). */
  'catalog.cityReview': ['superior_reviewer'],
  /** The 责任清单 (who compiles which domain by when) is set by the county office. */
  'catalog.plan': ['office_admin'],
  /** Import the full guideline tables the county office holds on paper. */
  'guideline.import': ['office_admin', 'system_admin'],
  /** The county's 政务服务事项 list (from the 政务服务 system). */
  'serviceItems.import': ['office_admin', 'system_admin'],
});

declare module '../platform/access.js' {
  interface ActionRegistry extends ActionsOf<typeof policies> {}
}
