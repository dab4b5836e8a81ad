/** The county office's overview: every unit's progress, the 责任清单 by domain, and the city review setting. */
import { Hono } from 'hono';
import type { Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { type FieldErrors, formRoute } from '../../platform/web/form.js';
import { formBody, requireActor } from '../../platform/web/guards.js';
import { boardOverview, dutiesOverview, dutyChoices, dutyOf, setCityReview, setDuty } from '../duties.js';
import { BoardPage } from '../views/board.js';
import { DutiesPage } from '../views/duties.js';
import { DutyFormPage } from '../views/duty-form.js';
import { type C, dbOf, scopeOf } from './context.js';

async function renderDutyForm(c: C, slug: string, values: Values, errors?: FieldErrors, status = 200) {
  const x = await dutyChoices(dbOf(c), requireActor(c), scopeOf(c), slug);
  return page(
    c,
    <DutyFormPage c={c} slug={slug} domainName={x.domain.name} units={x.units} values={values} errors={errors} />,
    status,
  );
}

export function planningRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/catalogs', async (c) => {
    const actor = requireActor(c);
    const x = await boardOverview(dbOf(c), actor, c.get('site') ? scopeOf(c) : null);
    return page(c, <BoardPage c={c} board={x.board} queue={x.queue} late={x.late} />);
  });

  r.get('/catalogs/duties', async (c) => {
    const actor = requireActor(c);
    const x = await dutiesOverview(dbOf(c), actor, scopeOf(c));
    const flash = c.req.query('done') === 'saved' ? '已保存。' : undefined;
    return page(c, <DutiesPage c={c} rows={x.rows} plan={x.plan} cityReview={x.cityReview} flash={flash} />);
  });

  r.post('/catalogs/city-review', async (c) => {
    const body = await formBody(c);
    await setCityReview(dbOf(c), requireActor(c), scopeOf(c), body.city_review === '1');
    return c.redirect('/admin/catalogs/duties?done=saved', 303);
  });

  r.get('/catalogs/duties/:slug', async (c) => {
    const row = await dutyOf(dbOf(c), requireActor(c), scopeOf(c), c.req.param('slug'));
    return renderDutyForm(c, row.slug, {
      lead_unit_id: row.leadUnitId ?? '',
      cooperating: row.cooperating.map((u) => String(u.id)) as unknown as string,
      due_date: row.dueDate ?? '',
    });
  });

  r.post(
    '/catalogs/duties/:slug',
    formRoute({
      read: async (c): Promise<Record<string, unknown>> => ({
        ...(await c.req.parseBody({ all: true })),
        domain: c.req.param('slug'),
      }),
      submit: async (c, raw) => {
        await setDuty(dbOf(c), requireActor(c), scopeOf(c), raw);
        return c.redirect('/admin/catalogs/duties?done=saved', 303);
      },
      invalid: (c, raw, errors) => renderDutyForm(c, c.req.param('slug') ?? '', raw as Values, errors, 422),
    }),
  );

  return r;
}
