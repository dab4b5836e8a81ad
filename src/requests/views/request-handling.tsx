/** The handling forms of a request (办理): one form per step the request's state allows. */
import { ErrorSummary, SelectField, TextField } from '../../platform/ui/forms.js';
import { itemsText } from '../intake.js';
import { DELIVERY_METHODS, OUTCOMES, outcomeText } from '../model.js';
import type { RequestCtx } from './request-context.js';

export function HandlingSection({ v, q, errors, message, action, dateInput }: RequestCtx) {
  return v.canHandle &&
    [
      'awaiting_confirmation',
      'processing',
      'correction',
      'consultation',
      'fee_pending',
      'review',
      'approved',
      'replied',
      'delivered',
    ].includes(q.status) ? (
    <section aria-labelledby="handle-h">
      <h2 id="handle-h">办理</h2>
      <ErrorSummary
        errors={errors}
        message={message}
        labels={{
          items: '需补正事项',
          until: '补正期限',
          date: '日期',
          party: '征求意见对象',
          party_name: '被征求意见方名称',
          received_on: '对方收到征求意见书日期',
          consultation_id: '征求意见记录',
          result: '征求意见结果',
          working_days: '延长工作日数',
          approver: '批准人',
          reason: '理由',
          outcome: '答复结果',
          method: '送达方式',
        }}
      />
      {q.status === 'processing' && q.correction_count === 0
        ? action(
            'correction',
            `补正告知（条例第三十条，收到申请之日起 7 个工作日内一次性告知${v.needsCorrection && v.noticeClock?.result.due ? `，补正告知期限 ${v.noticeClock.result.due}` : ''}）`,
            <>
              <div class="field">
                <label for="f-items">需要补正的事项</label>
                {v.needsCorrection ? (
                  <p class="hint" id="h-items">
                    已按登记时核对发现的缺项填写，可修改。
                  </p>
                ) : null}
                <textarea
                  id="f-items"
                  name="items"
                  rows={3}
                  aria-describedby={v.needsCorrection ? 'h-items' : undefined}
                >
                  {v.needsCorrection ? itemsText(v.missing) : ''}
                </textarea>
              </div>
              {dateInput('告知日期')}
              <TextField name="until" label="补正期限" type="date" values={{}} errors={errors} required />
            </>,
            '发出补正告知',
          )
        : null}
      {v.needsCorrection && q.status === 'processing'
        ? action(
            'intake-clear',
            '认定申请内容明确，无需补正',
            <>
              <TextField
                name="reason"
                label="理由（如：根据描述可以确定所需信息）"
                values={{}}
                errors={errors}
                required
              />
              {dateInput('认定日期')}
            </>,
            '认定无需补正',
            true,
          )
        : null}
      {q.status === 'correction' ? (
        <>
          {action('corrected', '收到补正后的申请（答复期限重新起算）', dateInput('收到补正日期'), '登记收到补正')}
          {action(
            'no-correction',
            '逾期未补正（视为放弃申请，其他处理 1）',
            dateInput('处理日期'),
            '按逾期未补正处理',
            true,
          )}
        </>
      ) : null}
      {['processing', 'consultation'].includes(q.status)
        ? action(
            'consult',
            '征求意见（第三十二条、第三十四条，所需时间不计入答复期限；可同时征求多方）',
            <>
              <SelectField
                name="party"
                label="征求意见对象"
                values={{}}
                errors={errors}
                required
                placeholder="（请选择）"
                options={[
                  { value: 'third_party', label: '第三方（15 个工作日内提出意见，逾期由本机关决定是否公开）' },
                  {
                    value: 'other_agency',
                    label: '其他行政机关（共同制作，15 个工作日内提出意见，逾期视为同意公开）',
                  },
                ]}
              />
              <TextField
                name="party_name"
                label="被征求意见方名称"
                values={{}}
                errors={errors}
                required
                maxlength={200}
              />
              {dateInput('发出征求意见书日期')}
              <TextField
                name="received_on"
                label="对方收到征求意见书日期"
                type="date"
                values={{}}
                errors={errors}
                hint="意见期限自对方收到征求意见书之日起计算；当面或电子方式送达的可不填（按发出日期）。"
              />
            </>,
            '开始征求意见',
          )
        : null}
      {['processing', 'consultation', 'review', 'approved'].includes(q.status)
        ? action(
            'extend',
            '延长答复期限（第三十三条，经工作机构负责人同意，最长 20 个工作日）',
            <>
              <TextField
                name="working_days"
                label="延长工作日数"
                values={{}}
                errors={errors}
                inputmode="numeric"
                required
              />
              <TextField
                name="approver"
                label="批准人（政府信息公开工作机构负责人）"
                values={{}}
                errors={errors}
                required
              />
              <TextField name="reason" label="延期理由" values={{}} errors={errors} required />
              {dateInput('批准日期')}
            </>,
            '延长并告知申请人',
          )
        : null}
      {q.status === 'processing'
        ? action(
            'propose',
            '拟办意见（报单位审核，含保密审查）',
            <>
              <SelectField
                name="outcome"
                label="拟答复结果"
                values={{}}
                errors={errors}
                required
                placeholder="（请选择）"
                options={Object.entries(OUTCOMES)
                  .filter(([k]) => k !== 'other.noCorrection')
                  .map(([value, o]) => ({
                    value,
                    label: o.group === o.label ? o.label : `${o.group} ${o.label}`,
                  }))}
              />
              <div class="field">
                <label for="f-note">拟办说明</label>
                <textarea id="f-note" name="note" rows={2}></textarea>
              </div>
            </>,
            '提交审核',
          )
        : null}
      {q.status === 'review' ? (
        <p class="muted">拟办意见（{outcomeText(q.proposed_outcome ?? '')}）等待单位审核。</p>
      ) : null}
      {q.status === 'approved'
        ? action(
            'reply',
            `答复（第三十六条）：${outcomeText(q.proposed_outcome ?? '')}，已经审核`,
            dateInput('答复日期'),
            '作出答复',
          )
        : null}
      {q.status === 'processing'
        ? action(
            'fee',
            '收费通知（条例第四十二条、国办函〔2020〕109号，数量、频次明显超过合理范围时）',
            <>
              <SelectField
                name="basis"
                label="计费方式"
                values={{}}
                errors={errors}
                required
                placeholder="（请选择）"
                options={[
                  { value: 'count', label: '按件计收（同一申请人一个自然月内超过 10 件的部分）' },
                  { value: 'pages', label: '按量计收（超过 30 页的部分）' },
                ]}
              />
              <TextField
                name="items"
                label="本申请的件数（按件计收）"
                values={{ items: '1' }}
                errors={errors}
                inputmode="numeric"
              />
              <TextField name="pages" label="页数（按量计收）" values={{}} errors={errors} inputmode="numeric" />
              {dateInput('通知日期')}
            </>,
            '发出收费通知',
          )
        : null}
      {q.status === 'fee_pending' ? (
        <>
          <p>
            信息处理费 {q.fee_amount} 元，{q.fee_notice_on} 通知。
          </p>
          {action('fee-paid', '申请人已缴费', dateInput('缴费日期'), '登记缴费')}
          {action(
            'fee-unpaid',
            '逾期未缴费（视为放弃申请，其他处理 2）',
            dateInput('处理日期'),
            '按逾期未缴费处理',
            true,
          )}
        </>
      ) : null}
      {q.status === 'awaiting_confirmation' || q.status === 'processing'
        ? action(
            'transfer',
            '转办（本机关不负责公开该信息，转本县另一受理机关办理）',
            <>
              <SelectField
                name="to_unit_id"
                label="转至"
                values={{}}
                errors={errors}
                required
                placeholder="（请选择）"
                options={v.transferTo}
              />
              <TextField name="reason" label="转办理由" values={{}} errors={errors} required />
            </>,
            '转办',
          )
        : null}
      {q.status === 'replied'
        ? action(
            'deliver',
            '送达',
            <>
              <SelectField
                name="method"
                label="送达方式"
                values={{}}
                errors={errors}
                required
                placeholder="（请选择）"
                options={Object.entries(DELIVERY_METHODS).map(([value, label]) => ({ value, label }))}
              />
              {dateInput('送达日期')}
            </>,
            '登记送达',
          )
        : null}
      {q.status === 'delivered' ? action('archive', '归档', null, '归档') : null}
    </section>
  ) : null;
}
