/**
 * 年度报告 (/admin/reports): a unit's report of a year — the sections and table 2 cells to fill in,
 * the computed tables with their consistency checks, publishing, exports and a preview.
 */
import type { Context } from 'hono';
import {
  Csrf,
  ErrorSummary,
  formatTime,
  SelectField,
  TextField,
  type Errors,
  type Values,
} from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { UnitRow } from '../../org/service.js';
import type { reportFor } from '../annual.js';
import { SECTION_TITLES, TABLE2_COMPUTED, TABLE2_COMPUTED_NOTE, TABLE2_ENTERED, TABLE2_FIELDS } from '../model.js';
import { ReportView } from './components.js';

export function ReportEditorPage(props: {
  c: Context<AppEnv>;
  unitId: number;
  year: number;
  report: Awaited<ReturnType<typeof reportFor>>;
  /** The units to choose from. */
  units: UnitRow[];
  /** The form as submitted (default: the report's sections and table 2). */
  values?: Values;
  errors?: Errors;
  message?: string;
  flash?: string;
}) {
  const { c, unitId, year, report: rep, units, flash } = props;
  const v: Values = props.values ?? { ...rep.data.sections, ...rep.data.table2 };
  return (
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
        errors={props.errors}
        message={props.message}
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
            <div class={props.errors?.[k] ? 'field has-error' : 'field'}>
              <label for={`f-${k}`}>{SECTION_TITLES[k]}</label>
              {props.errors?.[k] ? (
                <p class="field-error" id={`e-${k}`}>
                  {props.errors[k]}
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
              <TextField name={k} label={`${a}：${b}`} values={v} errors={props.errors} inputmode="numeric" />
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
    </AdminLayout>
  );
}
