/** Names of 公开渠道和载体 as offices write them: the standard channels, their aliases, named platforms. */
import { CHANNEL_ALIASES, STANDARD_CHANNELS, type StandardChannel } from '../model.js';

const PLATFORM_SUFFIX = /(平台|网站|网|系统|热线|App|APP|app|客户端|小程序|公众号|视频号|专栏|专区|微博|微信)$/;

/** Unknown channel names are accepted as extra channels only when they name a platform/system. */
export function looksLikePlatform(name: string): boolean {
  return PLATFORM_SUFFIX.test(name);
}

/** A channel name as written, without surrounding blanks and list separators. */
export function cleanChannelName(s: string): string {
  return s.replace(/^[\s\u3000、，,；;]+|[\s\u3000、，,；;。]+$/g, '');
}

export function normChannelName(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/／/g, '/')
    .replace(/[、，,；;。.：:]+$/, '')
    .replace(/^[、，,；;]+/, '');
}

const ALIASES: Map<string, StandardChannel> = (() => {
  const m = new Map<string, StandardChannel>();
  for (const c of STANDARD_CHANNELS) m.set(normChannelName(c), c);
  for (const [k, v] of Object.entries(CHANNEL_ALIASES)) m.set(normChannelName(k), v);
  const local: Record<string, StandardChannel> = {
    发布会: '发布会/听证会',
    听证会: '发布会/听证会',
    '发布会、听证会': '发布会/听证会',
    入户: '入户/现场',
    现场: '入户/现场',
    '入户、现场': '入户/现场',
    '社区、企事业单位、村公示栏（电子屏）': '社区/企事业单位/村公示栏（电子屏）',
    '社区、企事业单位、村公示栏': '社区/企事业单位/村公示栏（电子屏）',
    '社区/企事业单位/村公示栏电子屏': '社区/企事业单位/村公示栏（电子屏）',
    纸质媒介: '纸质媒体',
    政务服务大厅: '政务服务中心',
  };
  for (const [k, v] of Object.entries(local)) m.set(normChannelName(k), v);
  return m;
})();

export function standardChannel(name: string): StandardChannel | null {
  return ALIASES.get(normChannelName(name)) ?? null;
}

/** 其他：办税服务厅 / 其他（办税服务厅）: the 其他 box with a named channel. */
export const OTHER_DETAIL = /^其他\s*(?:[:：]\s*(.+)|[（(](.+)[）)])$/s;

// Multi-part standard names that a list split on 、 would tear apart.
const PROTECTED_NAMES: [RegExp, string][] = [
  [/社区[、/／]企事业单位[、/／]村公示栏(?:[（(]电子屏[）)])?/g, '社区/企事业单位/村公示栏（电子屏）'],
  [/发布会[、/／]听证会/g, '发布会/听证会'],
  [/入户[、/／]现场/g, '入户/现场'],
];

export interface ChannelResult {
  channels: StandardChannel[];
  extra: string[];
  unknown: string[];
}

export function parseChannels(text: string): ChannelResult {
  const ticked = new Set<StandardChannel>();
  const extra: string[] = [];
  const unknown: string[] = [];
  let otherExplicit: boolean | null = null;
  let otherImplied = false;

  const entries: { name: string; on: boolean }[] = [];
  if (/[■□☑☐]/.test(text)) {
    const lead = text.split(/[■□☑☐]/)[0];
    for (const name of lead.split(/[\n、，,；;]+/)) if (normChannelName(name)) entries.push({ name, on: true });
    const re = /([■□☑☐])([^■□☑☐]*)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) entries.push({ name: m[2], on: m[1] === '■' || m[1] === '☑' });
  } else {
    let t = text;
    for (const [re, canonical] of PROTECTED_NAMES) t = t.replace(re, canonical);
    for (const name of t.split(/[\n、，,；;\s\u3000]+/)) entries.push({ name, on: true });
  }

  for (const e of entries) {
    const raw = cleanChannelName(e.name);
    const name = normChannelName(raw);
    if (!name) continue;
    const other = OTHER_DETAIL.exec(raw);
    if (other) {
      const detail = cleanChannelName(other[1] ?? other[2]);
      if (e.on) {
        otherImplied = true;
        if (!extra.includes(detail)) extra.push(detail);
      }
      continue;
    }
    const std = standardChannel(name);
    if (std) {
      if (std === '其他') otherExplicit = (otherExplicit ?? false) || e.on;
      else if (e.on) ticked.add(std);
      continue;
    }
    if (looksLikePlatform(name)) {
      if (e.on && !extra.includes(raw)) extra.push(raw);
      continue;
    }
    if (!unknown.includes(raw)) unknown.push(raw);
  }
  if (otherExplicit ?? otherImplied) ticked.add('其他');
  return { channels: STANDARD_CHANNELS.filter((c) => ticked.has(c)), extra, unknown };
}
