import { Hono, type Context } from 'hono';
import type { AppEnv, SiteInfo } from '../platform/web/env.js';
import { AdminLayout, PortalLayout, page } from '../platform/ui/layout.js';
import {
  Csrf,
  ErrorSummary,
  TextField,
  SelectField,
  CheckboxField,
  formatTime,
  type Errors,
  type Values,
} from '../platform/ui/forms.js';
import { UploadProgress } from '../platform/ui/forms.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { requireActor, formBody } from '../platform/web/guards.js';
import { can, assertCan } from '../platform/access.js';
import { loadShippedSchedules } from './data.js';
import { CalendarMissingError } from './calendar.js';
import { ClockError, type Deadline } from './clock.js';
import { todayInChina, weekdayLabel, yearOf } from './dates.js';
import * as svc from './service.js';
import { computeDeadline, parseDeadlineQuery } from './deadline-query.js';

const MAX_UPLOAD = 1024 * 1024;

function scopeOf(site: SiteInfo | null): svc.CalendarScope {
  if (!site) throw new NotFoundError('本平台尚未初始化。');
  return { code: site.jurisdictionCode, jurisdictionId: site.jurisdictionId, name: site.jurisdictionName };
}

// ---- JSON API --------------------------------------------------------------------------------

export function calendarApiRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/calendar/deadline', async (c) => {
    const site = c.get('site');
    const k = c.get('deps').db.k;
    try {
      const q = parseDeadlineQuery(c.req.query());
      const code = site?.jurisdictionCode ?? 'CN';
      const [cal, rules] = [await svc.calendarFor(k, code), await svc.rulesFor(k, code)];
      const d = computeDeadline(cal, rules, q);
      return c.json({
        from: q.from,
        [q.unit === 'workday' ? 'workingDays' : 'days']: q.amount,
        deadline: d.due,
        weekday: weekdayLabel(d.due),
        countFromNextDay: rules.countFromNextDay,
        steps: d.steps,
      });
    } catch (err) {
      if (err instanceof ValidationError)
        return c.json({ error: Object.values(err.fieldErrors).join('；'), fields: err.fieldErrors }, 400);
      if (err instanceof CalendarMissingError) return c.json({ error: err.message, missingYear: err.year }, 422);
      if (err instanceof ClockError) return c.json({ error: err.message }, 400);
      throw err;
    }
  });
  return r;
}

// ---- the public 期限计算器 ---------------------------------------------------------------------

const PRESETS: { value: string; label: string; amount: number; unit: 'workday' | 'day' }[] = [
  { value: 'reply', label: '答复期限：收到申请之日起 20 个工作日（条例第三十三条）', amount: 20, unit: 'workday' },
  {
    value: 'correction',
    label: '补正告知：收到申请之日起 7 个工作日内一次性告知（条例第三十条）',
    amount: 7,
    unit: 'workday',
  },
  { value: 'extended', label: '延长答复期限后：最长 40 个工作日（条例第三十三条）', amount: 40, unit: 'workday' },
  {
    value: 'thirdparty',
    label: '第三方提出意见：收到征求意见书之日起 15 个工作日（条例第三十二条）',
    amount: 15,
    unit: 'workday',
  },
  {
    value: 'publish',
    label: '主动公开：信息形成或变更之日起 20 个工作日（条例第二十六条）',
    amount: 20,
    unit: 'workday',
  },
];

