/**
 * 工作日历 (/admin/calendar): the years loaded, a year's holidays and adjusted working days, and for
 * those who manage the calendar the forms to adjust it, import a year and set the counting rules.
 */
import type { Context } from 'hono';
import {
  CheckboxField,
  Csrf,
  ErrorSummary,
  formatTime,
  SelectField,
  TextField,
  UploadProgress,
  type Errors,
  type Values,
} from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { weekdayLabel } from '../dates.js';
import type { CalendarOverview } from '../service.js';

const OVERRIDE_LABELS = { date: '日期', type: '类型', name: '名称', note: '说明' };

export function WorkCalendarPage(props: {
  c: Context<AppEnv>;
  overview: CalendarOverview;
  flash?: string;
  /** The local adjustment form, shown again with its errors. */
  errors?: Errors;
  values?: Values;
  /** Why an import was refused. */
  importErrors?: string;
  rulesErrors?: Errors;
}) {
  const { c } = props;
  const { cal, rules, years, year, overrides, imported, shipped, ownOverrides, manage, warning } = props.overview;
  return (
    <AdminLayout c={c} title="工作日历" current="calendar" flash={props.flash}>
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
              const own = ownOverrides.get(d.date);
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
            <ErrorSummary errors={props.errors} labels={OVERRIDE_LABELS} />
            <TextField name="date" label="日期" type="date" values={props.values} errors={props.errors} required />
            <SelectField
              name="type"
              label="安排"
              values={props.values}
              errors={props.errors}
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
              values={props.values}
              errors={props.errors}
              required
              maxlength={30}
              hint="如：三月三"
            />
            <TextField
              name="note"
              label="说明"
              values={props.values}
              errors={props.errors}
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
            {props.importErrors ? <ErrorSummary message={props.importErrors} /> : null}
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
              errors={props.rulesErrors}
              labels={{ count_from_next_day: '起算方式', due_soon_working_days: '即将到期提示' }}
            />
            <SelectField
              name="count_from_next_day"
              label="起算方式"
              values={{ count_from_next_day: rules.countFromNextDay ? '1' : '0' }}
              errors={props.rulesErrors}
              options={[
                { value: '1', label: '起算日当日不计入，自次日起计算（推荐，民法典第二百零一条）' },
                { value: '0', label: '起算日当日计入（部分地方规定）' },
              ]}
            />
            <TextField
              name="due_soon_working_days"
              label="剩余几个工作日时提示“即将到期”"
              values={{ due_soon_working_days: rules.dueSoonWorkingDays }}
              errors={props.rulesErrors}
              inputmode="numeric"
            />
            <button type="submit" class="button">
              保存规则
            </button>
          </form>
        </>
      ) : null}
    </AdminLayout>
  );
}
