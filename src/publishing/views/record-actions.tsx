/** The steps of a record page (提交审查, 审查, 发布, 撤回, 有效性, 公开渠道, 定期评估, 删除) and the attachment upload. */
import {
  CheckboxField,
  Csrf,
  ErrorSummary,
  type Errors,
  formatTime,
  SelectField,
  TextField,
  type Values,
} from '../../platform/ui/forms.js';
import { ACCEPT } from '../attachments.js';
import { RECORD_CHANNELS, VALIDITY, withholdReasonText } from '../model.js';
import type { getForStaff } from '../staff.js';
import { attributeLabel, Field, Radios, TextArea } from './components.js';

/** A step's form shown again with its errors and the values submitted. */
export interface FormState {
  form: string;
  errors: Errors;
  values: Values;
}

export interface RecordActionsProps {
  v: Awaited<ReturnType<typeof getForStaff>>;
  csrf: string;
  state?: FormState;
  today: string;
}

function forms(props: RecordActionsProps) {
  const { csrf, state } = props;
  const id = props.v.record.id;
  const errs = (form: string) => (state?.form === form ? state.errors : undefined);
  const vals = (form: string, fallback: Values = {}) => (state?.form === form ? state.values : fallback);
  const action = (
    name: string,
    title: string,
    body: unknown,
    submit: string,
    opts: { multipart?: boolean; danger?: boolean; labels?: Record<string, string> } = {},
  ) => (
    <form
      method="post"
      action={`/admin/records/${id}/${name}`}
      class="form action-form"
      enctype={opts.multipart ? 'multipart/form-data' : undefined}
      novalidate
    >
      <Csrf token={csrf} />
      <h3>{title}</h3>
      <ErrorSummary errors={errs(name)} labels={opts.labels} message={errs(name)?._form} />
      {body as never}
      <button type="submit" class={opts.danger ? 'button danger' : 'button'}>
        {submit}
      </button>
    </form>
  );
  return { id, errs, vals, action };
}

/** The upload form of a draft's attachments. */
export function AttachmentUpload(props: RecordActionsProps) {
  const { errs, action } = forms(props);
  return action(
    'attachments',
    '上传附件',
    <Field
      name="attachments"
      label="选择文件"
      errors={errs('attachments')}
      hint="PDF、Word、Excel、PowerPoint、OFD、JPG 或 PNG，每个不超过 10 MB；文件属性中的作者、设备等信息会被清除。"
    >
      <input
        id="f-attachments"
        type="file"
        name="attachments"
        multiple
        accept={ACCEPT}
        aria-describedby="h-attachments"
      />
    </Field>,
    '上传',
    { multipart: true, labels: { attachments: '附件' } },
  );
}

