import { Hono, type Context } from 'hono';
import { sendFile } from '../platform/web/download.js';
import type { AppEnv } from '../platform/web/env.js';
import { AdminLayout, PortalLayout, page } from '../platform/ui/layout.js';
import {
  Csrf,
  ErrorSummary,
  TextField,
  SelectField,
  formatTime,
  type Errors,
  type Values,
} from '../platform/ui/forms.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { requireActor, formBody } from '../platform/web/guards.js';
import { can, assertCan } from '../platform/access.js';
import * as org from '../org/service.js';
import * as svc from './service.js';
import * as wf from './workflow.js';
import { DOC_KINDS } from './documents.js';
import { APPEAL_KINDS, APPEAL_RESULTS } from './model.js';
import {
  APPLICANT_TYPES,
  ORG_TYPES,
  ID_TYPES,
  FORMS,
  DELIVERIES,
  CHANNELS,
  STATUS_LABELS,
  OUTCOMES,
  DELIVERY_METHODS,
  CORRECTION_NOTICE_WORKING_DAYS,
  CONSULTEES,
  CONSULTATION_STATUS,
  CONSULTATION_ANSWERS,
  outcomeText,
} from './model.js';
import { itemsText, type MissingItem } from './intake.js';
import type { ClockStatus } from '../calendar/clock.js';
import { todayInChina } from '../calendar/dates.js';
import type { Upload } from '../platform/files.js';
import { pdfAvailable } from '../platform/pdf.js';

