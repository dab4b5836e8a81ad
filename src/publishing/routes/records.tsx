/** The records list and the record form: drafting (for a unit, or a 解读 of a policy), editing, deleting a draft. */
import { type Context, Hono } from 'hono';
import { ValidationError } from '../../platform/errors.js';
import { page } from '../../platform/ui/layout.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { requireActor } from '../../platform/web/guards.js';
import { todayInChina } from '../../calendar/dates.js';
import * as svc from '../service.js';
import { ChooseUnitPage } from '../views/choose-unit-page.js';
import { DeletePage } from '../views/delete-page.js';
import { EditRecordPage } from '../views/edit-record-page.js';
import { NewRecordPage } from '../views/new-record-page.js';
import { RecordsPage } from '../views/records-page.js';
import { formAll, formFields, idParam, one, siteOf } from './input.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').db;

const newPage = async (c: C, values: Values, errors?: Errors, status = 200) => {
  const policyId = Number(c.req.query('policy') ?? values.policy_id) || null;
  const unitId = Number(c.req.query('unit') ?? values.unit_id) || null;
  const f = await svc.newRecordForm(db(c), requireActor(c), { unitId, policyId });
  if (!f.unit) {
    if (f.editable.length === 1) return c.redirect(`/admin/records/new?unit=${f.editable[0].id}`, 303);
    return page(c, <ChooseUnitPage c={c} editable={f.editable} />);
  }
  return page(
    c,
    <NewRecordPage c={c} unit={f.unit} policy={f.policy} items={f.items} values={values} errors={errors} />,
    status,
  );
};

const defaults = (): Values => ({
  formed_on: todayInChina(),
  attribute: 'proactive',
  validity: 'valid',
  column_slug: 'fdzdgknr',
});

const editPage = async (c: C, id: number, values?: Values, errors?: Errors, status = 200) => {
  const v = await svc.editRecordForm(db(c), requireActor(c), id);
  return page(c, <EditRecordPage c={c} v={v} values={values} errors={errors} />, status);
};

const deletePage = async (c: C, id: number, errors?: Errors, status = 200) => {
  const v = await svc.getForStaff(db(c), requireActor(c), id);
  return page(c, <DeletePage c={c} record={v.record} errors={errors} />, status);
};

export function recordsRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/records', async (c) => {
    const q = c.req.query();
    const filter = {
      unitId: Number(q.unit) || undefined,
      status: q.status || undefined,
      kind: q.kind || undefined,
      q: q.q?.trim() || undefined,
      page: Number(q.page) || 1,
    };
    const o = await svc.recordsOverview(db(c), requireActor(c), filter, siteOf(c).jurisdictionCode);
    return page(c, <RecordsPage c={c} q={q} today={todayInChina()} {...o} />);
  });

  r.get('/records/new', (c) => newPage(c, defaults()));
  r.post(
    '/records',
    formRoute({
      read: formAll,
      async submit(c, { fields, files }) {
        const unitId = Number(one(fields.unit_id));
        const res = await svc.createRecord(db(c), requireActor(c), unitId, fields, files.attachments ?? []);
        return c.redirect(`/admin/records/${res.id}?done=created${res.sanitized ? '&clean=1' : ''}`, 303);
      },
      invalid: (c, { fields }, errors) => newPage(c, fields, errors, 422),
    }),
  );

  r.get('/records/:id{[0-9]+}/edit', (c) => editPage(c, idParam(c)));
  r.post(
    '/records/:id{[0-9]+}',
    formRoute({
      read: async (c) => (await formAll(c)).fields,
      async submit(c, fields) {
        const id = idParam(c);
        const res = await svc.saveRecord(db(c), requireActor(c), id, fields);
        return c.redirect(
          `/admin/records/${id}?done=${res.change ? 'changed' : 'saved'}${res.sanitized ? '&clean=1' : ''}`,
          303,
        );
      },
      invalid: (c, fields, errors) => editPage(c, idParam(c), fields, errors, 422),
    }),
  );

  // Deleting a never-published draft: a confirmation page with a required checkbox (no JavaScript).
  r.get('/records/:id{[0-9]+}/delete', (c) => deletePage(c, idParam(c)));
  r.post(
    '/records/:id{[0-9]+}/delete',
    formRoute({
      read: formFields,
      async submit(c, fields) {
        if (fields.confirm !== '1') throw new ValidationError({ confirm: '请勾选确认后再删除' });
        await svc.deleteDraft(db(c), requireActor(c), idParam(c));
        return c.redirect('/admin/records?done=deleted', 303);
      },
      invalid: (c, _fields, errors) => deletePage(c, idParam(c), errors, 422),
    }),
  );

  return r;
}
