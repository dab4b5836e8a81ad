/**
 * Catalogs (政务公开事项标准目录) per unit: adopt guideline rows, edit, declare domains that do not
 * apply, submit, review by the 县政府办公室 (per-item return comments), optional city review,
 * publication as numbered versions with full snapshots. The portal only ever shows versions.
 *
 * This is the catalog service as other modules (publishing's demo and tests, the portal) and the
 * tests call it; the rules live in the files by subdomain: catalogs.ts (a unit's catalogs, the
 * progress board), items.ts (editing items), adopt.ts (from the guidelines or the unit's other
 * catalogs), review.ts (submission, review, publication), published.ts (what the portal shows).
 */
import { cityReviewSetting } from './settings.js';

export { catalogForUnit, getCatalog, progressBoard, reviewQueue, setDomainNote } from './catalogs.js';
export { addItem, deleteItem, getItemForEdit, updateItem } from './items.js';
export { adoptRows, copyItems, pickableItems } from './adopt.js';
export { cityReview, review, submit } from './review.js';
export {
  diffSnapshots,
  type ItemDiff,
  publishedCatalogs,
  publishedDomainItems,
  publishedVersion,
} from './published.js';
export { itemColumns, toItem } from './store/items.js';
export {
  STATUS_LABELS,
  type CatalogItem,
  type ManualRule,
  type Snapshot,
  type SnapshotItem,
  type Tier,
} from './model.js';
export { CATALOG_KINDS, type CatalogKind } from './kinds.js';

/** Whether the county's catalogs go to the city after the county approves (setting, default off). */
export const CITY_REVIEW_KEY = cityReviewSetting.key;
