/** The county office's 信息发布设置 and the 清理结果 draft. */
import { type Context, Hono } from 'hono';
import { ValidationError } from '../../platform/errors.js';
import { page } from '../../platform/ui/layout.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { requireActor } from '../../platform/web/guards.js';
import { todayInChina } from '../../calendar/dates.js';
import * as svc from '../service.js';
import { CleanupPage } from '../views/cleanup-page.js';
import { SettingsPage } from '../views/settings-page.js';
import { flashOf, formFields, siteOf } from './input.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').db;

const settingsPage = async (c: C, values?: Values, errors?: Errors, status = 200) => {
  const s = await svc.settingsFor(db(c), requireActor(c), siteOf(c).jurisdictionCode);
  return page(c, <SettingsPage c={c} s={s} values={values} errors={errors} flash={flashOf(c)} />, status);
};

const cleanupPage = async (c: C, values: Values, errors?: Errors, status = 200) => {
  const units = await svc.cleanupUnits(db(c), requireActor(c));
  return page(c, <CleanupPage c={c} units={units} values={values} errors={errors} />, status);
};

export function settingsRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/records/settings', (c) => settingsPage(c));
  r.post(
    '/records/settings',
    formRoute({
      read: formFields,
      async submit(c, raw) {
        await svc.savePublishingSettings(db(c), requireActor(c), siteOf(c).jurisdictionCode, raw);
        return c.redirect('/admin/records/settings?done=settings', 303);
      },
      invalid: (c, raw, errors) => settingsPage(c, raw, errors, 422),
    }),
  );

  r.get('/records/cleanup', (c) => cleanupPage(c, { year: String(Number(todayInChina().slice(0, 4)) - 1) }));
  r.post(
    '/records/cleanup',
    formRoute({
      read: async (c) => {
        const fields = await formFields(c);
        return { unit_id: fields.unit_id ?? '', year: fields.year ?? '' };
      },
      async submit(c, values) {
        const year = Number(values.year);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new ValidationError({ year: '请填写 4 位年份' });
        const res = await svc.draftCleanupResult(db(c), requireActor(c), Number(values.unit_id), year);
        return c.redirect(`/admin/records/${res.id}?done=cleanup`, 303);
      },
      invalid: (c, values, errors) => cleanupPage(c, values, errors, 422),
    }),
  );

  return r;
}
