/** Parts shared by the request pages: the request's contents form (条例第二十九条), attachments, the missing items, clock words. */
import type { Errors, Values } from '../../platform/ui/forms.js';
import { SelectField, TextField } from '../../platform/ui/forms.js';
import type { ClockStatus } from '../../calendar/clock.js';
import type { MissingItem } from '../intake.js';
import { APPLICANT_TYPES, DELIVERIES, FORMS, ID_TYPES, ORG_TYPES } from '../model.js';

export const LABELS: Record<string, string> = {
  unit_id: '受理机关',
  applicant_type: '申请人类型',
  org_type: '组织类型',
  name: '姓名或名称',
  id_type: '证件类型',
  id_number: '证件号码',
  phone: '联系电话',
  address: '通讯地址',
  postcode: '邮政编码',
  email: '电子邮箱',
  description: '所需政府信息',
  doc_number: '文号',
  form: '提供形式',
  delivery: '获取方式',
  channel: '提交方式',
  submitted_on: '提交日期',
  received_on: '收到日期',
};

export const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** Where a clock stands, in words, to put in brackets: 即将到期，剩 2 个工作日 / 已逾期 3 个工作日 … */
export const clockText = (s: ClockStatus | null | undefined) =>
  s
    ? `${s.label}${s.state === 'overdue' ? ` ${s.overdueWorkingDays} 个工作日` : s.state !== 'stopped' && s.workingDaysLeft !== null ? `，剩 ${s.workingDaysLeft} 个工作日` : ''}`
    : '';

/** The contents found missing at intake, as the applicant and the handler read them (条例第二十九条). */
export function MissingList(props: { items: MissingItem[] }) {
  return (
    <ol class="missing">
      {props.items.map((x) => (
        <li>
          {x.text}（{x.basis}）
        </li>
      ))}
    </ol>
  );
}

export function AttachmentField(props: { errors?: Errors }) {
  return (
    <div class={props.errors?.attachments ? 'field has-error' : 'field'}>
      <label for="f-attachments">附件（可选，最多 3 个，每个不超过 5 MB；PDF、JPG、PNG 或 Word）</label>
      <p class="hint" id="h-attachments">
        可附身份证明、委托书等材料。
      </p>
      {props.errors?.attachments ? (
        <p class="field-error" id="e-attachments">
          {props.errors.attachments}
        </p>
      ) : null}
      <input
        id="f-attachments"
        type="file"
        name="attachments"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.docx"
        aria-describedby="h-attachments"
      />
    </div>
  );
}

/** The contents of a request (条例第二十九条), shared by the public form and staff registration. */
export function RequestFields(props: { values: Values; errors?: Errors; units: { value: number; label: string }[] }) {
  const v = props.values;
  const e = props.errors;
  return (
    <>
      <fieldset>
        <legend>受理机关</legend>
        <SelectField
          name="unit_id"
          label="向哪个机关申请"
          values={v}
          errors={e}
          required
          placeholder="（请选择）"
          options={props.units}
          hint="政府信息由制作或保存该信息的机关负责公开（条例第十条）。"
        />
      </fieldset>
      <fieldset>
        <legend>申请人信息（条例第二十九条第一项）</legend>
        <SelectField
          name="applicant_type"
          label="申请人类型"
          values={v}
          errors={e}
          required
          options={opts(APPLICANT_TYPES)}
        />
        <SelectField
          name="org_type"
          label="组织类型（法人或其他组织填写）"
          values={v}
          errors={e}
          placeholder="（自然人不填）"
          options={opts(ORG_TYPES)}
        />
        <TextField name="name" label="姓名或名称" values={v} errors={e} required maxlength={100} />
        <SelectField
          name="id_type"
          label="证件类型"
          values={v}
          errors={e}
          required
          options={opts(ID_TYPES)}
          hint="法人或其他组织请选择“统一社会信用代码”。"
        />
        <TextField name="id_number" label="证件号码" values={v} errors={e} required maxlength={40} autocomplete="off" />
        <TextField
          name="phone"
          label="联系电话"
          values={v}
          errors={e}
          maxlength={30}
          autocomplete="tel"
          inputmode="tel"
        />
        <TextField
          name="address"
          label="通讯地址"
          values={v}
          errors={e}
          maxlength={200}
          autocomplete="street-address"
        />
        <TextField name="postcode" label="邮政编码" values={v} errors={e} maxlength={6} inputmode="numeric" />
        <TextField
          name="email"
          label="电子邮箱"
          type="email"
          values={v}
          errors={e}
          maxlength={120}
          autocomplete="email"
          hint="电话、通讯地址、电子邮箱至少填写一项。"
        />
      </fieldset>
      <fieldset>
        <legend>所需政府信息（条例第二十九条第二项、第三项）</legend>
        <p class="hint">
          证件号码、所需信息的描述、提供形式和获取方式未填写或不明确的，申请照常登记，受理机关将一次性告知需要补正的事项（条例第三十条）。
        </p>
        <div class={e?.description ? 'field has-error' : 'field'}>
          <label for="f-description">
            所需政府信息的名称或特征性描述
            <span class="req" aria-hidden="true">
              *
            </span>
          </label>
          <p class="hint" id="h-description">
            写明信息的名称、文号，或者便于查询的其他特征性描述（如制作机关、时间、事项）。无须说明用途。
          </p>
          {e?.description ? (
            <p class="field-error" id="e-description">
              {e.description}
            </p>
          ) : null}
          <textarea id="f-description" name="description" rows={5} required aria-describedby="h-description">
            {String(v.description ?? '')}
          </textarea>
        </div>
        <TextField name="doc_number" label="文号（如知道）" values={v} errors={e} maxlength={100} />
        <SelectField
          name="form"
          label="信息的提供形式"
          values={v}
          errors={e}
          required
          placeholder="（请选择）"
          options={opts(FORMS)}
        />
        <SelectField
          name="delivery"
          label="获取信息的方式"
          values={v}
          errors={e}
          required
          placeholder="（请选择）"
          options={opts(DELIVERIES)}
        />
      </fieldset>
    </>
  );
}