const LABELS: Record<string, string> = {
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

const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** Where a clock stands, in words, to put in brackets: 即将到期，剩 2 个工作日 / 已逾期 3 个工作日 … */
const clockText = (s: ClockStatus | null | undefined) =>
  s
    ? `${s.label}${s.state === 'overdue' ? ` ${s.overdueWorkingDays} 个工作日` : s.state !== 'stopped' && s.workingDaysLeft !== null ? `，剩 ${s.workingDaysLeft} 个工作日` : ''}`
    : '';

/** The contents found missing at intake, as the applicant and the handler read them (条例第二十九条). */
function MissingList(props: { items: MissingItem[] }) {
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

/** Files of the multipart field `attachments` (several allowed). */
async function uploads(c: Context<AppEnv>): Promise<Upload[]> {
  const body = await c.req.parseBody({ all: true });
  const list = ([] as unknown[]).concat(body.attachments ?? []);
  const out: Upload[] = [];
  for (const f of list)
    if (f instanceof File && f.size > 0) out.push({ name: f.name, data: Buffer.from(await f.arrayBuffer()) });
  return out;
}

function AttachmentField(props: { errors?: Errors }) {
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

function scopeOf(c: Context<AppEnv>) {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return { code: s.jurisdictionCode, jurisdictionId: s.jurisdictionId, name: s.jurisdictionName };
}

async function receivers(c: Context<AppEnv>) {
  return (await org.publicUnits(c.get('deps').db, scopeOf(c).code))
    .filter((u) => u.receives_requests === 1)
    .map((u) => ({ value: u.id, label: u.name }));
}

/** The contents of a request (条例第二十九条), shared by the public form and staff registration. */
function RequestFields(props: { values: Values; errors?: Errors; units: { value: number; label: string }[] }) {
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

export function requestPortalRoutes() {
  const r = new Hono<AppEnv>();

  const applyPage = async (
    c: Context<AppEnv>,
    values: Values = { applicant_type: 'natural', id_type: 'resident_id' },
    errors?: Errors,
    message?: string,
    status = 200,
  ) =>
    page(
      c,
      <PortalLayout
        c={c}
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
          <Csrf token={c.get('csrf')} />
          <ErrorSummary errors={errors} message={message} labels={LABELS} />
          <RequestFields values={values} errors={errors} units={await receivers(c)} />
          <AttachmentField errors={errors} />
          <div class="hp" aria-hidden="true">
            <label for="f-website">网址（请勿填写）</label>
            <input id="f-website" name="website" tabindex={-1} autocomplete="off" />
          </div>
          <button type="submit" class="button">
            提交申请
          </button>
        </form>
      </PortalLayout>,
      status,
    );

  r.get('/ysqgk/apply', (c) => applyPage(c));
  r.post('/ysqgk/apply', async (c) => {
    const body = await formBody(c);
    try {
      const rec = await svc.submitOnline(c.get('deps').db, scopeOf(c), body, c.get('ip'), await uploads(c));
      return page(
        c,
        <PortalLayout
          c={c}
          title="申请已提交"
          current="ysqgk"
          crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '申请已提交' }]}
        >
          <h1>{rec.duplicate ? '您已提交过相同的申请' : '申请已提交'}</h1>
          <dl class="meta receipt">
            <dt>申请编号</dt>
            <dd>
              <strong>{rec.number}</strong>
            </dd>
            {rec.code ? (
              <>
                <dt>查询码</dt>
                <dd>
                  <strong class="code">{rec.code}</strong>
                </dd>
              </>
            ) : null}
          </dl>
          {rec.code ? (
            <p class="notice">
              请记下申请编号和查询码。查询码只显示这一次，凭二者可随时<a href="/ysqgk/query">查询办理进度</a>。
            </p>
          ) : (
            <p class="notice">十分钟内重复提交的相同申请按一件处理。查询码已在首次提交时显示。</p>
          )}
          <p>{rec.receiptRule}。受理机关确认收到后，将按法定期限答复。</p>
          {rec.missing.length ? (
            <section class="notice incomplete" aria-labelledby="missing-h">
              <h2 id="missing-h">申请内容需要补正</h2>
              <p>您的申请已经登记。经初步核对，申请缺少或未写明以下内容（条例第二十九条）：</p>
              <MissingList items={rec.missing} />
              <p>
                受理机关将自收到申请之日起 {CORRECTION_NOTICE_WORKING_DAYS}{' '}
                个工作日内一次性告知您需要补正的事项和合理的补正期限（条例第三十条），请留意电话、短信或电子邮件通知。补正后，答复期限自受理机关收到补正的申请之日起计算。
              </p>
            </section>
          ) : null}
        </PortalLayout>,
      );
    } catch (err) {
      if (err instanceof ValidationError) return applyPage(c, body, err.fieldErrors, err.fieldErrors._form, 422);
      if (err instanceof svc.RateLimited) return applyPage(c, body, undefined, err.message, 429);
      throw err;
    }
  });

  const queryPage = (c: Context<AppEnv>, values: Values = {}, errors?: Errors, status = 200) =>
    page(
      c,
      <PortalLayout
        c={c}
        title="查询申请办理进度"
        current="ysqgk"
        crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '查询办理进度' }]}
      >
        <h1>查询申请办理进度</h1>
        <form method="post" action="/ysqgk/query" class="form narrow" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary errors={errors} labels={{ number: '申请编号' }} />
          <TextField name="number" label="申请编号" values={values} errors={errors} required autocomplete="off" />
          <TextField name="code" label="查询码" values={{}} required autocomplete="off" />
          <button type="submit" class="button">
            查询
          </button>
        </form>
      </PortalLayout>,
      status,
    );
  r.get('/ysqgk/query', (c) => queryPage(c));
  r.post('/ysqgk/query', async (c) => {
    const body = await formBody(c);
    try {
      const s = await svc.publicStatus(
        c.get('deps').db,
        scopeOf(c).code,
        body.number ?? '',
        body.code ?? '',
        c.get('ip'),
      );
      return page(
        c,
        <PortalLayout
          c={c}
          title={`申请 ${s.number}`}
          current="ysqgk"
          crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '办理进度' }]}
        >
          <h1>申请 {s.number} 的办理进度</h1>
          <dl class="meta">
            <dt>受理机关</dt>
            <dd>{s.unitName}</dd>
            <dt>状态</dt>
            <dd>{STATUS_LABELS[s.status] ?? s.status}</dd>
            <dt>提交时间</dt>
            <dd>{formatTime(s.submittedAt)}</dd>
            <dt>收到申请之日</dt>
            <dd>{s.receivedOn ?? '待受理机关确认'}</dd>
            <dt>答复期限</dt>
            <dd>{s.due ?? (s.receivedOn ? '待载入节假日安排后计算' : '确认收到后计算')}</dd>
            {s.repliedOn ? (
              <>
                <dt>答复日期</dt>
                <dd>{s.repliedOn}</dd>
              </>
            ) : null}
          </dl>
          <h2>办理过程</h2>
          <ol>
            {s.events.map((e) => (
              <li>
                {formatTime(e.at)}　{e.public_note}
              </li>
            ))}
          </ol>
          {s.steps.length ? (
            <details>
              <summary>答复期限的计算过程</summary>
              <ol>
                {s.steps.map((x) => (
                  <li>{x}</li>
                ))}
              </ol>
            </details>
          ) : null}
        </PortalLayout>,
      );
    } catch (err) {
      if (err instanceof ValidationError) return queryPage(c, { number: body.number }, err.fieldErrors, 422);
      if (err instanceof svc.QueryThrottled) return queryPage(c, { number: body.number }, { number: err.message }, 429);
      throw err;
    }
  });
  return r;
}

