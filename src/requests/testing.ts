import type { Db } from '../platform/db.js';
import type { Actor } from '../platform/access.js';
import * as wf from './workflow.js';

/** The full reply path: 拟办意见 by the handler, 审核 with 保密审查 by the reviewer, then 答复. */
export async function replyReviewed(
  db: Db,
  handler: Actor,
  reviewer: Actor,
  id: number,
  outcome: string,
  date: string,
): Promise<void> {
  await wf.propose(db, handler, id, { outcome });
  await wf.review(db, reviewer, id, { decision: 'approve', secrecy: '1' });
  await wf.reply(db, handler, id, { date });
}
