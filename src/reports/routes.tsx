import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/web/env.js';
import { AdminLayout, PortalLayout, page } from '../platform/ui/layout.js';
import {
  Csrf,
  ErrorSummary,
  SelectField,
  TextField,
  formatTime,
  type Errors,
  type Values,
} from '../platform/ui/forms.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { requireActor, formBody } from '../platform/web/guards.js';
import { can } from '../platform/access.js';
import * as org from '../org/service.js';
import { reportFor, saveReport, publishReport, publishedReports, publishedReport, type ReportData } from './annual.js';
import { reportDocx } from './docx.js';
import { ReportView } from './views.js';
import { SECTION_TITLES, TABLE2_COMPUTED, TABLE2_COMPUTED_NOTE, TABLE2_ENTERED, TABLE2_FIELDS } from './model.js';
import { todayInChina } from '../calendar/dates.js';

const county = (c: Context<AppEnv>) => {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return s.jurisdictionCode;
};

const fileName = (r: ReportData) => `${r.unitName}${r.year}年政府信息公开工作年度报告`;

function Standalone(props: { r: ReportData }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{fileName(props.r)}</title>
        <link rel="stylesheet" href="/static/gongkai.css" />
      </head>
      <body>
        <main class="wrap main">
          <ReportView r={props.r} />
        </main>
      </body>
    </html>
  );
}

