/** Parts shared by the account pages. */
import { ROLE_LABELS } from '../../platform/access.js';
import type { UnitRow } from '../../org/service.js';
import type { UserView } from '../users.js';

export type UnitChoice = Pick<UnitRow, 'id' | 'name' | 'jurisdiction_name'>;

/** A unit select's options: each unit with its jurisdiction. */
export const unitOptions = (units: UnitChoice[]) =>
  units.map((u) => ({ value: u.id, label: `${u.name}（${u.jurisdiction_name}）` }));

/** An account's roles, each with its unit: “单位编辑（示范县民政局）；…”. */
export const grantsText = (u: Pick<UserView, 'grants'>) =>
  u.grants.map((g) => `${ROLE_LABELS[g.role]}（${g.unitName}）`).join('；');
