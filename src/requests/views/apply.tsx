/** The public form of 依申请公开 (在线申请). */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { Csrf, ErrorSummary, type Errors, type Values } from '../../platform/ui/forms.js';
import { AttachmentField, LABELS, RequestFields } from './components.js';

export const APPLY_DEFAULTS: Values = { applicant_type: 'natural', id_type: 'resident_id' };

export function ApplyPage(props: {
  c: Context<AppEnv>;
  values: Values;
  errors?: Errors;
  message?: string;
  units: { value: number; label: string }[];
}) {
  return (
    <PortalLayout
      c={props.c}
      title="在线提交政府信息公开申请"
      current="ysqgk"
      crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '在线申请' }]}
    >
      <h1>在线提交政府信息公开申请</h1>
      <p>
        网上提交的申请，以双方确认之日为收到申请之日（条例第三十一条）：受理机关确认收到后开始计算答复期限，一般自收到申请之日起
        20 个工作日内答复（条例第三十三条）。
      </p>
      <form method="post" action="/ysqgk/apply" class="form" enctype="multipart/form-data" novalidate>
        <Csrf token={props.c.get('csrf')} />
        <ErrorSummary errors={props.errors} message={props.message} labels={LABELS} />
        <RequestFields values={props.values} errors={props.errors} units={props.units} />
        <AttachmentField errors={props.errors} />
        <div class="hp" aria-hidden="true">
          <label for="f-website">网址（请勿填写）</label>
          <input id="f-website" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit" class="button">
          提交申请
        </button>
      </form>
    </PortalLayout>
  );
}
