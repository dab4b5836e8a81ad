/**
 * Roles and declarative permission policies. Services call `assertCan(actor, action, unit)`;
 * routes never decide access on their own.
 */
import { ForbiddenError } from '../platform/errors.js';
import type { AuditActor } from '../platform/audit.js';

export const ROLES = [
  'system_admin',
  'office_admin',
  'editor',
  'reviewer',
  'request_handler',
  'superior_reviewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: '系统管理员',
  office_admin: '公开办管理员',
  editor: '单位编辑',
  reviewer: '单位审核',
  request_handler: '依申请办理员',
  superior_reviewer: '上级审核',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  system_admin: '管理账号、单位、日历和系统设置，范围为所属单位所在行政区及其下级',
  office_admin: '政府信息公开工作主管部门（条例第三条），监督本行政区各单位，审核目录，编制年度报告',
  editor: '编制本单位目录，按目录发布政府信息，起草政策解读',
  reviewer: '对本单位拟公开信息进行公开审查和保密审查，审批答复',
  request_handler: '登记、补正、征求意见、答复和归档本单位的政府信息公开申请',
  superior_reviewer: '上级政府对本行政区标准目录进行审核把关',
};

/**
 * How far a grant reaches: a jurisdiction-wide role reaches every unit whose jurisdiction lies in
 * the subtree of the granted unit's jurisdiction (codes are hierarchical prefixes: 县 6 位 → 乡镇 9 位
 * → 村 12 位); a unit role reaches only its own unit.
 */
export const ROLE_REACH: Record<Role, 'jurisdiction' | 'unit'> = {
  system_admin: 'jurisdiction',
  office_admin: 'jurisdiction',
  superior_reviewer: 'jurisdiction',
  editor: 'unit',
  reviewer: 'unit',
  request_handler: 'unit',
};

const ALL: readonly Role[] = ROLES;

/** Which roles may perform each action (within the reach of the grant). */
export const POLICIES = {
  'dashboard.view': ALL,
  'unit.view': ALL,
  'unit.create': ['system_admin', 'office_admin'],
  'unit.update': ['system_admin', 'office_admin'],
  /** The 政府信息公开工作机构 contact record (条例第四条、第十二条) may be kept up by the unit's own editor. */
  'unit.updateOffice': ['system_admin', 'office_admin', 'editor'],
  'user.view': ['system_admin'],
  'user.manage': ['system_admin'],
  'audit.view': ['system_admin', 'office_admin'],
  'calendar.view': ALL,
  'catalog.view': ALL,
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
  /** 依申请公开: the unit's handler works its requests; the county office registers centrally and supervises. */
  'request.view': ['request_handler', 'office_admin', 'reviewer'],
  'request.register': ['request_handler', 'office_admin'],
  'request.handle': ['request_handler'],
  /** Applicants' identity numbers and contacts: the handlers of their request only. */
  'request.pii': ['request_handler'],
  /** 审核 incl. 保密审查 of the proposed reply (条例第十七条) by the unit's reviewer. */
  'request.review': ['reviewer'],
  /** A unit's annual report is written by its editor; the county office writes the county's and publishes all. */
  'report.edit': ['editor', 'office_admin'],
  'report.publish': ['office_admin'],
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
  'apiToken.manage': ['system_admin'],
  'calendar.manage': ['system_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICIES;

export interface Grant {
  role: Role;
  unitId: number;
  unitName: string;
  jurisdictionId: number;
  jurisdictionCode: string;
  jurisdictionName: string;
}

export interface UserActor {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  grants: Grant[];
  ip: string | null;
}

export interface SystemActor {
  kind: 'system';
  name: string;
  ip: string | null;
}

export type Actor = UserActor | SystemActor;

export const systemActor = (name = '系统（命令行）'): SystemActor => ({ kind: 'system', name, ip: null });

export function auditActor(actor: Actor): AuditActor {
  return actor.kind === 'user'
    ? { id: actor.userId, name: `${actor.displayName}（${actor.username}）`, ip: actor.ip }
    : { id: null, name: actor.name, ip: actor.ip };
}

/** What a check needs to know about the unit an action touches. */
export interface UnitRef {
  id: number;
  jurisdictionCode: string;
}

export function grantCovers(grant: Grant, unit: UnitRef): boolean {
  return ROLE_REACH[grant.role] === 'unit'
    ? grant.unitId === unit.id
    : unit.jurisdictionCode.startsWith(grant.jurisdictionCode);
}

function grantsFor(actor: UserActor, action: Action): Grant[] {
  const roles: readonly Role[] = POLICIES[action];
  return actor.grants.filter((g) => roles.includes(g.role));
}

/** May the actor do this at all (unit omitted) or to this unit? */
export function can(actor: Actor, action: Action, unit?: UnitRef): boolean {
  if (actor.kind === 'system') return true;
  const grants = grantsFor(actor, action);
  if (!unit) return grants.length > 0;
  return grants.some((g) => grantCovers(g, unit));
}

export function assertCan(actor: Actor, action: Action, unit?: UnitRef, message?: string): void {
  if (!can(actor, action, unit)) throw new ForbiddenError(message);
}

/** The set of units an action reaches, for building list queries. */
export type Reach = { all: true } | { all: false; unitIds: number[]; jurisdictionPrefixes: string[] };

export function reachOf(actor: Actor, action: Action): Reach {
  if (actor.kind === 'system') return { all: true };
  const unitIds: number[] = [];
  const prefixes: string[] = [];
  for (const g of grantsFor(actor, action)) {
    if (ROLE_REACH[g.role] === 'unit') unitIds.push(g.unitId);
    else prefixes.push(g.jurisdictionCode);
  }
  return { all: false, unitIds: [...new Set(unitIds)], jurisdictionPrefixes: [...new Set(prefixes)] };
}

export function reachIsEmpty(r: Reach): boolean {
  return !r.all && r.unitIds.length === 0 && r.jurisdictionPrefixes.length === 0;
}
