import { z, optionalText } from '../platform/validation.js';
import {
  STANDARD_CHANNELS,
  TIERS,
  sortChannels,
  type CatalogItemData,
  type StandardChannel,
  type Tier,
} from './model.js';
import { DOMAINS } from './vocabulary.js';

export const KNOWN_DOMAINS: string[] = DOMAINS.map((d) => d.name);

const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
const on = (v: unknown) => v === '1' || v === 'on' || v === 'true' || v === true;

/**
 * The item form: standard channels arrive as channel_0 … channel_12 checkboxes, extra channels one
 * per line, ticks as checkboxes. Every required element must be present (the template's columns).
 */
export function parseItemForm(raw: Record<string, unknown>, categories: string[] = KNOWN_DOMAINS): CatalogItemData {
  const schema = z.object({
    domain: z
      .string({ error: '请选择所属领域（类别）' })
      .refine((d) => categories.includes(d), '请选择所属领域（类别）'),
    level1: text(100, '一级事项'),
    level2: optionalText(100, '二级事项'),
    level3: optionalText(100, '三级事项'),
    elements: text(4000, '公开内容（要素）'),
    basis: text(4000, '公开依据'),
    time_limit: text(500, '公开时限'),
    subject: text(200, '公开主体'),
    extra_channels: z.string().optional().default(''),
    specific_group: optionalText(100, '特定群体名称'),
  });
  const base = schema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!base.success) for (const i of base.error.issues) errors[String(i.path[0])] ??= i.message;
  const channels = sortChannels(STANDARD_CHANNELS.filter((_, i) => on(raw[`channel_${i}`])) as StandardChannel[]);
  const extraChannels = String(raw.extra_channels ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (extraChannels.some((c) => c.length > 60)) errors.extra_channels = '每个其他渠道名称不能超过 60 个字';
  if (channels.length === 0 && extraChannels.length === 0) errors.channel_0 = '请至少选择一个公开渠道和载体';
  const audiencePublic = on(raw.audience_public);
  const audienceSpecific = on(raw.audience_specific);
  if (!audiencePublic && !audienceSpecific) errors.audience_public = '请选择公开对象';
  const modeProactive = on(raw.mode_proactive);
  const modeOnRequest = on(raw.mode_on_request);
  if (!modeProactive && !modeOnRequest) errors.mode_proactive = '请选择公开方式';
  const tiers = TIERS.filter((t) => on(raw[`tier_${t}`])) as Tier[];
  if (tiers.length === 0) errors.tier_county = '请选择公开层级';
  if (base.success && audienceSpecific && !base.data.specific_group)
    errors.specific_group = '选择“特定群体”时请写明群体，如“低保对象”';
  if (Object.keys(errors).length || !base.success) throw Object.assign(new Error('invalid'), { fieldErrors: errors });
  const d = base.data;
  return {
    domain: d.domain,
    level1: d.level1,
    level2: d.level2,
    level3: d.level3,
    elements: d.elements,
    basis: d.basis,
    timeLimit: d.time_limit,
    subject: d.subject,
    channels,
    extraChannels,
    audiencePublic,
    audienceSpecific,
    specificGroup: audienceSpecific ? d.specific_group : null,
    modeProactive,
    modeOnRequest,
    tiers,
  };
}
