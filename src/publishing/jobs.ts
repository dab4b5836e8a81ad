/** Background jobs of publishing: 定时发布 (scheduled publication). */
import type { Job } from '../platform/module.js';
import { publishDue } from './service.js';

/** Publishes what is due, every minute; the pages of every server are refreshed when it did. */
export const scheduledPublication: Job = {
  name: 'publishing.scheduled',
  label: '定时发布',
  everyMs: 60_000,
  async run(ctx) {
    const n = await publishDue(ctx.db);
    if (!n) return undefined;
    await ctx.invalidatePages();
    return `定时发布 ${n} 条`;
  },
};
