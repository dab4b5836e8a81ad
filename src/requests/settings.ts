/**
 * The settings of 依申请公开, declared once (platform/settings.ts) and read for the request's place:
 * its county and its receiving unit.
 */
import { z } from '../platform/validation.js';
import { defineSetting } from '../platform/settings.js';

/** Replies go through the unit reviewer's 审核 (including 保密审查, 条例第十七条). */
export const REQUIRE_REVIEW = defineSetting('request.requireReview', '答复前须经单位审核', z.boolean(), true);

/**
 * The applicant's payment period is left out of the reply period. Marked uncertain in the reference
 * (regulations §1.6), so a county may decide.
 */
export const FEE_PAUSES_CLOCK = defineSetting(
  'request.feePausesClock',
  '缴纳信息处理费期间不计入答复期限',
  z.boolean(),
  true,
);