/** 办理: the steps the actor may take now. */
export function RecordActions(props: RecordActionsProps) {
  const { v, today } = props;
  const rec = v.record;
  const { id, errs, vals, action } = forms(props);
  return (
    <section aria-labelledby="actions-h">
      <h2 id="actions-h">办理</h2>
      {v.rights.submit
        ? action(
            'submit',
            rec.status === 'published' ? '提交变更审查' : '提交审查',
            <p class="hint">
              提交本单位审核人进行公开审查和保密审查（条例第十七条）
              {rec.kind === 'info' ? '；本信息的政策解读草稿随同提交（三同步）' : ''}。
            </p>,
            '提交审查',
          )
        : null}
      {v.rights.review
        ? action(
            'review',
            v.pending && rec.pending_status === 'submitted' ? '审查变更（公开审查、保密审查）' : '公开审查和保密审查',
            <>
              <Field name="decision" label="审查结论" errors={errs('review')} required group>
                <Radios
                  name="decision"
                  values={vals('review')}
                  options={[
                    { value: 'approve', label: '通过' },
                    { value: 'return', label: '退回修改' },
                  ]}
                />
              </Field>
              <TextArea
                name="comment"
                label="审查意见"
                values={vals('review')}
                errors={errs('review')}
                hint="退回修改时必填。"
              />
              <p>
                公开属性：{attributeLabel(rec.attribute)}
                {rec.attribute_reason ? `（${withholdReasonText(rec.attribute_reason)}）` : ''}
              </p>
              <CheckboxField
                name="attribute_confirmed"
                label="已确认公开属性"
                errors={errs('review')}
                checked={!!vals('review').attribute_confirmed}
              />
              <CheckboxField
                name="secrecy_checked"
                label="已完成保密审查（条例第十七条）"
                errors={errs('review')}
                checked={!!vals('review').secrecy_checked}
              />
            </>,
            '提交审查结论',
            {
              labels: {
                decision: '审查结论',
                comment: '审查意见',
                attribute_confirmed: '公开属性',
                secrecy_checked: '保密审查',
              },
            },
          )
        : null}
      {v.rights.publish
        ? action(
            'publish',
            '发布',
            <>
              <Field name="when" label="发布方式" errors={errs('publish')} group>
                <Radios
                  name="when"
                  values={vals('publish', { when: 'now' })}
                  options={[
                    { value: 'now', label: '立即发布' },
                    { value: 'scheduled', label: '定时发布' },
                  ]}
                />
              </Field>
              <TextField
                name="scheduled_at"
                label="定时发布的日期和时间（北京时间）"
                type="datetime-local"
                values={vals('publish', {
                  scheduled_at: rec.scheduled_at ? formatTime(rec.scheduled_at).slice(0, 16).replace(' ', 'T') : '',
                })}
                errors={errs('publish')}
                hint={rec.due_on ? `应在公开期限 ${rec.due_on} 前发布。` : undefined}
              />
            </>,
            '发布',
            { labels: { when: '发布方式', scheduled_at: '定时发布时间' } },
          )
        : null}
      {v.rights.withdraw
        ? action(
            'withdraw',
            '撤回',
            <TextArea
              name="reason"
              label="撤回理由"
              values={vals('withdraw')}
              errors={errs('withdraw')}
              required
              hint="撤回理由将在门户的信息页面上公开显示。已发布的信息不删除，只能撤回。"
            />,
            '撤回',
            { danger: true, labels: { reason: '撤回理由' } },
          )
        : null}
      {v.rights.withdraw
        ? action(
            'validity',
            '修改有效性',
            <>
              <SelectField
                name="validity"
                label="有效性"
                values={vals('validity', { validity: rec.validity })}
                errors={errs('validity')}
                required
                options={Object.entries(VALIDITY).map(([value, label]) => ({ value, label }))}
              />
              <TextField
                name="validity_on"
                label="日期"
                type="date"
                values={vals('validity', { validity_on: rec.validity_on ?? today })}
                errors={errs('validity')}
                required
              />
              <TextArea name="note" label="说明" values={vals('validity')} errors={errs('validity')} rows={2} />
            </>,
            '保存有效性',
            { labels: { validity: '有效性', validity_on: '日期', note: '说明' } },
          )
        : null}
      {v.rights.channel
        ? action(
            'channel',
            '登记公开渠道（条例第二十三条）',
            <>
              <SelectField
                name="channel"
                label="公开渠道"
                values={vals('channel')}
                errors={errs('channel')}
                required
                placeholder="（请选择）"
                options={RECORD_CHANNELS.map((ch) => ({ value: ch, label: ch }))}
              />
              <TextField
                name="used_on"
                label="公开日期"
                type="date"
                values={vals('channel', { used_on: today })}
                errors={errs('channel')}
                required
              />
              <TextField
                name="link"
                label="链接"
                values={vals('channel')}
                errors={errs('channel')}
                maxlength={500}
                hint="填写链接，或上传公示栏照片。"
              />
              <Field name="photo" label="公示栏照片（JPG 或 PNG，可选）" errors={errs('channel')}>
                <input id="f-photo" type="file" name="photo" accept=".jpg,.jpeg,.png" />
              </Field>
            </>,
            '登记',
            { multipart: true, labels: { channel: '公开渠道', used_on: '公开日期', link: '链接', photo: '照片' } },
          )
        : null}
      {v.rights.assess
        ? action(
            'assess',
            '定期评估（条例第十八条）',
            <>
              <Field name="result" label="评估结论" errors={errs('assess')} required group>
                <Radios
                  name="result"
                  values={vals('assess')}
                  options={[
                    { value: 'keep', label: '继续不予公开' },
                    { value: 'disclose', label: '可以公开（转为主动公开，审查通过待发布）' },
                  ]}
                />
              </Field>
              <TextArea name="note" label="评估意见" values={vals('assess')} errors={errs('assess')} required />
            </>,
            '记录评估结果',
            { labels: { result: '评估结论', note: '评估意见' } },
          )
        : null}
      {v.rights.delete ? (
        <p>
          <a class="button danger" href={`/admin/records/${id}/delete`}>
            删除草稿
          </a>
        </p>
      ) : null}
      {!Object.values(v.rights).some(Boolean) ? <p class="empty">当前没有您可以办理的操作。</p> : null}
    </section>
  );
}
