/** What the back-office routes of publishing share: reading forms and parameters, the site, the flash message. */
import type { Context } from 'hono';
import { NotFoundError } from '../../platform/errors.js';
import type { Upload } from '../../platform/files.js';
import type { AppEnv } from '../../platform/web/env.js';

type C = Context<AppEnv>;

/** One-time messages after a redirect (fixed keys only). */
const FLASH: Record<string, string> = {
  created: '信息已保存为草稿。',
  saved: '已保存。',
  changed: '变更已保存，提交审查并通过后发布为新版本；在此之前已发布的版本继续公开。',
  submitted: '已提交公开审查和保密审查。',
  approved: '审查通过，可以发布。',
  filed: '审查通过。该信息不主动公开，已审定归档。',
  returned: '已退回修改。',
  published: '已发布。',
  change_published: '变更已审查通过并发布为新版本，原版本已保留。',
  scheduled: '已设定定时发布，到时将自动发布。',
  withdrawn: '已撤回，撤回理由将在门户上公开。',
  validity: '有效性已修改。',
  channel: '公开渠道已登记。',
  assessed: '定期评估结果已记录。',
  attached: '附件已上传。',
  detached: '附件已删除。',
  deleted: '草稿已删除。',
  cleanup: '已生成清理结果草稿，请核对后提交审查。',
  settings: '信息发布设置已保存。',
};
const SANITIZED = '正文中的脚本等不安全内容已被移除。';

export function flashOf(c: C): string | undefined {
  const base = FLASH[c.req.query('done') ?? ''];
  if (!base) return undefined;
  return c.req.query('clean') === '1' ? `${base}${SANITIZED}` : base;
}

export function siteOf(c: C) {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return s;
}

export const idParam = (c: C, name = 'id') => Number(c.req.param(name));

/** All fields of a (possibly multipart) form: strings, lists of strings for repeated names, and the files. */
export async function formAll(
  c: C,
): Promise<{ fields: Record<string, string | string[]>; files: Record<string, Upload[]> }> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, Upload[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    for (const x of ([] as unknown[]).concat(v)) {
      if (x instanceof File) {
        if (x.size > 0) {
          files[k] ??= [];
          files[k].push({ name: x.name, data: Buffer.from(await x.arrayBuffer()) });
        }
      } else if (typeof x === 'string') {
        const prev = fields[k];
        fields[k] = prev === undefined ? x : ([] as string[]).concat(prev, x);
      }
    }
  }
  return { fields, files };
}

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v) ?? '';

/** The fields of a form as one string each (the last of repeated names). */
export async function formFields(c: C): Promise<Record<string, string>> {
  const { fields } = await formAll(c);
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, one(v)]));
}