export function reportAdminRoutes() {
  const r = new Hono<AppEnv>();
  const editor = async (
    c: Context<AppEnv>,
    unitId: number,
    year: number,
    opts: { errors?: Errors; values?: Values; message?: string } = {},
    status = 200,
  ) => {
    const actor = requireActor(c);
    const db = c.get('deps').db;
    const rep = await reportFor(db, actor, unitId, year);
    const units = await org.listUnits(db, actor, { activeOnly: true });
    const v: Values = opts.values ?? { ...rep.data.sections, ...rep.data.table2 };
    const flash = (
      { saved: '已保存。', published: '已发布到“政府信息公开工作年度报告”栏目。' } as Record<string, string>
    )[c.req.query('done') ?? ''];
    return page(
      c,
      <AdminLayout c={c} title="政府信息公开工作年度报告" current="reports" flash={flash}>
        <form method="get" action="/admin/reports" class="filters" aria-label="选择单位和年度">
          <SelectField
            name="unit"
            label="单位"
            values={{ unit: unitId }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <TextField name="year" label="年度" values={{ year }} inputmode="numeric" />
          <button type="submit" class="button secondary">
            打开
          </button>
        </form>
        <p class="muted">
          表二第二十条第（一）项按本平台已发布的规章、行政规范性文件，表三、表四按本系统中的申请和复议诉讼记录实时计算
          {rep.data.rollUp ? '（县政府报告汇总全县各单位）' : ''}；期限：县级以上人民政府部门 1月31日前，县级人民政府
          3月31日前（条例第四十九条）。 状态：
          {rep.status === 'published' ? `已发布（${formatTime(rep.publishedAt)}）` : '草稿'}。 导出：
          <a href={`/admin/reports/${unitId}/${year}/export.html`}>HTML</a>　
          <a href={`/admin/reports/${unitId}/${year}/export.docx`}>Word</a>
        </p>
        {rep.data.checks.length ? (
          <div class="notice" role="alert">
            <p>勾稽关系不成立：</p>
            <ul>
              {rep.data.checks.map((x) => (
                <li>{x}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="muted">勾稽关系校验通过。</p>
        )}
        <ErrorSummary
          errors={opts.errors}
          message={opts.message}
          labels={Object.fromEntries([
            ['one', '总体情况'],
            ['five', '存在的主要问题及改进情况'],
            ['six', '其他需要报告的事项'],
            ...TABLE2_FIELDS.map(([k, a, b]) => [k, `${a}${b}`]),
          ])}
        />
        {rep.canEdit && rep.status !== 'published' ? (
          <form method="post" action={`/admin/reports/${unitId}/${year}`} class="form" novalidate>
            <Csrf token={c.get('csrf')} />
            {(['one', 'five', 'six'] as const).map((k) => (
              <div class={opts.errors?.[k] ? 'field has-error' : 'field'}>
                <label for={`f-${k}`}>{SECTION_TITLES[k]}</label>
                {opts.errors?.[k] ? (
                  <p class="field-error" id={`e-${k}`}>
                    {opts.errors[k]}
                  </p>
                ) : null}
                <textarea id={`f-${k}`} name={k} rows={k === 'one' ? 10 : 4}>
                  {String(v[k] ?? '')}
                </textarea>
              </div>
            ))}
            <fieldset>
              <legend>{SECTION_TITLES.two}</legend>
              <p class="muted">
                第二十条第（一）项{TABLE2_COMPUTED_NOTE}（信息的“文件类别（年报表二）”为规章或行政规范性文件
                {rep.data.rollUp ? '，汇总全县各单位' : ''}），不能修改：
              </p>
              <dl class="meta">
                {TABLE2_FIELDS.filter(([k]) => (TABLE2_COMPUTED as readonly string[]).includes(k)).map(([k, a, b]) => (
                  <>
                    <dt>
                      {a}：{b}
                    </dt>
                    <dd>
                      {String(rep.data.table2[k])}（{TABLE2_COMPUTED_NOTE}）
                    </dd>
                  </>
                ))}
              </dl>
              <p class="muted">以下各项本平台尚无对应记录，请填写：</p>
              {TABLE2_ENTERED.map(([k, a, b]) => (
                <TextField name={k} label={`${a}：${b}`} values={v} errors={opts.errors} inputmode="numeric" />
              ))}
            </fieldset>
            <button type="submit" class="button">
              保存
            </button>
          </form>
        ) : null}
        {rep.canPublish && rep.status !== 'published' ? (
          <form method="post" action={`/admin/reports/${unitId}/${year}/publish`} class="inline">
            <Csrf token={c.get('csrf')} />
            <button type="submit" class="button">
              发布到门户
            </button>
          </form>
        ) : null}
        <h2>预览</h2>
        <ReportView r={rep.data} />
      </AdminLayout>,
      status,
    );
  };

  r.get('/reports', async (c) => {
    const actor = requireActor(c);
    const unit = Number(c.req.query('unit')) || actor.grants[0]?.unitId;
    const year = Number(c.req.query('year')) || Number(todayInChina().slice(0, 4)) - 1;
    if (!unit) throw new NotFoundError('没有可查看的单位。');
    return editor(c, unit, year);
  });
  r.post('/reports/:unit{[0-9]+}/:year{[0-9]{4}}', async (c) => {
    const unit = Number(c.req.param('unit'));
    const year = Number(c.req.param('year'));
    const body = await formBody(c);
    try {
      await saveReport(c.get('deps').db, requireActor(c), unit, year, body);
    } catch (err) {
      if (err instanceof ValidationError) return editor(c, unit, year, { errors: err.fieldErrors, values: body }, 422);
      throw err;
    }
    return c.redirect(`/admin/reports?unit=${unit}&year=${year}&done=saved`, 303);
  });
  r.post('/reports/:unit{[0-9]+}/:year{[0-9]{4}}/publish', async (c) => {
    const unit = Number(c.req.param('unit'));
    const year = Number(c.req.param('year'));
    try {
      await publishReport(c.get('deps').db, requireActor(c), unit, year);
    } catch (err) {
      if (err instanceof ValidationError) return editor(c, unit, year, { message: err.message }, 422);
      throw err;
    }
    return c.redirect(`/admin/reports?unit=${unit}&year=${year}&done=published`, 303);
  });
  r.get('/reports/:unit{[0-9]+}/:year{[0-9]{4}}/export.html', async (c) => {
    const rep = await reportFor(
      c.get('deps').db,
      requireActor(c),
      Number(c.req.param('unit')),
      Number(c.req.param('year')),
    );
    const html = '<!DOCTYPE html>' + (await (<Standalone r={rep.data} />).toString());
    return c.body(html, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="report.html"; filename*=UTF-8''${encodeURIComponent(fileName(rep.data))}.html`,
    });
  });
  r.get('/reports/:unit{[0-9]+}/:year{[0-9]{4}}/export.docx', async (c) => {
    const rep = await reportFor(
      c.get('deps').db,
      requireActor(c),
      Number(c.req.param('unit')),
      Number(c.req.param('year')),
    );
    return c.body(new Uint8Array(await reportDocx(rep.data)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(fileName(rep.data))}.docx`,
    });
  });
  return r;
}

export function reportPortalRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/xxgk/ndbg/:id{[0-9]+}', async (c) => {
    const rep = await publishedReport(c.get('deps').db, county(c), Number(c.req.param('id')));
    return page(
      c,
      <PortalLayout
        c={c}
        title={fileName(rep)}
        current="ndbg"
        crumbs={[{ href: '/xxgk/ndbg', label: '政府信息公开工作年度报告' }, { label: `${rep.unitName}${rep.year}年` }]}
      >
        <ReportView r={rep} />
      </PortalLayout>,
    );
  });
  return r;
}

export { publishedReports, can };
