/** 年度报告: the editor, publishing and exports (/admin/reports), and published reports on the portal (/xxgk/ndbg/:id). */
import { Hono, type Context } from 'hono';
import * as org from '../org/service.js';
import { NotFoundError } from '../platform/errors.js';
import type { Errors, Values } from '../platform/ui/forms.js';
import { page } from '../platform/ui/layout.js';
import type { AppEnv } from '../platform/web/env.js';
import { formRoute, submitForm } from '../platform/web/form.js';
import { requireActor } from '../platform/web/guards.js';
import { todayInChina } from '../calendar/dates.js';
import { publishReport, publishedReport, reportFor, saveReport, type ReportData } from './annual.js';
import { reportDocx } from './docx.js';
import { reportTitle } from './model.js';
import { PublishedReportPage } from './views/published-report.js';
import { ReportEditorPage } from './views/report-editor.js';
import { StandaloneReport } from './views/standalone.js';

type C = Context<AppEnv>;

const county = (c: C) => {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return s.jurisdictionCode;
};

const FLASH: Record<string, string> = { saved: '已保存。', published: '已发布到“政府信息公开工作年度报告”栏目。' };

async function editor(
  c: C,
  unitId: number,
  year: number,
  opts: { errors?: Errors; values?: Values; message?: string } = {},
  status = 200,
) {
  const actor = requireActor(c);
  const db = c.get('deps').db;
  const report = await reportFor(db, actor, unitId, year);
  const units = await org.listUnits(db, actor, { activeOnly: true });
  const flash = FLASH[c.req.query('done') ?? ''];
  return page(
    c,
    <ReportEditorPage c={c} unitId={unitId} year={year} report={report} units={units} flash={flash} {...opts} />,
    status,
  );
}

/** The unit and year of a report's URL. */
const reportOf = (c: C) => ({ unit: Number(c.req.param('unit')), year: Number(c.req.param('year')) });

/** An export's content-disposition: an ASCII file name and the report's title in UTF-8. */
const attachment = (r: ReportData, ext: 'html' | 'docx') =>
  `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(reportTitle(r))}.${ext}`;

export function reportAdminRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/reports', async (c) => {
    const actor = requireActor(c);
    const unit = Number(c.req.query('unit')) || actor.grants[0]?.unitId;
    const year = Number(c.req.query('year')) || Number(todayInChina().slice(0, 4)) - 1;
    if (!unit) throw new NotFoundError('没有可查看的单位。');
    return editor(c, unit, year);
  });
  r.post(
    '/reports/:unit{[0-9]+}/:year{[0-9]{4}}',
    formRoute({
      submit: async (c, body) => {
        const { unit, year } = reportOf(c);
        await saveReport(c.get('deps').db, requireActor(c), unit, year, body);
        return c.redirect(`/admin/reports?unit=${unit}&year=${year}&done=saved`, 303);
      },
      invalid: (c, body, errors) => {
        const { unit, year } = reportOf(c);
        return editor(c, unit, year, { errors, values: body }, 422);
      },
    }),
  );
  r.post('/reports/:unit{[0-9]+}/:year{[0-9]{4}}/publish', (c) =>
    submitForm(c, reportOf(c), {
      submit: async (c, { unit, year }) => {
        await publishReport(c.get('deps').db, requireActor(c), unit, year);
        return c.redirect(`/admin/reports?unit=${unit}&year=${year}&done=published`, 303);
      },
      invalid: (c, { unit, year }, _errors, message) => editor(c, unit, year, { message }, 422),
    }),
  );
  r.get('/reports/:unit{[0-9]+}/:year{[0-9]{4}}/export.html', async (c) => {
    const { unit, year } = reportOf(c);
    const rep = await reportFor(c.get('deps').db, requireActor(c), unit, year);
    const html = '<!DOCTYPE html>' + (await (<StandaloneReport r={rep.data} />).toString());
    return c.body(html, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': attachment(rep.data, 'html'),
    });
  });
  r.get('/reports/:unit{[0-9]+}/:year{[0-9]{4}}/export.docx', async (c) => {
    const { unit, year } = reportOf(c);
    const rep = await reportFor(c.get('deps').db, requireActor(c), unit, year);
    return c.body(new Uint8Array(await reportDocx(rep.data)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': attachment(rep.data, 'docx'),
    });
  });
  return r;
}

export function reportPortalRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/xxgk/ndbg/:id{[0-9]+}', async (c) => {
    const rep = await publishedReport(c.get('deps').db, county(c), Number(c.req.param('id')));
    return page(c, <PublishedReportPage c={c} report={rep} />);
  });
  return r;
}
