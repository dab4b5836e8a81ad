/**
 * The county's publishing settings (platform/settings.ts): the 索引号 template, the 解读 deadline
 * (working days after the policy; 0 = 同步), the 三同步 block and the re-assessment period of
 * 不予公开 information. Set by the county office for its county.
 */
import { type Actor, assertCan, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { defineSetting, readSettings, writeSetting } from '../platform/settings.js';
import { z } from '../platform/validation.js';
import { runStep } from '../platform/workflow.js';
import { jurisdictionByCode } from '../org/api.js';
import { checkIndexScheme, DEFAULT_INDEX_SCHEME, INDEX_SCHEME_KEY } from './model.js';

export const PUBLISHING_SETTINGS = {
  indexScheme: defineSetting(INDEX_SCHEME_KEY, '索引号规则', z.string(), DEFAULT_INDEX_SCHEME),
  interpretationDays: defineSetting(
    'publishing.interpretationDays',
    '解读发布期限（工作日）',
    z.number().int().min(0).max(20),
    3,
  ),
  requireInterpretation: defineSetting('publishing.requireInterpretation', '强制三同步', z.boolean(), false),
  assessMonths: defineSetting(
    'publishing.assessMonths',
    '不予公开信息评估周期（月）',
    z.number().int().min(1).max(36),
    12,
  ),
};

/** The settings that apply in a county. */
export async function publishingSettings(db: Pick<Db, 'k'>, countyCode: string) {
  return readSettings(db.k, PUBLISHING_SETTINGS, { jurisdictionCode: countyCode });
}

/** County settings: 索引号 template, 解读发布期限 (default 3 working days; 0 = 同步), 三同步 block, re-assessment period. */
export async function savePublishingSettings(
  db: Db,
  actor: Actor,
  countyCode: string,
  raw: Record<string, string>,
): Promise<void> {
  const county = await jurisdictionByCode(db.k, countyCode);
  if (!county) throw new NotFoundError();
  assertCan(actor, 'record.settings', { id: -1, jurisdictionCode: countyCode });
  const errors: Record<string, string> = {};
  const scheme = (raw.indexScheme ?? '').trim();
  const schemeError = checkIndexScheme(scheme);
  if (schemeError) errors.indexScheme = schemeError;
  const days = Number(raw.interpretationDays);
  if (!Number.isInteger(days) || days < 0 || days > 20)
    errors.interpretationDays = '解读发布期限应为 0 至 20 之间的整数（0 表示与政策文件同步发布）';
  const months = Number(raw.assessMonths);
  if (!Number.isInteger(months) || months < 1 || months > 36) errors.assessMonths = '评估周期应为 1 至 36 个月';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const s = PUBLISHING_SETTINGS;
  const require = raw.requireInterpretation === '1';
  await runStep(db, {
    actor: auditActor(actor),
    async change(trx) {
      await writeSetting(trx, s.indexScheme, countyCode, scheme);
      await writeSetting(trx, s.interpretationDays, countyCode, days);
      await writeSetting(trx, s.requireInterpretation, countyCode, require);
      await writeSetting(trx, s.assessMonths, countyCode, months);
    },
    audit: {
      action: 'record.settings',
      objectType: 'jurisdiction',
      objectId: county.id,
      jurisdictionId: county.id,
      summary: `修改信息发布设置：索引号规则 ${scheme}，解读期限 ${days} 个工作日，${require ? '' : '不'}强制三同步，不予公开信息每 ${months} 个月评估`,
      after: {
        [s.indexScheme.key]: scheme,
        [s.interpretationDays.key]: days,
        [s.requireInterpretation.key]: require,
        [s.assessMonths.key]: months,
      },
    },
  });
}

/** The settings page of a county: for the county office only. */
export async function settingsFor(db: Db, actor: Actor, countyCode: string) {
  assertCan(
    actor,
    'record.settings',
    { id: -1, jurisdictionCode: countyCode },
    '信息发布设置由县政府办公室（政务公开办）管理。',
  );
  return publishingSettings(db, countyCode);
}
