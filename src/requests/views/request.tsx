/** The handling page of a request in the back office: its data, record, clocks and every step its state allows. */
import type { Context } from 'hono';
import { Csrf, ErrorSummary, type Errors, formatTime, TextField } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { RequestPageData } from '../detail.js';
import {
  APPLICANT_TYPES,
  CHANNELS,
  CORRECTION_NOTICE_WORKING_DAYS,
  DELIVERIES,
  FORMS,
  ID_TYPES,
  ORG_TYPES,
  outcomeText,
  STATUS_LABELS,
} from '../model.js';
import { clockText, MissingList } from './components.js';
import { AppealsSection } from './request-appeals.js';
import { ConsultationsSection } from './request-consultations.js';
import type { RequestCtx } from './request-context.js';
import { DocumentsSection } from './request-documents.js';
import { HandlingSection } from './request-handling.js';

const FLASH: Record<string, string> = {
  registered: '已登记。',
  incomplete: `已登记。申请内容需补正，请在收到申请之日起 ${CORRECTION_NOTICE_WORKING_DAYS} 个工作日内一次性告知申请人（条例第三十条）。`,
  duplicate: '十分钟内相同申请人的相同申请已登记过，未重复登记。',
  confirmed: '已确认收到，开始计算答复期限。',
  done: '已办理。',
};

