/** 信息发布设置 of the county office: the 索引号 rule (with a live example), the 解读 deadline, 三同步, the assessment period. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { CheckboxField, Csrf, ErrorSummary, type Errors, TextField, type Values } from '../../platform/ui/forms.js';
import { todayInChina } from '../../calendar/dates.js';
import { checkIndexScheme, formatIndexNo } from '../model.js';
import type { publishingSettings } from '../settings.js';

export interface SettingsPageProps {
  c: Context<AppEnv>;
  /** The stored settings. */
  s: Awaited<ReturnType<typeof publishingSettings>>;
  /** The values submitted (when the form is shown again with errors). */
  values?: Values;
  errors?: Errors;
  flash?: string;
}

export function SettingsPage(props: SettingsPageProps) {
  const { c, s, values, errors } = props;
  const v: Values = values ?? {
    indexScheme: s.indexScheme,
    interpretationDays: s.interpretationDays,
    requireInterpretation: s.requireInterpretation ? '1' : '',
    assessMonths: s.assessMonths,
  };
  const scheme = String(v.indexScheme ?? '');
  const example = checkIndexScheme(scheme)
    ? null
    : formatIndexNo(scheme, { code: '000014349', date: todayInChina(), serial: 110 });
  return (
    <AdminLayout c={c} title="信息发布设置" current="records" flash={props.flash}>
      <form method="post" action="/admin/records/settings" class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary
          errors={errors}
          labels={{ indexScheme: '索引号规则', interpretationDays: '解读发布期限', assessMonths: '评估周期' }}
        />
        <TextField
          name="indexScheme"
          label="索引号规则"
          values={v}
          errors={errors}
          required
          maxlength={80}
          hint="可用的占位符：{机构代码}（单位的统一社会信用代码）、{年份}（4 位年份）、{年月}（6 位年月）、{流水号}（每个单位每年从 1 起编，默认 5 位，{流水号:6} 为 6 位，号码不重复使用）。须包含流水号和年份（或年月）。"
        />
        {example ? (
          <p>
            示例（机构代码 000014349、第 110 号）：<strong>{example}</strong>
          </p>
        ) : null}
        <TextField
          name="interpretationDays"
          label="解读发布期限（工作日）"
          values={v}
          errors={errors}
          required
          inputmode="numeric"
          hint="政策解读最迟在政策文件发布后几个工作日内发布；填 0 表示与政策文件同步发布。"
        />
        <CheckboxField
          name="requireInterpretation"
          label="强制三同步：需要解读的政策文件，解读材料审查通过前不能发布"
          checked={String(v.requireInterpretation ?? '') === '1'}
        />
        <TextField
          name="assessMonths"
          label="不予公开信息评估周期（月）"
          values={v}
          errors={errors}
          required
          inputmode="numeric"
          hint="对不予公开的信息定期评估审查，因情势变化可以公开的予以公开（条例第十八条）。"
        />
        <button type="submit" class="button">
          保存设置
        </button>
      </form>
    </AdminLayout>
  );
}