export function requestAdminRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/requests', async (c) => {
    const actor = requireActor(c);
    const state = c.req.query('state');
    const rows = await svc.queue(c.get('deps').db, actor, { state });
    const tabs = [
      ['', '全部'],
      ['open', '办理中'],
      ['new', '待确认收到'],
      ['needs_correction', '需补正（待发补正告知）'],
      ['correction', '待补正'],
      ['consultation', '征求意见中'],
      ['consultation_lapsed', '征求意见期满'],
      ['review', '待审核'],
      ['due_soon', '即将到期（5 个工作日内）'],
      ['overdue', '已逾期'],
    ];
    return page(
      c,
      <AdminLayout c={c} title="依申请公开" current="requests">
        {can(actor, 'request.register') ? (
          <p>
            <a class="button" href="/admin/requests/new">
              登记申请
            </a>
          </p>
        ) : null}
        <nav class="tabs" aria-label="办理队列">
          {tabs.map(([k, l]) => (
            <a
              href={k ? `/admin/requests?state=${k}` : '/admin/requests'}
              aria-current={(state ?? '') === k ? 'page' : undefined}
            >
              {l}
            </a>
          ))}
        </nav>
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                <th scope="col">受理机关</th>
                <th scope="col">申请人</th>
                <th scope="col">提交方式</th>
                <th scope="col">状态</th>
                <th scope="col">收到申请之日</th>
                <th scope="col">答复期限</th>
                <th scope="col">期限状态</th>
                <th scope="col">补正告知期限</th>
                <th scope="col">征求意见期限</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((x) => (
                <tr class={x.clock?.state === 'overdue' ? 'overdue' : undefined}>
                  <td>
                    <a href={`/admin/requests/${x.id}`}>{x.number}</a>
                  </td>
                  <td>{x.unitName}</td>
                  <td>{x.name}</td>
                  <td>{CHANNELS[x.channel as keyof typeof CHANNELS]?.label ?? x.channel}</td>
                  <td>
                    {STATUS_LABELS[x.status] ?? x.status}
                    {x.needsCorrection ? <strong class="tag">需补正</strong> : null}
                  </td>
                  <td>{x.receivedOn ?? '—'}</td>
                  <td>{x.due ?? '—'}</td>
                  <td>
                    {x.clock
                      ? `${x.clock.label}${x.clock.state === 'overdue' ? `（${x.clock.overdueWorkingDays} 个工作日）` : x.clock.workingDaysLeft !== null ? `（剩 ${x.clock.workingDaysLeft} 个工作日）` : ''}`
                      : '—'}
                  </td>
                  <td>
                    {x.needsCorrection
                      ? x.receivedOn
                        ? `${x.correctionNoticeDue ?? '待载入节假日安排后计算'}${x.correctionNoticeClock ? `（${clockText(x.correctionNoticeClock)}）` : ''}`
                        : '确认收到后计算'
                      : '—'}
                  </td>
                  <td>{x.consultationDue ? `${x.consultationDue}${x.consultationLapsed ? '（已届满）' : ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 ? <p class="empty">没有申请。</p> : null}
      </AdminLayout>,
    );
  });

  const registerPage = async (c: Context<AppEnv>, values: Values, errors?: Errors, status = 200) =>
    page(
      c,
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
          <RequestFields values={values} errors={errors} units={await receivers(c)} />
          <AttachmentField errors={errors} />
          <button type="submit" class="button">
            登记
          </button>
        </form>
      </AdminLayout>,
      status,
    );
  r.get('/requests/new', (c) => {
    assertCan(requireActor(c), 'request.register', undefined, '您无权登记政府信息公开申请。');
    return registerPage(c, { submitted_on: todayInChina(), applicant_type: 'natural', id_type: 'resident_id' });
  });
  r.post('/requests', async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    try {
      const rec = await svc.register(c.get('deps').db, actor, scopeOf(c), body, await uploads(c));
      return c.redirect(
        `/admin/requests/${rec.id}?done=${rec.duplicate ? 'duplicate' : rec.missing.length ? 'incomplete' : 'registered'}`,
        303,
      );
    } catch (err) {
      if (err instanceof ValidationError) return registerPage(c, body, err.fieldErrors, 422);
      throw err;
    }
  });

  const detail = async (
    c: Context<AppEnv>,
    id: number,
    errors?: Errors,
    status = 200,
    message?: string,
    bodyOverride?: { kind: string; body: string },
    failed?: { step: string; consultationId?: string },
  ) => {
    // Errors of one consultee's answer form are shown at that form, keyed to its own field ids.
    const consultErrors =
      failed?.step === 'consulted' && errors
        ? Object.fromEntries(
            Object.entries(errors).map(([k, m]) => [k === '_form' ? k : `${k}-${failed.consultationId}`, m]),
          )
        : undefined;
    if (consultErrors) errors = undefined;
    const actor = requireActor(c);
    const v = await svc.getRequest(c.get('deps').db, actor, id);
    const q = v.request;
    const flash = (
      {
        registered: '已登记。',
        incomplete: `已登记。申请内容需补正，请在收到申请之日起 ${CORRECTION_NOTICE_WORKING_DAYS} 个工作日内一次性告知申请人（条例第三十条）。`,
        duplicate: '十分钟内相同申请人的相同申请已登记过，未重复登记。',
        confirmed: '已确认收到，开始计算答复期限。',
        done: '已办理。',
      } as Record<string, string>
    )[c.req.query('done') ?? ''];
    const today = todayInChina();
    const docs = v.canHandle ? await wf.listDocuments(c.get('deps').db, actor, id) : [];
    const appeals = v.canHandle ? await wf.listAppeals(c.get('deps').db, actor, id) : [];
    const draftKind = c.req.query('draft') ?? (bodyOverride ? bodyOverride.kind : undefined);
    let draftText: string | null = bodyOverride ? bodyOverride.body : null;
    if (draftKind && draftText === null && v.canHandle)
      draftText = await wf.draftDocument(c.get('deps').db, actor, id, draftKind).catch(() => null);
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
    return page(
      c,
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
              values={{ received_on: todayInChina() }}
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
        {v.consultations.length ? (
          <section aria-labelledby="consult-h">
            <h2 id="consult-h">征求意见（条例第三十二条、第三十四条）</h2>
            <div class="table-scroll">
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">对象</th>
                    <th scope="col">名称</th>
                    <th scope="col">发出征求意见书</th>
                    <th scope="col">对方收到</th>
                    <th scope="col">意见期限</th>
                    <th scope="col">结果</th>
                  </tr>
                </thead>
                <tbody>
                  {v.consultations.map((x) => (
                    <tr class={x.status === 'open' && x.clock?.state === 'overdue' ? 'overdue' : undefined}>
                      <td>{CONSULTEES[x.partyType as keyof typeof CONSULTEES]?.label ?? x.partyType}</td>
                      <td>{x.partyName}</td>
                      <td>{x.sentOn}</td>
                      <td>{x.receivedOn}</td>
                      <td>
                        {x.due ?? '待载入节假日安排后计算'}
                        {x.status === 'open' && x.clock
                          ? `（${x.clock.state === 'overdue' ? '已届满' : clockText(x.clock)}）`
                          : ''}
                      </td>
                      <td>
                        {x.status === 'open'
                          ? CONSULTATION_STATUS.open
                          : `${x.status === 'lapsed' ? CONSULTATION_STATUS.lapsed : CONSULTATION_ANSWERS[x.answer as keyof typeof CONSULTATION_ANSWERS]}（${x.closedOn}）`}
                        {x.reason ? (
                          <>
                            <br />
                            理由：{x.reason}
                          </>
                        ) : null}
                        {x.consequence ? (
                          <>
                            <br />
                            <strong>{x.consequence}</strong>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {v.canHandle && q.status === 'consultation'
              ? v.consultations
                  .filter((x) => x.status === 'open')
                  .map((x) => (
                    <form method="post" action={`/admin/requests/${id}/consulted`} class="form action-form" novalidate>
                      <Csrf token={c.get('csrf')} />
                      <h3>
                        登记{x.partyName}的意见（期限 {x.due ?? '待计算'}）
                      </h3>
                      {consultErrors && failed?.consultationId === String(x.id) ? (
                        <ErrorSummary
                          errors={consultErrors}
                          message={message}
                          labels={{ [`result-${x.id}`]: '结果', [`reason-${x.id}`]: '理由', [`date-${x.id}`]: '日期' }}
                        />
                      ) : null}
                      <input type="hidden" name="consultation_id" value={String(x.id)} />
                      {/* One form per open consultee: field ids carry the consultation's id to stay unique on the page. */}
                      <div class="field">
                        <label for={`f-result-${x.id}`}>
                          结果
                          <span class="req" aria-hidden="true">
                            *
                          </span>
                        </label>
                        <select id={`f-result-${x.id}`} name="result" required>
                          <option value="">（请选择）</option>
                          <option value="agree">同意公开</option>
                          <option value="disagree">不同意公开（填写理由）</option>
                          <option value="lapsed">
                            逾期未答复（{x.partyType === 'other_agency' ? '视为同意公开' : '由本机关决定是否公开'}）
                          </option>
                        </select>
                      </div>
                      <div class="field">
                        <label for={`f-reason-${x.id}`}>理由（不同意公开时必填）</label>
                        <input id={`f-reason-${x.id}`} name="reason" type="text" maxlength={2000} />
                      </div>
                      <div class="field">
                        <label for={`f-date-${x.id}`}>
                          收到意见或认定逾期日期
                          <span class="req" aria-hidden="true">
                            *
                          </span>
                        </label>
                        <input id={`f-date-${x.id}`} name="date" type="date" value={today} required />
                      </div>
                      <button type="submit" class="button">
                        登记结果
                      </button>
                    </form>
                  ))
              : null}
          </section>
        ) : null}
        {v.canHandle &&
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
                      options={(await receivers(c)).filter((u) => u.value !== v.unit.id)}
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
        ) : null}
        {v.canHandle && ['replied', 'delivered', 'archived'].includes(q.status) ? (
          <section aria-labelledby="appeals-h">
            <h2 id="appeals-h">行政复议和行政诉讼</h2>
            {appeals.length ? (
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">类型</th>
                    <th scope="col">申请或起诉日期</th>
                    <th scope="col">结果</th>
                    <th scope="col">登记结果</th>
                  </tr>
                </thead>
                <tbody>
                  {appeals.map((a) => (
                    <tr>
                      <td>
                        {APPEAL_KINDS[a.kind as keyof typeof APPEAL_KINDS] === '行政复议'
                          ? '行政复议'
                          : `行政诉讼（${APPEAL_KINDS[a.kind as keyof typeof APPEAL_KINDS]}）`}
                      </td>
                      <td>{a.filed_on}</td>
                      <td>
                        {a.result
                          ? `${APPEAL_RESULTS[a.result as keyof typeof APPEAL_RESULTS]}（${a.decided_on}）`
                          : '尚未审结'}
                      </td>
                      <td>
                        <form method="post" action={`/admin/requests/${id}/appeal-result`} class="inline" novalidate>
                          <Csrf token={c.get('csrf')} />
                          <input type="hidden" name="appeal_id" value={String(a.id)} />
                          <label class="visually-hidden" for={`f-result-${a.id}`}>
                            结果
                          </label>
                          <select id={`f-result-${a.id}`} name="result">
                            {Object.entries(APPEAL_RESULTS).map(([k, l]) => (
                              <option value={k} selected={a.result === k}>
                                {l}
                              </option>
                            ))}
                          </select>
                          <label class="visually-hidden" for={`f-decided-${a.id}`}>
                            结果日期
                          </label>
                          <input id={`f-decided-${a.id}`} type="date" name="decided_on" value={a.decided_on ?? today} />
                          <button type="submit" class="button secondary small">
                            保存结果
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="empty">没有针对本答复的行政复议或行政诉讼。</p>
            )}
            {action(
              'appeal',
              '登记行政复议或行政诉讼',
              <>
                <SelectField
                  name="kind"
                  label="类型"
                  values={{}}
                  errors={errors}
                  required
                  placeholder="（请选择）"
                  options={[
                    { value: 'review', label: '行政复议' },
                    { value: 'litigationDirect', label: '行政诉讼（未经复议直接起诉）' },
                    { value: 'litigationAfterReview', label: '行政诉讼（复议后起诉）' },
                  ]}
                />
                <TextField
                  name="filed_on"
                  label="申请复议或起诉日期"
                  type="date"
                  values={{ filed_on: today }}
                  errors={errors}
                  required
                />
              </>,
              '登记',
            )}
          </section>
        ) : null}
        {v.canHandle ? (
          <section aria-labelledby="docs-h">
            <h2 id="docs-h">文书</h2>
            {docs.length ? (
              <ul>
                {docs.map((d) => (
                  <li>
                    <a href={`/admin/requests/${id}/documents/${d.id}`}>
                      {DOC_KINDS[d.kind as keyof typeof DOC_KINDS]}（{d.number}）
                    </a>
                    {pdfAvailable() ? (
                      <>
                        （
                        <a href={`/admin/requests/${id}/documents/${d.id}?format=pdf`}>
                          PDF<span class="visually-hidden">：{d.number}</span>
                        </a>
                        ）
                      </>
                    ) : null}
                    ，{d.issued_on} 由 {d.issued_by} 出具
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">尚未出具文书。</p>
            )}
            <form method="get" action={`/admin/requests/${id}`} class="filters" aria-label="生成文书草稿">
              <SelectField
                name="draft"
                label="文书类型"
                values={{ draft: draftKind ?? '' }}
                options={Object.entries(DOC_KINDS).map(([value, label]) => ({ value, label }))}
              />
              <button type="submit" class="button secondary">
                生成草稿
              </button>
            </form>
            {draftKind && draftText !== null ? (
              <form method="post" action={`/admin/requests/${id}/document`} class="form" novalidate>
                <Csrf token={c.get('csrf')} />
                <input type="hidden" name="kind" value={draftKind} />
                <div class={errors?.body ? 'field has-error' : 'field'}>
                  <label for="f-body">
                    {DOC_KINDS[draftKind as keyof typeof DOC_KINDS]}（可修改，出具后编号并存档，不能再改）
                  </label>
                  {errors?.body ? (
                    <p class="field-error" id="e-body">
                      {errors.body}
                    </p>
                  ) : null}
                  <textarea id="f-body" name="body" rows={14}>
                    {draftText}
                  </textarea>
                </div>
                <button type="submit" class="button">
                  出具文书
                </button>
              </form>
            ) : null}
          </section>
        ) : null}
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
      </AdminLayout>,
      status,
    );
  };
  r.get('/requests/:id{[0-9]+}', (c) => detail(c, Number(c.req.param('id'))));
  r.get('/requests/:id{[0-9]+}/files/:file{[0-9]+}', async (c) => {
    const f = await svc.requestFile(
      c.get('deps').db,
      requireActor(c),
      Number(c.req.param('id')),
      Number(c.req.param('file')),
    );
    return sendFile(c, f);
  });
  r.get('/requests/:id{[0-9]+}/documents/:doc{[0-9]+}', async (c) => {
    const pdf = c.req.query('format') === 'pdf';
    const f = await wf.documentFile(
      c.get('deps').db,
      requireActor(c),
      Number(c.req.param('id')),
      Number(c.req.param('doc')),
      pdf ? 'pdf' : 'docx',
    );
    return c.body(new Uint8Array(f.body), 200, {
      'content-type': pdf
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="letter.${pdf ? 'pdf' : 'docx'}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
      'cache-control': 'no-store',
    });
  });
  r.post('/requests/:id{[0-9]+}/confirm', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    try {
      await svc.confirmReceipt(c.get('deps').db, actor, id, await formBody(c));
    } catch (err) {
      if (err instanceof ValidationError) return detail(c, id, err.fieldErrors, 422);
      throw err;
    }
    return c.redirect(`/admin/requests/${id}?done=confirmed`, 303);
  });
  r.post('/requests/:id{[0-9]+}/:step{[a-z-]+}', async (c) => {
    const fn = wf.STEPS[c.req.param('step').replace(/-/g, '_')];
    if (!fn) throw new NotFoundError();
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    try {
      await fn(c.get('deps').db, actor, id, await formBody(c));
    } catch (err) {
      if (err instanceof ValidationError) {
        const body = await formBody(c);
        return detail(
          c,
          id,
          err.fieldErrors,
          422,
          err.fieldErrors._form,
          c.req.param('step') === 'document' ? { kind: body.kind ?? '', body: body.body ?? '' } : undefined,
          { step: c.req.param('step'), consultationId: body.consultation_id },
        );
      }
      throw err;
    }
    return c.redirect(`/admin/requests/${id}?done=done`, 303);
  });
  return r;
}
