/** 工作日历 (/admin/calendar): the calendar page, local adjustments, imports and the counting rules. */
import { Hono, type Context } from 'hono';
import { assertCan } from '../../platform/access.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { requireActor } from '../../platform/web/guards.js';
import { yearOf } from '../dates.js';
import * as svc from '../service.js';
import { WorkCalendarPage } from '../views/work-calendar.js';

const MAX_UPLOAD = 1024 * 1024;

const FLASH: Record<string, string> = { saved: '已保存。', removed: '已删除该调整。', rules: '计算规则已保存。' };

async function calendarPage(
  c: Context<AppEnv>,
  opts: { errors?: Errors; values?: Values; importErrors?: string; rulesErrors?: Errors; flash?: string } = {},
  status = 200,
) {
  const actor = requireActor(c);
  const overview = await svc.calendarOverview(c.get('deps').db, actor, c.get('site'), Number(c.req.query('year')));
  const flash = opts.flash ?? FLASH[c.req.query('done') ?? ''];
  return page(c, <WorkCalendarPage c={c} overview={overview} {...opts} flash={flash} />, status);
}

export function calendarAdminRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/calendar', (c) => calendarPage(c));

  r.post(
    '/calendar/overrides',
    formRoute({
      submit: async (c, body) => {
        await svc.addOverride(c.get('deps').db, requireActor(c), svc.siteScope(c.get('site')), body);
        return c.redirect(`/admin/calendar?year=${yearOf(body.date)}&done=saved`, 303);
      },
      invalid: (c, body, errors) => calendarPage(c, { errors, values: body }, 422),
    }),
  );

  r.post('/calendar/overrides/:id{[0-9]+}/delete', async (c) => {
    const actor = requireActor(c);
    await svc.removeOverride(c.get('deps').db, actor, svc.siteScope(c.get('site')), Number(c.req.param('id')));
    return c.redirect('/admin/calendar?done=removed', 303);
  });

  r.post(
    '/calendar/import',
    formRoute({
      read: (c) => {
        assertCan(requireActor(c), 'calendar.manage');
        return c.req.parseBody();
      },
      submit: async (c, body) => {
        const file = body.file;
        if (!(file instanceof File) || file.size === 0)
          return calendarPage(c, { importErrors: '请选择要导入的文件。' }, 422);
        if (file.size > MAX_UPLOAD) return calendarPage(c, { importErrors: '文件超过 1 MB，未导入。' }, 422);
        const content = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer());
        const res = await svc.importSchedule(c.get('deps').db, requireActor(c), svc.siteScope(c.get('site')), {
          filename: file.name,
          content,
          fullYear: body.full_year === '1' || body.full_year === 'on',
          title: typeof body.title === 'string' ? body.title : undefined,
          docNumber: typeof body.doc_number === 'string' ? body.doc_number : undefined,
        });
        return calendarPage(c, {
          flash: `已导入 ${res.days} 个日期（${res.years.join('、')}年）${res.markedYears.length ? `，${res.markedYears[0]}年已载入全年安排` : ''}；重新计算了 ${res.recomputed} 个进行中的期限。`,
        });
      },
      invalid: (c, _body, _errors, message) => calendarPage(c, { importErrors: message }, 422),
    }),
  );

  r.post(
    '/calendar/rules',
    formRoute({
      submit: async (c, body) => {
        await svc.setRules(c.get('deps').db, requireActor(c), svc.siteScope(c.get('site')), body);
        return c.redirect('/admin/calendar?done=rules', 303);
      },
      invalid: (c, _body, errors) => calendarPage(c, { rulesErrors: errors }, 422),
    }),
  );
  return r;
}