export function calendarPortalRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/qxjsq', async (c) => {
    const q = c.req.query();
    const scope = scopeOf(c.get('site'));
    const k = c.get('deps').db.k;
    const preset = PRESETS.find((p) => p.value === q.type) ?? PRESETS[0];
    let result: Deadline | undefined;
    let errors: Errors | undefined;
    let message: string | undefined;
    const rules = await svc.rulesFor(k, scope.code);
    if (q.from !== undefined) {
      try {
        const dq = parseDeadlineQuery({ from: q.from, workingDays: String(preset.amount) });
        result = computeDeadline(await svc.calendarFor(k, scope.code), rules, dq);
      } catch (err) {
        if (err instanceof ValidationError) errors = err.fieldErrors;
        else if (err instanceof CalendarMissingError) message = err.message;
        else throw err;
      }
    }
    return page(
      c,
      <PortalLayout
        c={c}
        title="期限计算器"
        current="ysqgk"
        crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '期限计算器' }]}
      >
        <h1>期限计算器</h1>
        <p>
          输入收到申请之日（或其他起算日期），查看法定期限的截止日。期限按工作日计算，扣除法定节假日，调休上班日计入；
          {rules.countFromNextDay ? '起算日当日不计入，自次日起计算' : '起算日当日计入'}。
        </p>
        <form method="get" action="/qxjsq" class="form" novalidate>
          <ErrorSummary errors={errors} message={message} labels={{ from: '起算日期' }} />
          <TextField
            name="from"
            label="收到申请之日（起算日期）"
            type="date"
            values={q}
            errors={errors}
            required
            hint="格式：年-月-日，如 2025-09-20"
          />
          <SelectField
            name="type"
            label="期限类型"
            values={{ type: preset.value }}
            options={PRESETS.map((p) => ({ value: p.value, label: p.label }))}
          />
          <button type="submit" class="button">
            计算
          </button>
        </form>
        {result ? (
          <section aria-labelledby="result-h" class="result">
            <h2 id="result-h">计算结果</h2>
            <p class="deadline">
              截止日：
              <strong>
                {result.due}（{weekdayLabel(result.due)}）
              </strong>
            </p>
            <h3>计算过程</h3>
            <ol>
              {result.steps.map((s) => (
                <li>{s}</li>
              ))}
            </ol>
            <p class="muted">
              本结果依据国务院办公厅发布的节假日安排和本县（区）工作日历计算，仅供参考，以行政机关书面告知为准。
            </p>
          </section>
        ) : null}
      </PortalLayout>,
      errors || message ? 422 : 200,
    );
  });
  return r;
}

// ---- administration ---------------------------------------------------------------------------

const OVERRIDE_LABELS = { date: '日期', type: '类型', name: '名称', note: '说明' };

