/** The catalog module's settings (platform/settings.ts: typed, read along the scope chain). */
import { defineSetting } from '../platform/settings.js';
import { z } from '../platform/validation.js';

/** Whether approved catalogs go on to the city after the county approves (经市政府审核把关); default off. */
export const cityReviewSetting = defineSetting('catalog.cityReview', '目录须经市级审核后发布', z.boolean(), false);
