/** 单位管理 (/admin/units): the list, a unit's page, and the unit and office forms. */
import { Hono, type Context } from 'hono';
import { can, assertCan, type Actor } from '../platform/access.js';
import { page } from '../platform/ui/layout.js';
import type { Errors, Values } from '../platform/ui/forms.js';
import type { AppEnv } from '../platform/web/env.js';
import { formRoute } from '../platform/web/form.js';
import { requireActor, formBody, flashOf } from '../platform/web/guards.js';
import { UNIT_KINDS, type UnitKind } from './model.js';
import * as org from './service.js';
import { UnitDetailPage } from './views/unit-detail.js';
import { UnitFormPage } from './views/unit-form.js';
import { UnitListPage } from './views/unit-list.js';

type FormOpts = { values: Values; errors?: Errors; id?: number; officeOnly?: boolean; title: string };

async function unitForm(c: Context<AppEnv>, actor: Actor, opts: FormOpts, status = 200) {
  const choices = await org.unitFormChoices(c.get('deps').db, actor, opts);
  return page(c, <UnitFormPage c={c} {...opts} {...choices} />, status);
}

/** Unchecked boxes are not sent: they mean “no”. */
const readUnitForm = async (c: Context<AppEnv>) => {
  const body = await formBody(c);
  return { ...body, receives_requests: body.receives_requests ?? '', active: body.active ?? '' };
};

export function orgRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/units', async (c) => {
    const actor = requireActor(c);
    const q = c.req.query();
    const kind = UNIT_KINDS.includes(q.kind as UnitKind) ? q.kind : undefined;
    const units = await org.listUnits(c.get('deps').db, actor, { kind, q: q.q?.trim() || undefined });
    return page(
      c,
      <UnitListPage c={c} units={units} query={q} canCreate={can(actor, 'unit.create')} flash={flashOf(c)} />,
    );
  });

  r.get('/units/new', async (c) => {
    const actor = requireActor(c);
    assertCan(actor, 'unit.create');
    return unitForm(c, actor, { values: { active: 1, receives_requests: 1 }, title: '新建单位' });
  });

  r.post(
    '/units',
    formRoute({
      read: readUnitForm,
      submit: async (c, body) => {
        const id = await org.createUnit(c.get('deps').db, requireActor(c), body);
        return c.redirect(`/admin/units/${id}?done=created`, 303);
      },
      invalid: (c, body, errors) => unitForm(c, requireActor(c), { values: body, errors, title: '新建单位' }, 422),
    }),
  );

  r.get('/units/:id{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const unit = await org.getUnit(c.get('deps').db, actor, Number(c.req.param('id')));
    return page(c, <UnitDetailPage c={c} unit={unit} rights={org.canEditUnit(actor, unit)} flash={flashOf(c)} />);
  });

  r.get('/units/:id{[0-9]+}/edit', async (c) => {
    const actor = requireActor(c);
    const u = await org.getUnit(c.get('deps').db, actor, Number(c.req.param('id')), 'unit.update');
    return unitForm(c, actor, { values: u as unknown as Values, id: u.id, title: `编辑单位：${u.name}` });
  });

  r.post(
    '/units/:id{[0-9]+}',
    formRoute({
      read: readUnitForm,
      submit: async (c, body) => {
        const id = Number(c.req.param('id'));
        await org.updateUnit(c.get('deps').db, requireActor(c), id, body);
        return c.redirect(`/admin/units/${id}?done=saved`, 303);
      },
      invalid: (c, body, errors) =>
        unitForm(c, requireActor(c), { values: body, errors, id: Number(c.req.param('id')), title: '编辑单位' }, 422),
    }),
  );

  r.get('/units/:id{[0-9]+}/office', async (c) => {
    const actor = requireActor(c);
    const u = await org.getUnit(c.get('deps').db, actor, Number(c.req.param('id')), 'unit.updateOffice');
    return unitForm(c, actor, {
      values: u as unknown as Values,
      id: u.id,
      officeOnly: true,
      title: `公开工作机构信息：${u.name}`,
    });
  });

  r.post(
    '/units/:id{[0-9]+}/office',
    formRoute({
      submit: async (c, body) => {
        const id = Number(c.req.param('id'));
        await org.updateUnitOffice(c.get('deps').db, requireActor(c), id, body);
        return c.redirect(`/admin/units/${id}?done=saved`, 303);
      },
      invalid: (c, body, errors) =>
        unitForm(
          c,
          requireActor(c),
          { values: body, errors, id: Number(c.req.param('id')), officeOnly: true, title: '公开工作机构信息' },
          422,
        ),
    }),
  );

  return r;
}
