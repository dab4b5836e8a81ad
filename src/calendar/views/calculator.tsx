/** The public 期限计算器 (/qxjsq): a start date and a statutory deadline type, the deadline and how it was counted. */
import type { Context } from 'hono';
import { ErrorSummary, SelectField, TextField } from '../../platform/ui/forms.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { weekdayLabel } from '../dates.js';
import { CALCULATOR_PRESETS, type CalculatorAnswer } from '../deadline-query.js';

export function CalculatorPage(
  props: {
    c: Context<AppEnv>;
    /** The question as asked (the query string). */
    query: Record<string, string>;
    preset: (typeof CALCULATOR_PRESETS)[number];
  } & CalculatorAnswer,
) {
  const { c, query: q, preset, rules, result, errors, message } = props;
  return (
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
          options={CALCULATOR_PRESETS.map((p) => ({ value: p.value, label: p.label }))}
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
    </PortalLayout>
  );
}
