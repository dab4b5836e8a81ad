/** A record's page and its steps (提交审查, 审查, 发布, 撤回, 有效性, 公开渠道, 定期评估, 附件). */
import { type Context, Hono } from 'hono';
import type { Upload } from '../../platform/files.js';
import { page } from '../../platform/ui/layout.js';
import { sendFile } from '../../platform/web/download.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { requireActor } from '../../platform/web/guards.js';
import { todayInChina } from '../../calendar/dates.js';
import * as svc from '../service.js';
import type { FormState } from '../views/record-actions.js';
import { RecordPage } from '../views/record-page.js';
import { flashOf, formAll, idParam } from './input.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').db;

const detail = async (c: C, id: number, state?: FormState, status = 200) => {
  const v = await svc.getForStaff(db(c), requireActor(c), id);
  return page(c, <RecordPage c={c} v={v} state={state} flash={flashOf(c)} today={todayInChina()} />, status);
};

type Run = (
  c: C,
  id: number,
  fields: Record<string, string | string[]>,
  files: Record<string, Upload[]>,
) => Promise<string>;

/** The steps: each runs one service function and goes back to the record page with its flash key. */
const STEPS: Record<string, Run> = {
  async submit(c, id) {
    await svc.submitRecord(db(c), requireActor(c), id);
    return 'submitted';
  },
  async review(c, id, f) {
    const out = await svc.reviewRecord(db(c), requireActor(c), id, f);
    return out === 'published' ? 'change_published' : out;
  },
  publish: async (c, id, f) => svc.publishRecord(db(c), requireActor(c), id, f),
  async withdraw(c, id, f) {
    await svc.withdrawRecord(db(c), requireActor(c), id, f);
    return 'withdrawn';
  },
  async validity(c, id, f) {
    await svc.setValidity(db(c), requireActor(c), id, f);
    return 'validity';
  },
  async channel(c, id, f, files) {
    await svc.addChannel(db(c), requireActor(c), id, f, files.photo?.[0]);
    return 'channel';
  },
  async assess(c, id, f) {
    await svc.assessWithheld(db(c), requireActor(c), id, f);
    return 'assessed';
  },
  async attachments(c, id, _f, files) {
    await svc.addAttachments(db(c), requireActor(c), id, files.attachments ?? []);
    return 'attached';
  },
};

export function recordRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/records/:id{[0-9]+}', (c) => detail(c, idParam(c)));

  r.get('/records/:id{[0-9]+}/files/:fid{[0-9]+}', async (c) => {
    const f = await svc.recordFile(db(c), requireActor(c), idParam(c), idParam(c, 'fid'));
    return sendFile(c, f);
  });

  // A validation error shows the record page again with the step's form and its errors.
  for (const [name, run] of Object.entries(STEPS))
    r.post(
      `/records/:id{[0-9]+}/${name}`,
      formRoute({
        read: formAll,
        async submit(c, { fields, files }) {
          const id = idParam(c);
          const done = await run(c, id, fields, files);
          return c.redirect(`/admin/records/${id}?done=${done}`, 303);
        },
        invalid: (c, { fields }, errors) => detail(c, idParam(c), { form: name, errors, values: fields }, 422),
      }),
    );

  r.post('/records/:id{[0-9]+}/files/:fid{[0-9]+}/delete', async (c) => {
    const id = idParam(c);
    await svc.removeAttachment(db(c), requireActor(c), id, idParam(c, 'fid'));
    return c.redirect(`/admin/records/${id}?done=detached`, 303);
  });

  return r;
}
