/**
 * Access primitives every module uses: roles, actors and declarative permission policies.
 *
 * Each module declares its own actions with `definePolicies` (in its `policies.ts`) and adds them
 * to `ActionRegistry`, so `can(actor, 'catalog.view')` is type-checked without the platform knowing
 * any module. Services call `assertCan(actor, action, unit)`; routes never decide access on their own.
 */
import type { AuditActor } from './audit.js';
import { ForbiddenError } from './errors.js';

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

export const ALL_ROLES: readonly Role[] = ROLES;

/** Which roles may perform each action (within the reach of the grant). */
export type Policies = Record<string, readonly Role[]>;

/**
 * The actions the modules declare. A module's `policies.ts` augments it:
 *
 *     export const policies = definePolicies({ 'catalog.view': ALL_ROLES });
 *     declare module '../platform/access.js' {
 *       interface ActionRegistry extends ActionsOf<typeof policies> {}
 *     }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module's policies.ts
export interface ActionRegistry {}
export type Action = keyof ActionRegistry & string;
export type ActionsOf<P extends Policies> = { [K in keyof P]: true };

const table = new Map<string, readonly Role[]>();

/** Declare a module's actions; an action may be declared once. */
export function definePolicies<const P extends Policies>(policies: P): P {
  for (const [action, roles] of Object.entries(policies)) {
    const known = table.get(action);
    if (known && known !== roles) throw new Error(`权限“${action}”被重复声明`);
    for (const r of roles)
      if (!(ROLES as readonly string[]).includes(r)) throw new Error(`权限“${action}”含未知角色 ${r}`);
    table.set(action, roles);
  }
  return policies;
}

/** Every declared action with its roles (the policy table of the installation). */
export function policyTable(): Readonly<Record<string, readonly Role[]>> {
  return Object.fromEntries(table);
}

function rolesFor(action: string): readonly Role[] {
  const roles = table.get(action);
  if (!roles) throw new Error(`未声明的权限“${action}”（模块的 policies.ts 未载入？）`);
  return roles;
}

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

/** A signed-in session as the web layer sees it (resolved by the module that owns sessions). */
export interface SessionInfo {
  sessionId: string;
  actor: UserActor;
  mustChangePassword: boolean;
}

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
  const roles = rolesFor(action);
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