export function RequestPage(props: {
  c: Context<AppEnv>;
  id: number;
  v: RequestPageData;
  today: string;
  /** The outcome of the last action (?done=…). */
  done?: string;
  errors?: Errors;
  message?: string;
  /** The step whose form failed (errors of a consultee's form are shown at that form). */
  failed?: { step: string; consultationId?: string };
}) {
  const { c, id, v, today, message, failed } = props;
  let errors = props.errors;
  // Errors of one consultee's answer form are shown at that form, keyed to its own field ids.
  const consultErrors =
    failed?.step === 'consulted' && errors
      ? Object.fromEntries(
          Object.entries(errors).map(([k, m]) => [k === '_form' ? k : `${k}-${failed.consultationId}`, m]),
        )
      : undefined;
  if (consultErrors) errors = undefined;
  const q = v.request;
  const flash = FLASH[props.done ?? ''];
  const action = (name: string, title: string, body: unknown, button: string, danger = false) => (
    <form method="post" action={`/admin/requests/${id}/${name}`} class="form action-form" novalidate>
      <Csrf token={c.get('csrf')} />
      <h3>{title}</h3>
      {body as never}
      <button type="submit" class={danger ? 'button danger' : 'button'}>
        {button}
      </button>
    </form>
  );
  const dateInput = (label: string) => (
    <TextField name="date" label={label} type="date" values={{ date: today }} errors={errors} required />
  );
  const ctx: RequestCtx = { c, id, v, q, errors, message, consultErrors, failed, today, action, dateInput };
  return (
    <AdminLayout c={c} title={`申请 ${q.number}`} current="requests" flash={flash}>
      <dl class="meta">
        <dt>受理机关</dt>
        <dd>{v.unit.name}</dd>
        <dt>状态</dt>
        <dd>{STATUS_LABELS[q.status] ?? q.status}</dd>
        <dt>提交方式</dt>
        <dd>{CHANNELS[q.channel as keyof typeof CHANNELS]?.label ?? q.channel}</dd>
        <dt>收到申请之日</dt>
        <dd>{q.received_on ?? '待确认'}</dd>
        <dt>答复期限</dt>
        <dd>{v.clock ? `${v.clock.result.due ?? '—'}（${v.clock.status.label}）` : '—'}</dd>
        <dt>申请人</dt>
        <dd>
          {q.name}（{APPLICANT_TYPES[q.applicant_type as keyof typeof APPLICANT_TYPES]}
          {q.org_type ? `，${ORG_TYPES[q.org_type as keyof typeof ORG_TYPES]}` : ''}）
        </dd>
        <dt>证件</dt>
        <dd>
          {ID_TYPES[q.id_type as keyof typeof ID_TYPES]} {q.id_number || '（未填写证件号码）'}
        </dd>
        <dt>联系方式</dt>
        <dd>{[q.phone, q.address, q.email].filter(Boolean).join('；') || '—'}</dd>
        <dt>所需信息</dt>
        <dd class="pre">{q.description || '（未填写）'}</dd>
        <dt>文号</dt>
        <dd>{q.doc_number ?? '—'}</dd>
        <dt>提供形式和获取方式</dt>
        <dd>
          {FORMS[q.form as keyof typeof FORMS] ?? '（提供形式未填写）'}；
          {DELIVERIES[q.delivery as keyof typeof DELIVERIES] ?? '（获取方式未填写）'}
        </dd>
      </dl>
      {v.missing.length ? (
        <section class={v.needsCorrection ? 'notice incomplete' : 'notice'} aria-labelledby="missing-h">
          <h2 id="missing-h">{v.needsCorrection ? '需补正：' : ''}登记时核对发现申请内容不完整（条例第二十九条）</h2>
          <MissingList items={v.missing} />
          {v.needsCorrection ? (
            <p>
              <strong>补正告知期限：</strong>
              {q.received_on
                ? `${v.noticeClock?.result.due ?? '待载入节假日安排后计算'}${v.noticeClock ? `（${clockText(v.noticeClock.status)}）` : ''}`
                : '确认收到后计算'}
              。应自收到申请之日起 {CORRECTION_NOTICE_WORKING_DAYS}{' '}
              个工作日内一次性告知申请人需要补正的事项和合理的补正期限（条例第三十条）。
            </p>
          ) : (
            <p class="muted">{q.correction_count > 0 ? '已发出补正告知。' : '已认定申请内容明确，无需补正。'}</p>
          )}
        </section>
      ) : null}
      {!v.pii ? <p class="muted">申请人的证件号码、联系方式和附件仅受理机关的依申请办理员可见。</p> : null}
      {v.files.length ? (
        <>
          <h2>附件</h2>
          <ul>
            {v.files.map((f) => (
              <li>
                <a href={`/admin/requests/${id}/files/${f.id}`}>{f.name}</a>（{Math.ceil(f.size / 1024)} KB）
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {q.status === 'awaiting_confirmation' && v.canHandle ? (
        <form method="post" action={`/admin/requests/${id}/confirm`} class="form narrow" novalidate>
          <Csrf token={c.get('csrf')} />
          <h2>确认收到申请</h2>
          <ErrorSummary errors={errors} labels={{ received_on: '确认日期' }} />
          <p class="hint">网上、传真、电子邮件提交的申请，以双方确认之日为收到申请之日（条例第三十一条）。</p>
          <TextField
            name="received_on"
            label="确认日期"
            type="date"
            values={{ received_on: today }}
            errors={errors}
            required
          />
          <button type="submit" class="button">
            确认收到并开始计时
          </button>
        </form>
      ) : null}
      {q.outcome ? (
        <p>
          <strong>答复结果：</strong>
          {outcomeText(q.outcome)}（{q.replied_on}）
        </p>
      ) : null}
      {v.canReview && q.status === 'review' ? (
        <form method="post" action={`/admin/requests/${id}/review`} class="form action-form" novalidate>
          <Csrf token={c.get('csrf')} />
          <h2>审核拟办意见（含保密审查，条例第十七条）</h2>
          <ErrorSummary
            errors={errors}
            message={message}
            labels={{ secrecy: '保密审查', comment: '审核意见', decision: '审核结论' }}
          />
          <p>拟办意见：{outcomeText(q.proposed_outcome ?? '')}</p>
          <div class="field checkbox">
            <input type="checkbox" id="f-secrecy" name="secrecy" value="1" />
            <label for="f-secrecy">已对拟公开的信息进行保密审查，未发现涉密内容</label>
          </div>
          {errors?.secrecy ? (
            <p class="field-error" id="e-secrecy">
              {errors.secrecy}
            </p>
          ) : null}
          <div class="field">
            <label for="f-comment">审核意见（退回时必填）</label>
            <textarea id="f-comment" name="comment" rows={3}></textarea>
          </div>
          <button type="submit" name="decision" value="approve" class="button">
            审核通过
          </button>
          <button type="submit" name="decision" value="return" class="button danger">
            退回重新办理
          </button>
        </form>
      ) : null}
      {ConsultationsSection(ctx)}
      {HandlingSection(ctx)}
      {AppealsSection(ctx)}
      {DocumentsSection(ctx)}
      {v.clock ? (
        <>
          <h2>答复期限的计算过程</h2>
          <ol>
            {v.clock.result.steps.map((x) => (
              <li>{x}</li>
            ))}
          </ol>
        </>
      ) : null}
      <h2>办理记录</h2>
      <ul class="timeline">
        {v.events.map((e) => (
          <li>
            <span class="muted">{formatTime(e.at)}</span> {e.actor_name}：{e.public_note}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