async function adminPage(
  c: Context<AppEnv>,
  opts: { errors?: Errors; values?: Values; importErrors?: string; rulesErrors?: Errors; flash?: string } = {},
  status = 200,
) {
  const actor = requireActor(c);
  assertCan(actor, 'calendar.view');
  const scope = scopeOf(c.get('site'));
  const db = c.get('deps').db;
  const cal = await svc.calendarFor(db.k, scope.code);
  const rules = await svc.rulesFor(db.k, scope.code);
  const today = todayInChina();
  const years = cal.coveredYears();
  const qYear = Number(c.req.query('year'));
  const year = years.includes(qYear) ? qYear : years.includes(yearOf(today)) ? yearOf(today) : years[years.length - 1];
  const overrides = await svc.listOverrides(db, actor, scope, year);
  const imported = await svc.listImportedYears(db, scope);
  const shipped = new Map(loadShippedSchedules().map((s) => [s.year, s]));
  const ownOverride = new Map(overrides.filter((o) => o.scope === scope.code).map((o) => [o.date, o]));
  const manage = can(actor, 'calendar.manage', { id: 0, jurisdictionCode: scope.code });
  const warning = svc.coverageWarning(cal, today);
  const flash =
    opts.flash ??
    ({ saved: '已保存。', removed: '已删除该调整。', rules: '计算规则已保存。' } as Record<string, string>)[
      c.req.query('done') ?? ''
    ];
  return page(
    c,
    <AdminLayout c={c} title="工作日历" current="calendar" flash={flash}>
      {warning ? (
        <p class="notice" role="alert">
          {warning}
        </p>
      ) : null}
      <p class="muted">
        所有法定期限按工作日历计算：周一至周五为工作日；国务院办公厅公布的放假日不计，调休上班日计入。期限计算进入未载入节假日安排的年份时，系统拒绝计算而不会按普通周末推算。
      </p>
      <h2>已载入的年份</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">年份</th>
            <th scope="col">依据</th>
            <th scope="col">工作日数</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => {
            const s = shipped.get(y);
            const imp = imported.find((i) => i.year === y);
            return (
              <tr>
                <td>
                  <a href={`/admin/calendar?year=${y}`}>{y}年</a>
                </td>
                <td>
                  {imp
                    ? `${imp.title}${imp.doc_number ? `（${imp.doc_number}）` : ''}，由 ${imp.imported_by} 于 ${formatTime(imp.imported_at)} 导入`
                    : s
                      ? s.notices.map((n) => `${n.title}${n.docNumber ? `（${n.docNumber}）` : ''}`).join('；') +
                        '（随软件提供）'
                      : '—'}
                </td>
                <td>{cal.workingDaysIn(y)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{year}年节假日安排</h2>
      <form method="get" action="/admin/calendar" class="filters" aria-label="选择年份">
        <SelectField
          name="year"
          label="年份"
          values={{ year }}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <button type="submit" class="button secondary">
          查看
        </button>
      </form>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">星期</th>
              <th scope="col">安排</th>
              <th scope="col">名称</th>
              <th scope="col">来源</th>
              {manage ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {cal.specialDays(year).map((d) => {
              const own = ownOverride.get(d.date);
              const anyOverride = overrides.find((o) => o.date === d.date);
              return (
                <tr>
                  <td>{d.date}</td>
                  <td>{weekdayLabel(d.date)}</td>
                  <td>{d.type === 'off' ? '放假' : '调休上班'}</td>
                  <td>{d.name}</td>
                  <td>
                    {anyOverride
                      ? `本地调整（${anyOverride.created_by}${anyOverride.note ? `：${anyOverride.note}` : ''}）`
                      : '国务院办公厅通知'}
                  </td>
                  {manage ? (
                    <td>
                      {own ? (
                        <form method="post" action={`/admin/calendar/overrides/${own.id}/delete`} class="inline">
                          <Csrf token={c.get('csrf')} />
                          <button type="submit" class="button secondary small">
                            删除调整
                          </button>
                        </form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/qxjsq">打开期限计算器</a>
      </p>
      {manage ? (
        <>
          <h2>增加本地调整</h2>
          <p class="hint">
            用于本县（区）的地方性节假日（如少数民族节日，《全国年节及纪念日放假办法》第四条）或对日历的更正。调整会影响本县（区）及所属乡镇的全部期限，进行中的期限将重新计算并记入审计日志。
          </p>
          <form method="post" action="/admin/calendar/overrides" class="form" novalidate>
            <Csrf token={c.get('csrf')} />
            <ErrorSummary errors={opts.errors} labels={OVERRIDE_LABELS} />
            <TextField name="date" label="日期" type="date" values={opts.values} errors={opts.errors} required />
            <SelectField
              name="type"
              label="安排"
              values={opts.values}
              errors={opts.errors}
              placeholder="（请选择）"
              options={[
                { value: 'off', label: '放假（不计入工作日）' },
                { value: 'workday', label: '上班（计入工作日）' },
              ]}
              required
            />
            <TextField
              name="name"
              label="名称"
              values={opts.values}
              errors={opts.errors}
              required
              maxlength={30}
              hint="如：三月三"
            />
            <TextField
              name="note"
              label="说明"
              values={opts.values}
              errors={opts.errors}
              maxlength={200}
              hint="如：依据某某文件"
            />
            <button type="submit" class="button">
              保存调整
            </button>
          </form>
          <h2>导入节假日安排</h2>
          <p class="hint">
            国务院办公厅每年 10 月至 12 月公布下一年的节假日安排。可导入本软件格式的 JSON 文件（见
            data/holidays/README.md）或日历软件导出的 .ics 文件，文件不超过 1 MB。任何一项有误时整个文件都不导入。
          </p>
          <form
            method="post"
            action="/admin/calendar/import"
            enctype="multipart/form-data"
            class="form"
            data-progress
            novalidate
          >
            <Csrf token={c.get('csrf')} />
            {opts.importErrors ? <ErrorSummary message={opts.importErrors} /> : null}
            <div class="field">
              <label for="f-file">文件（.json 或 .ics）</label>
              <input id="f-file" type="file" name="file" accept=".json,.ics,application/json,text/calendar" required />
            </div>
            <CheckboxField
              name="full_year"
              label="这是某一年的全年节假日安排（国务院办公厅通知）"
              checked={false}
              hint="勾选后该年份视为已载入，可以计算进入该年的期限。只导入地方性节假日时不要勾选。"
            />
            <TextField
              name="title"
              label="通知标题（可选）"
              values={{}}
              hint="如：国务院办公厅关于2027年部分节假日安排的通知"
            />
            <TextField name="doc_number" label="文号（可选）" values={{}} />
            <UploadProgress />
            <button type="submit" class="button">
              导入
            </button>
          </form>
          <h2>期限计算规则</h2>
          <form method="post" action="/admin/calendar/rules" class="form" novalidate>
            <Csrf token={c.get('csrf')} />
            <ErrorSummary
              errors={opts.rulesErrors}
              labels={{ count_from_next_day: '起算方式', due_soon_working_days: '即将到期提示' }}
            />
            <SelectField
              name="count_from_next_day"
              label="起算方式"
              values={{ count_from_next_day: rules.countFromNextDay ? '1' : '0' }}
              errors={opts.rulesErrors}
              options={[
                { value: '1', label: '起算日当日不计入，自次日起计算（推荐，民法典第二百零一条）' },
                { value: '0', label: '起算日当日计入（部分地方规定）' },
              ]}
            />
            <TextField
              name="due_soon_working_days"
              label="剩余几个工作日时提示“即将到期”"
              values={{ due_soon_working_days: rules.dueSoonWorkingDays }}
              errors={opts.rulesErrors}
              inputmode="numeric"
            />
            <button type="submit" class="button">
              保存规则
            </button>
          </form>
        </>
      ) : null}
    </AdminLayout>,
    status,
  );
}

export function calendarAdminRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/calendar', (c) => adminPage(c));

  r.post('/calendar/overrides', async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    try {
      await svc.addOverride(c.get('deps').db, actor, scopeOf(c.get('site')), body);
    } catch (err) {
      if (err instanceof ValidationError) return adminPage(c, { errors: err.fieldErrors, values: body }, 422);
      throw err;
    }
    return c.redirect(`/admin/calendar?year=${yearOf(body.date)}&done=saved`, 303);
  });

  r.post('/calendar/overrides/:id{[0-9]+}/delete', async (c) => {
    const actor = requireActor(c);
    await svc.removeOverride(c.get('deps').db, actor, scopeOf(c.get('site')), Number(c.req.param('id')));
    return c.redirect('/admin/calendar?done=removed', 303);
  });

  r.post('/calendar/import', async (c) => {
    const actor = requireActor(c);
    assertCan(actor, 'calendar.manage');
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return adminPage(c, { importErrors: '请选择要导入的文件。' }, 422);
    if (file.size > MAX_UPLOAD) return adminPage(c, { importErrors: '文件超过 1 MB，未导入。' }, 422);
    const content = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer());
    try {
      const res = await svc.importSchedule(c.get('deps').db, actor, scopeOf(c.get('site')), {
        filename: file.name,
        content,
        fullYear: body.full_year === '1' || body.full_year === 'on',
        title: typeof body.title === 'string' ? body.title : undefined,
        docNumber: typeof body.doc_number === 'string' ? body.doc_number : undefined,
      });
      return adminPage(c, {
        flash: `已导入 ${res.days} 个日期（${res.years.join('、')}年）${res.markedYears.length ? `，${res.markedYears[0]}年已载入全年安排` : ''}；重新计算了 ${res.recomputed} 个进行中的期限。`,
      });
    } catch (err) {
      if (err instanceof ValidationError) return adminPage(c, { importErrors: err.message }, 422);
      throw err;
    }
  });

  r.post('/calendar/rules', async (c) => {
    const actor = requireActor(c);
    try {
      await svc.setRules(c.get('deps').db, actor, scopeOf(c.get('site')), await formBody(c));
    } catch (err) {
      if (err instanceof ValidationError) return adminPage(c, { rulesErrors: err.fieldErrors }, 422);
      throw err;
    }
    return c.redirect('/admin/calendar?done=rules', 303);
  });
  return r;
}
