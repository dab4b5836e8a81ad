/** Staff registration of a request received in person, by letter, fax, e-mail or orally (条例第三十一条). */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { Csrf, ErrorSummary, type Errors, SelectField, TextField, type Values } from '../../platform/ui/forms.js';
import { CHANNELS } from '../model.js';
import { AttachmentField, LABELS, RequestFields } from './components.js';

export function RegisterPage({
  c,
  values,
  errors,
  units,
}: {
  c: Context<AppEnv>;
  values: Values;
  errors?: Errors;
  units: { value: number; label: string }[];
}) {
  return (
    <AdminLayout c={c} title="登记政府信息公开申请" current="requests">
      <form method="post" action="/admin/requests" class="form" enctype="multipart/form-data" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={errors} labels={LABELS} />
        <fieldset>
          <legend>提交方式和日期（条例第三十一条）</legend>
          <SelectField
            name="channel"
            label="提交方式"
            values={values}
            errors={errors}
            required
            placeholder="（请选择）"
            options={Object.entries(CHANNELS)
              .filter(([k]) => k !== 'online')
              .map(([value, v]) => ({ value, label: v.label }))}
          />
          <TextField name="submitted_on" label="提交日期" type="date" values={values} errors={errors} required />
          <TextField
            name="received_on"
            label="签收或确认日期"
            type="date"
            values={values}
            errors={errors}
            hint="挂号信填签收日期；平信填当日与申请人确认的日期；传真、电子邮件填双方确认的日期（未确认可不填，之后在申请页确认）。当面和口头提出以提交日期为收到申请之日。"
          />
        </fieldset>
        <RequestFields values={values} errors={errors} units={units} />
        <AttachmentField errors={errors} />
        <button type="submit" class="button">
          登记
        </button>
      </form>
    </AdminLayout>
  );
}
