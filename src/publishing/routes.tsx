/**
 * Back-office pages of publishing (信息发布): the list, the record form, the record page with its
 * review and publication steps, 公开时限 supervision, the 不予公开 re-assessment queue, the list of
 * policies still missing their 解读, the county settings and the 清理结果 draft. Routes are thin:
 * every access check and rule lives in the service.
 */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { sendFile } from '../platform/web/download.js';
import type { AppEnv } from '../platform/web/env.js';
import { AdminLayout, page } from '../platform/ui/layout.js';
import {
  Csrf,
  ErrorSummary,
  TextField,
  SelectField,
  CheckboxField,
  Pager,
  formatTime,
  type Errors,
  type Values,
} from '../platform/ui/forms.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../platform/errors.js';
import { requireActor } from '../platform/web/guards.js';
import { can, assertCan } from '../platform/access.js';
import { todayInChina } from '../calendar/dates.js';
import * as svc from './service.js';
import {
  EVENT_LABELS,
  RECORD_CHANNELS,
  RECORD_COLUMNS,
  RECORD_KINDS,
  STATUS_LABELS,
  VALIDITY,
  formatIndexNo,
  checkIndexScheme,
  withholdReasonText,
  docClassLabel,
} from './model.js';
import { ACCEPT } from './attachments.js';
import {
  RecordForm,
  DueCell,
  StatusText,
  Field,
  Radios,
  TextArea,
  columnItemLabel,
  kindLabel,
  attributeLabel,
  validityLabel,
} from './views.js';

type C = Context<AppEnv>;

/** One-time messages after a redirect (fixed keys only). */
const FLASH: Record<string, string> = {
  created: '信息已保存为草稿。',
  saved: '已保存。',
  changed: '变更已保存，提交审查并通过后发布为新版本；在此之前已发布的版本继续公开。',
  submitted: '已提交公开审查和保密审查。',
  approved: '审查通过，可以发布。',
  filed: '审查通过。该信息不主动公开，已审定归档。',
  returned: '已退回修改。',
  published: '已发布。',
  change_published: '变更已审查通过并发布为新版本，原版本已保留。',
  scheduled: '已设定定时发布，到时将自动发布。',
  withdrawn: '已撤回，撤回理由将在门户上公开。',
  validity: '有效性已修改。',
  channel: '公开渠道已登记。',
  assessed: '定期评估结果已记录。',
  attached: '附件已上传。',
  detached: '附件已删除。',
  deleted: '草稿已删除。',
  cleanup: '已生成清理结果草稿，请核对后提交审查。',
  settings: '信息发布设置已保存。',
};
const SANITIZED = '正文中的脚本等不安全内容已被移除。';

function flashOf(c: C): string | undefined {
  const base = FLASH[c.req.query('done') ?? ''];
  if (!base) return undefined;
  return c.req.query('clean') === '1' ? `${base}${SANITIZED}` : base;
}

function siteOf(c: C) {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return s;
}

const idParam = (c: C, name = 'id') => Number(c.req.param(name));

/** All fields of a (possibly multipart) form: strings, lists of strings for repeated names, and the files. */
async function formAll(
  c: C,
): Promise<{ fields: Record<string, string | string[]>; files: Record<string, svc.Upload[]> }> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, svc.Upload[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    for (const x of ([] as unknown[]).concat(v)) {
      if (x instanceof File) {
        if (x.size > 0) {
          files[k] ??= [];
          files[k].push({ name: x.name, data: Buffer.from(await x.arrayBuffer()) });
        }
      } else if (typeof x === 'string') {
        const prev = fields[k];
        fields[k] = prev === undefined ? x : ([] as string[]).concat(prev, x);
      }
    }
  }
  return { fields, files };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v) ?? '';

/** The values of a stored record as the form shows them. */
function recordValues(r: svc.RecordRow, itemIds: number[]): Values {
  return {
    kind: r.kind,
    policy_id: r.policy_id ?? '',
    interp_form: r.interp_form ?? '',
    title: r.title,
    index_no: r.index_no,
    doc_number: r.doc_number ?? '',
    written_on: r.written_on ?? '',
    formed_on: r.formed_on,
    subject: r.subject,
    genre: r.genre,
    keywords: r.keywords,
    summary: r.summary,
    attribute: r.attribute,
    attribute_reason: r.attribute_reason ?? '',
    attribute_note: r.attribute_note ?? '',
    validity: r.validity,
    validity_on: r.validity_on ?? '',
    doc_class: r.doc_class ?? '',
    column_slug: r.column_slug,
    column_item: r.column_item ?? '',
    body: r.body_html,
    item_ids: itemIds.map(String),
    needs_interpretation: r.needs_interpretation ? '1' : '',
  };
}

export function recordAdminRoutes() {
  const r = new Hono<AppEnv>();

  // -------------------------------------------------------------------------------------------
  // 1. List
  // -------------------------------------------------------------------------------------------
  r.get('/records', async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').db;
    const q = c.req.query();
    const filter = {
      unitId: Number(q.unit) || undefined,
      status: q.status || undefined,
      kind: q.kind || undefined,
      q: q.q?.trim() || undefined,
      page: Number(q.page) || 1,
    };
    const [list, units, editable] = await Promise.all([
      svc.listForStaff(db, actor, filter),
      svc.unitsFor(db, actor, 'record.view'),
      svc.unitsFor(db, actor, 'record.edit'),
    ]);
    const today = todayInChina();
    const params = (page: number) =>
      `/admin/records?${new URLSearchParams([...Object.entries(q).filter(([k, v]) => k !== 'page' && v), ['page', String(page)]])}`;
    const statuses = [...Object.entries(STATUS_LABELS), ['changing', '变更待审']];
    return page(
      c,
      <AdminLayout c={c} title="信息发布" current="records">
        <p class="actions">
          {editable.length ? (
            <a
              class="button"
              href={editable.length === 1 ? `/admin/records/new?unit=${editable[0].id}` : '/admin/records/new'}
            >
              起草信息
            </a>
          ) : null}{' '}
          <a href="/admin/records/deadlines">公开时限监督</a>{' '}
          <a href="/admin/records/assessments">不予公开信息定期评估</a>{' '}
          <a href="/admin/records/interpretations">缺少解读的政策文件</a>
          {editable.length ? (
            <>
              {' '}
              <a href="/admin/records/cleanup">生成清理结果</a>
            </>
          ) : null}
          {can(actor, 'record.settings', { id: -1, jurisdictionCode: siteOf(c).jurisdictionCode }) ? (
            <>
              {' '}
              <a href="/admin/records/settings">信息发布设置</a>
            </>
          ) : null}
        </p>
        <form method="get" action="/admin/records" class="filters" role="search" aria-label="筛选信息">
          {units.length > 1 ? (
            <SelectField
              name="unit"
              label="单位"
              values={q}
              placeholder="全部"
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          ) : null}
          <SelectField
            name="status"
            label="状态"
            values={q}
            placeholder="全部"
            options={statuses.map(([value, label]) => ({ value, label }))}
          />
          <SelectField
            name="kind"
            label="类型"
            values={q}
            placeholder="全部"
            options={Object.entries(RECORD_KINDS).map(([value, label]) => ({ value, label }))}
          />
          <TextField name="q" label="标题关键词或索引号" values={q} maxlength={100} />
          <button type="submit" class="button secondary">
            筛选
          </button>
        </form>
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">单位</th>
                <th scope="col">索引号</th>
                <th scope="col">公开属性</th>
                <th scope="col">状态</th>
                <th scope="col">公开期限</th>
                <th scope="col">发布日期</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((x) => (
                <tr>
                  <td>
                    <a href={`/admin/records/${x.id}`}>{x.title}</a>
                    {x.kind === 'interpretation' ? <span class="muted">（政策解读）</span> : null}
                  </td>
                  <td>{x.unit_name}</td>
                  <td class="nowrap">{x.index_no}</td>
                  <td>{attributeLabel(x.attribute)}</td>
                  <td>
                    <StatusText status={x.status} pending={x.pending_status} />
                  </td>
                  <td class="nowrap">
                    <DueCell record={x} today={today} />
                  </td>
                  <td class="nowrap">{x.published_on ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.rows.length === 0 ? <p class="empty">没有符合条件的信息。</p> : null}
        <Pager page={list.page} hasNext={list.hasNext} href={params} />
      </AdminLayout>,
    );
  });

  // -------------------------------------------------------------------------------------------
  // 2. Record form (create, edit)
  // -------------------------------------------------------------------------------------------
  const newPage = async (c: C, values: Values, errors?: Errors, status = 200) => {
    const actor = requireActor(c);
    const db = c.get('deps').db;
    const policyId = Number(c.req.query('policy') ?? values.policy_id) || null;
    let policy: { id: number; title: string } | null = null;
    let unitId = Number(c.req.query('unit') ?? values.unit_id) || null;
    if (policyId) {
      const p = await svc.getForStaff(db, actor, policyId);
      policy = { id: p.record.id, title: p.record.title };
      unitId = p.unit.id;
    }
    const editable = await svc.unitsFor(db, actor, 'record.edit');
    if (!unitId) {
      if (editable.length === 1) return c.redirect(`/admin/records/new?unit=${editable[0].id}`, 303);
      if (!editable.length) assertCan(actor, 'record.edit', undefined, '您无权起草信息。');
      return page(
        c,
        <AdminLayout c={c} title="起草信息" current="records">
          <form method="get" action="/admin/records/new" class="form narrow">
            <SelectField
              name="unit"
              label="为哪个单位起草"
              values={{}}
              required
              options={editable.map((u) => ({ value: u.id, label: u.name }))}
              hint="信息由制作或保存该信息的单位发布（条例第十条）。"
            />
            <button type="submit" class="button">
              下一步
            </button>
          </form>
        </AdminLayout>,
      );
    }
    const unit = editable.find((u) => u.id === unitId);
    if (!unit) throw new ForbiddenError('您无权为该单位起草信息。');
    const items = await svc.itemChoices(db.k, unitId);
    const kind = policy ? 'interpretation' : 'info';
    return page(
      c,
      <AdminLayout c={c} title={policy ? '起草政策解读' : '起草信息'} current="records">
        <p>发布单位：{unit!.name}</p>
        <RecordForm
          action="/admin/records"
          csrf={c.get('csrf')}
          values={policy ? { ...values, kind, policy_id: policy.id } : values}
          errors={errors}
          items={items}
          level={unit!.jurisdiction_level}
          mode="create"
          kind={kind}
          unitId={unitId}
          policy={policy}
        />
      </AdminLayout>,
      status,
    );
  };
  const defaults = (): Values => ({
    formed_on: todayInChina(),
    attribute: 'proactive',
    validity: 'valid',
    column_slug: 'fdzdgknr',
  });
  r.get('/records/new', (c) => newPage(c, defaults()));
  r.post('/records', async (c) => {
    const actor = requireActor(c);
    const { fields, files } = await formAll(c);
    const unitId = Number(one(fields.unit_id));
    try {
      const res = await svc.createRecord(c.get('deps').db, actor, unitId, fields, files.attachments ?? []);
      return c.redirect(`/admin/records/${res.id}?done=created${res.sanitized ? '&clean=1' : ''}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return newPage(c, fields, err.fieldErrors, 422);
      throw err;
    }
  });

  const editPage = async (c: C, id: number, values?: Values, errors?: Errors, status = 200) => {
    const actor = requireActor(c);
    const db = c.get('deps').db;
    const v = await svc.getForStaff(db, actor, id);
    if (!can(actor, 'record.edit', { id: v.unit.id, jurisdictionCode: v.unit.jurisdiction_code }))
      throw new ForbiddenError('您无权修改该单位的信息。');
    if (!v.rights.edit)
      throw new ConflictError(
        v.record.status === 'published'
          ? '该信息的变更正在审查中，审查完成前不能修改。'
          : '该信息正在审查或等待发布，不能修改；如需修改，请审核人先退回。',
      );
    const items = await svc.itemChoices(db.k, v.unit.id);
    const published = v.record.status === 'published';
    const initial =
      values ??
      (published && v.pending
        ? v.pending
        : recordValues(
            v.record,
            v.items.map((i) => i.catalog_item_id),
          ));
    return page(
      c,
      <AdminLayout
        c={c}
        title={published ? `变更《${v.record.title}》` : `修改《${v.record.title}》`}
        current="records"
      >
        <p>
          <a href={`/admin/records/${id}`}>返回信息页</a>　发布单位：{v.unit.name}
        </p>
        <RecordForm
          action={`/admin/records/${id}`}
          csrf={c.get('csrf')}
          values={initial}
          errors={errors}
          items={items}
          level={v.unit.jurisdiction_level}
          mode="edit"
          kind={v.record.kind === 'interpretation' ? 'interpretation' : 'info'}
          policy={v.policy ? { id: v.policy.id, title: v.policy.title } : null}
          published={published}
          indexNo={v.record.index_no}
        />
      </AdminLayout>,
      status,
    );
  };
  r.get('/records/:id{[0-9]+}/edit', (c) => editPage(c, idParam(c)));
  r.post('/records/:id{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const id = idParam(c);
    const { fields } = await formAll(c);
    try {
      const before = await svc.getForStaff(c.get('deps').db, actor, id);
      const res = await svc.updateRecord(c.get('deps').db, actor, id, fields);
      return c.redirect(
        `/admin/records/${id}?done=${before.record.status === 'published' ? 'changed' : 'saved'}${res.sanitized ? '&clean=1' : ''}`,
        303,
      );
    } catch (err) {
      if (err instanceof ValidationError) return editPage(c, id, fields, err.fieldErrors, 422);
      throw err;
    }
  });

  // -------------------------------------------------------------------------------------------
  // 3. Record page with its actions
  // -------------------------------------------------------------------------------------------
  interface FormState {
    form: string;
    errors: Errors;
    values: Values;
  }
  const detail = async (c: C, id: number, state?: FormState, status = 200) => {
    const actor = requireActor(c);
    const v = await svc.getForStaff(c.get('deps').db, actor, id);
    const rec = v.record;
    const csrf = c.get('csrf');
    const today = todayInChina();
    const errs = (form: string) => (state?.form === form ? state.errors : undefined);
    const vals = (form: string, fallback: Values = {}) => (state?.form === form ? state.values : fallback);
    const canFiles = v.rights.edit && ['draft', 'returned'].includes(rec.status);
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
    const pendingTitle = v.pending ? String(v.pending.title ?? '') : '';
    return page(
      c,
      <AdminLayout c={c} title={rec.title} current="records" flash={flashOf(c)}>
        <p>
          <a href="/admin/records">返回信息列表</a>
          {rec.status === 'published' ? <a href={`/xxgk/info/${id}`}>查看门户页面</a> : null}
          {v.rights.edit ? (
            <a href={`/admin/records/${id}/edit`}>{rec.status === 'published' ? '变更信息' : '修改'}</a>
          ) : null}
          {v.rights.interpret ? <a href={`/admin/records/new?policy=${id}`}>起草政策解读</a> : null}
        </p>
        <dl class="meta">
          <dt>状态</dt>
          <dd>
            <StatusText status={rec.status} pending={rec.pending_status} />
          </dd>
          <dt>类型</dt>
          <dd>
            {kindLabel(rec.kind)}
            {rec.interp_form ? `（${rec.interp_form}）` : ''}
          </dd>
          {v.policy ? (
            <>
              <dt>所解读的政策文件</dt>
              <dd>
                <a href={`/admin/records/${v.policy.id}`}>《{v.policy.title}》</a>（
                {STATUS_LABELS[v.policy.status] ?? v.policy.status}）
              </dd>
            </>
          ) : null}
          <dt>索引号</dt>
          <dd>{rec.index_no}</dd>
          <dt>发布机构</dt>
          <dd>{rec.publisher}</dd>
          <dt>文号</dt>
          <dd>{rec.doc_number ?? '—'}</dd>
          <dt>成文日期</dt>
          <dd>{rec.written_on ?? '—'}</dd>
          <dt>形成或变更日期</dt>
          <dd>{rec.formed_on}</dd>
          <dt>主题分类</dt>
          <dd>{rec.subject}</dd>
          <dt>体裁</dt>
          <dd>{rec.genre}</dd>
          {rec.kind === 'info' ? (
            <>
              <dt>文件类别（年报表二）</dt>
              <dd>{docClassLabel(rec.doc_class)}</dd>
            </>
          ) : null}
          <dt>关键词</dt>
          <dd>{rec.keywords || '—'}</dd>
          <dt>内容概述</dt>
          <dd class="pre">{rec.summary || '—'}</dd>
          <dt>公开属性</dt>
          <dd>
            {attributeLabel(rec.attribute)}
            {rec.attribute_reason ? `：${withholdReasonText(rec.attribute_reason)}` : ''}
            {rec.attribute_note ? `（${rec.attribute_note}）` : ''}
          </dd>
          <dt>有效性</dt>
          <dd>
            {validityLabel(rec.validity)}
            {rec.validity_on ? `（${rec.validity_on}）` : ''}
          </dd>
          <dt>栏目</dt>
          <dd>
            {RECORD_COLUMNS[rec.column_slug as keyof typeof RECORD_COLUMNS] ?? rec.column_slug}
            {rec.column_item ? ` > ${columnItemLabel(rec.column_item)}` : ''}
          </dd>
          <dt>需要政策解读</dt>
          <dd>{rec.kind === 'info' ? (rec.needs_interpretation ? '是' : '否') : '—'}</dd>
          <dt>公开期限</dt>
          <dd>
            <DueCell record={rec} today={today} />
            {rec.due_note ? <span class="muted">（{rec.due_note}）</span> : null}
          </dd>
          {v.posting ? (
            <>
              <dt>公示期</dt>
              <dd>
                {v.posting.amount} {v.posting.unit === 'workday' ? '个工作日' : '日'}
                {rec.posting_end_on ? `，至 ${rec.posting_end_on} 止` : '（自发布之日起算）'}
              </dd>
            </>
          ) : null}
          {rec.scheduled_at ? (
            <>
              <dt>定时发布</dt>
              <dd>{formatTime(rec.scheduled_at)}</dd>
            </>
          ) : null}
          <dt>发布日期</dt>
          <dd>{rec.published_on ?? '—'}</dd>
          <dt>版本</dt>
          <dd>第 {rec.version} 版</dd>
          {rec.reviewed_by ? (
            <>
              <dt>审查</dt>
              <dd>
                {rec.reviewed_by}，{formatTime(rec.reviewed_at)}
                {rec.review_comment ? `：${rec.review_comment}` : ''}
              </dd>
            </>
          ) : rec.review_comment ? (
            <>
              <dt>审查意见</dt>
              <dd>{rec.review_comment}</dd>
            </>
          ) : null}
          {rec.withdrawn_reason ? (
            <>
              <dt>撤回理由</dt>
              <dd>
                {rec.withdrawn_reason}（{formatTime(rec.withdrawn_at)}）
              </dd>
            </>
          ) : null}
          {rec.assessed_on ? (
            <>
              <dt>最近评估</dt>
              <dd>{rec.assessed_on}</dd>
            </>
          ) : null}
        </dl>
        <h2>目录事项</h2>
        {v.items.length ? (
          <ul>
            {v.items.map((i) => (
              <li>
                {i.domain}：{i.label}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">未关联目录事项（公开期限按条例第二十六条计算）。</p>
        )}
        {v.pending ? (
          <section aria-labelledby="pending-h" class="notice">
            <h2 id="pending-h">待审查的变更</h2>
            <p>
              拟变更后的标题：《{pendingTitle}》（
              {rec.pending_status === 'submitted'
                ? '已提交审查'
                : rec.pending_status === 'returned'
                  ? '已退回修改'
                  : '尚未提交审查'}
              ）
            </p>
            <p>变更审查通过前，门户上继续公开已发布的版本；通过后发布为第 {rec.version + 1} 版，原版本保留。</p>
          </section>
        ) : null}
        <h2>正文</h2>
        {/* body_html is sanitised HTML: the service cleans it with the allow-list of platform/richtext.ts on the way in (createRecord/updateRecord). Nothing else is ever rendered raw. */}
        <div class="record-body">{rec.body_html ? raw(rec.body_html) : <p class="empty">（无正文）</p>}</div>
        <h2>附件</h2>
        {v.files.length ? (
          <ul>
            {v.files.map((f) => (
              <li>
                <a href={`/admin/records/${id}/files/${f.id}`}>{f.name}</a>（{Math.max(1, Math.ceil(f.size / 1024))}{' '}
                KB，下载 {f.downloads} 次）
                {canFiles ? (
                  <form method="post" action={`/admin/records/${id}/files/${f.id}/delete`} class="inline">
                    <Csrf token={csrf} />{' '}
                    <button type="submit" class="link-button dark">
                      删除<span class="visually-hidden">附件 {f.name}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">没有附件。</p>
        )}
        {canFiles
          ? action(
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
            )
          : null}

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
                v.pending && rec.pending_status === 'submitted'
                  ? '审查变更（公开审查、保密审查）'
                  : '公开审查和保密审查',
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

        {channelsList(v.channels)}
        {rec.kind === 'info' ? (
          <>
            <h2>政策解读</h2>
            {v.interpretations.length ? (
              <ul>
                {v.interpretations.map((i) => (
                  <li>
                    <a href={`/admin/records/${i.id}`}>{i.title}</a>（{i.interp_form ?? '解读'}，
                    {STATUS_LABELS[i.status] ?? i.status}
                    {i.published_on ? `，${i.published_on} 发布` : ''}）
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">
                {rec.needs_interpretation ? '本文件需要政策解读，尚未起草。' : '没有关联的政策解读。'}
              </p>
            )}
          </>
        ) : null}
        <h2>版本</h2>
        <ul>
          <li>
            第 {rec.version} 版（当前）{rec.published_at ? `，${formatTime(rec.published_at)} 发布` : ''}
          </li>
          {v.versions.map((x) => (
            <li>
              第 {x.version} 版：{formatTime(x.published_at)} 发布，{formatTime(x.replaced_at)} 被替换（
              {x.reason ?? '信息变更'}）
            </li>
          ))}
        </ul>
        <h2>办理记录</h2>
        <ul class="timeline">
          {v.events.map((e) => (
            <li>
              <span class="muted">{formatTime(e.at)}</span> {e.actor_name}：{EVENT_LABELS[e.action] ?? e.action}
              {e.comment ? `（${e.comment}）` : ''}
            </li>
          ))}
        </ul>
      </AdminLayout>,
      status,
    );
  };
  const channelsList = (
    channels: { channel: string; used_on: string; link: string | null; file_id: number | null }[],
  ) =>
    channels.length ? (
      <>
        <h2>公开渠道</h2>
        <ul>
          {channels.map((ch) => (
            <li>
              {ch.channel}（{ch.used_on}）
              {ch.link ? (
                <>
                  ：<a href={ch.link}>{ch.link}</a>
                </>
              ) : null}
              {ch.file_id ? '，已上传公示栏照片' : ''}
            </li>
          ))}
        </ul>
      </>
    ) : null;

  r.get('/records/:id{[0-9]+}', (c) => detail(c, idParam(c)));

  r.get('/records/:id{[0-9]+}/files/:fid{[0-9]+}', async (c) => {
    const f = await svc.recordFile(c.get('deps').db, requireActor(c), idParam(c), idParam(c, 'fid'));
    return sendFile(c, f);
  });

  /** Run a step of the record page; a validation error shows the page again with the form's errors. */
  const step = (
    name: string,
    run: (
      c: C,
      id: number,
      fields: Record<string, string | string[]>,
      files: Record<string, svc.Upload[]>,
    ) => Promise<string>,
  ) =>
    r.post(`/records/:id{[0-9]+}/${name}`, async (c) => {
      const id = idParam(c);
      const { fields, files } = await formAll(c);
      try {
        const done = await run(c, id, fields, files);
        return c.redirect(`/admin/records/${id}?done=${done}`, 303);
      } catch (err) {
        if (err instanceof ValidationError)
          return detail(c, id, { form: name, errors: err.fieldErrors, values: fields }, 422);
        throw err;
      }
    });
  const db = (c: C) => c.get('deps').db;
  step('submit', async (c, id) => {
    await svc.submitRecord(db(c), requireActor(c), id);
    return 'submitted';
  });
  step('review', async (c, id, f) => {
    const out = await svc.reviewRecord(db(c), requireActor(c), id, f);
    return out === 'published' ? 'change_published' : out;
  });
  step('publish', async (c, id, f) => svc.publishRecord(db(c), requireActor(c), id, f));
  step('withdraw', async (c, id, f) => {
    await svc.withdrawRecord(db(c), requireActor(c), id, f);
    return 'withdrawn';
  });
  step('validity', async (c, id, f) => {
    await svc.setValidity(db(c), requireActor(c), id, f);
    return 'validity';
  });
  step('channel', async (c, id, f, files) => {
    await svc.addChannel(db(c), requireActor(c), id, f, files.photo?.[0]);
    return 'channel';
  });
  step('assess', async (c, id, f) => {
    await svc.assessWithheld(db(c), requireActor(c), id, f);
    return 'assessed';
  });
  step('attachments', async (c, id, _f, files) => {
    await svc.addAttachments(db(c), requireActor(c), id, files.attachments ?? []);
    return 'attached';
  });
  r.post('/records/:id{[0-9]+}/files/:fid{[0-9]+}/delete', async (c) => {
    const id = idParam(c);
    await svc.removeAttachment(db(c), requireActor(c), id, idParam(c, 'fid'));
    return c.redirect(`/admin/records/${id}?done=detached`, 303);
  });

  // Deleting a never-published draft: a confirmation page with a required checkbox (no JavaScript).
  const deletePage = async (c: C, id: number, errors?: Errors, status = 200) => {
    const v = await svc.getForStaff(db(c), requireActor(c), id);
    return page(
      c,
      <AdminLayout c={c} title="删除草稿" current="records">
        <p>
          将删除未发布的草稿《{v.record.title}》（索引号 {v.record.index_no}
          ）及其附件，删除后不能恢复，索引号也不再使用。已发布的信息不能删除，只能撤回。
        </p>
        <form method="post" action={`/admin/records/${id}/delete`} class="form narrow" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary errors={errors} labels={{ confirm: '确认' }} />
          <CheckboxField name="confirm" label="我确认删除这份草稿" errors={errors} checked={false} />
          <button type="submit" class="button danger">
            删除草稿
          </button>{' '}
          <a href={`/admin/records/${id}`}>取消</a>
        </form>
      </AdminLayout>,
      status,
    );
  };
  r.get('/records/:id{[0-9]+}/delete', (c) => deletePage(c, idParam(c)));
  r.post('/records/:id{[0-9]+}/delete', async (c) => {
    const id = idParam(c);
    const { fields } = await formAll(c);
    if (one(fields.confirm) !== '1') return deletePage(c, id, { confirm: '请勾选确认后再删除' }, 422);
    await svc.deleteDraft(db(c), requireActor(c), id);
    return c.redirect('/admin/records?done=deleted', 303);
  });

  // -------------------------------------------------------------------------------------------
  // 4. 公开时限监督
  // -------------------------------------------------------------------------------------------
  r.get('/records/deadlines', async (c) => {
    const actor = requireActor(c);
    const unitId = Number(c.req.query('unit')) || undefined;
    const [board, units] = await Promise.all([
      svc.deadlineBoard(db(c), actor, { countyCode: siteOf(c).jurisdictionCode, unitId }),
      svc.unitsFor(db(c), actor, 'record.view'),
    ]);
    const table = (rows: typeof board.overdue, caption: string, dateCol: 'due' | 'published') =>
      rows.length ? (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">标题</th>
                <th scope="col">形成日期</th>
                <th scope="col">公开期限</th>
                {dateCol === 'published' ? <th scope="col">发布日期</th> : null}
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((x) => (
                <tr class={dateCol === 'due' && x.due_on && x.due_on < board.today ? 'overdue' : undefined}>
                  <td>{x.unit_name}</td>
                  <td>
                    <a href={`/admin/records/${x.id}`}>{x.title}</a>
                  </td>
                  <td class="nowrap">{x.formed_on}</td>
                  <td class="nowrap">
                    <DueCell record={x} today={board.today} />
                  </td>
                  {dateCol === 'published' ? <td class="nowrap">{x.published_on}</td> : null}
                  <td>
                    <StatusText status={x.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">没有。</p>
      );
    return page(
      c,
      <AdminLayout c={c} title="公开时限监督" current="deadlines">
        <p class="muted">
          主动公开的政府信息应自形成或者变更之日起 20
          个工作日内公开，法律、法规另有规定的从其规定（条例第二十六条）；关联目录事项的，按事项的公开时限计算。今天是{' '}
          {board.today}。
        </p>
        <p>
          <a href="/admin/records/assessments">不予公开信息定期评估</a>　
          <a href="/admin/records/interpretations">缺少解读的政策文件</a>
        </p>
        {units.length > 1 ? (
          <form method="get" action="/admin/records/deadlines" class="filters" aria-label="按单位筛选">
            <SelectField
              name="unit"
              label="单位"
              values={{ unit: unitId ?? '' }}
              placeholder="全部"
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
            <button type="submit" class="button secondary">
              筛选
            </button>
          </form>
        ) : null}
        <h2>已逾期（{board.overdue.length}）</h2>
        {table(board.overdue, '已逾期', 'due')}
        <h2>
          即将到期（{board.soonDays} 个工作日内，至 {board.soon}）（{board.atRisk.length}）
        </h2>
        {table(board.atRisk, '即将到期', 'due')}
        <h2>逾期发布（{board.late.length}）</h2>
        {table(board.late, '逾期发布', 'published')}
      </AdminLayout>,
    );
  });

  // -------------------------------------------------------------------------------------------
  // 5. Queues: 不予公开 re-assessment (条例第十八条), policies missing their 解读
  // -------------------------------------------------------------------------------------------
  r.get('/records/assessments', async (c) => {
    const q = await svc.assessmentQueue(db(c), requireActor(c), siteOf(c).jurisdictionCode);
    return page(
      c,
      <AdminLayout c={c} title="不予公开信息定期评估" current="deadlines">
        <p class="muted">
          行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开（条例第十八条）。本县评估周期为{' '}
          {q.months} 个月。
        </p>
        {q.rows.length ? (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">标题</th>
                <th scope="col">不予公开理由</th>
                <th scope="col">审定时间</th>
                <th scope="col">上次评估</th>
              </tr>
            </thead>
            <tbody>
              {q.rows.map((x) => (
                <tr>
                  <td>{x.unit_name}</td>
                  <td>
                    <a href={`/admin/records/${x.id}`}>{x.title}</a>
                  </td>
                  <td>{withholdReasonText(x.attribute_reason) || '—'}</td>
                  <td class="nowrap">{formatTime(x.reviewed_at)}</td>
                  <td class="nowrap">{x.assessed_on ?? '尚未评估'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">没有到期需要评估的不予公开信息。</p>
        )}
      </AdminLayout>,
    );
  });

  r.get('/records/interpretations', async (c) => {
    const q = await svc.missingInterpretations(db(c), requireActor(c), siteOf(c).jurisdictionCode);
    const today = todayInChina();
    return page(
      c,
      <AdminLayout c={c} title="缺少解读的政策文件" current="deadlines">
        <p class="muted">
          政策解读应与政策文件同步组织、同步审签、同步部署（三同步）。本县要求解读材料
          {q.days === 0 ? '与政策文件同步发布' : `最迟在政策文件发布后 ${q.days} 个工作日内发布`}。
        </p>
        {q.rows.length ? (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">政策文件</th>
                <th scope="col">发布日期</th>
                <th scope="col">解读发布期限</th>
              </tr>
            </thead>
            <tbody>
              {q.rows.map((x) => (
                <tr class={x.due && x.due < today ? 'overdue' : undefined}>
                  <td>{x.unit_name}</td>
                  <td>
                    <a href={`/admin/records/${x.id}`}>{x.title}</a>
                  </td>
                  <td class="nowrap">{x.published_on}</td>
                  <td class="nowrap">
                    {x.due ?? '—'}
                    {x.due && x.due < today ? (
                      <>
                        {' '}
                        <strong class="badge-overdue">已逾期</strong>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">没有缺少解读的政策文件。</p>
        )}
      </AdminLayout>,
    );
  });

  // -------------------------------------------------------------------------------------------
  // 6. Settings of the county office
  // -------------------------------------------------------------------------------------------
  const settingsPage = async (c: C, values?: Values, errors?: Errors, status = 200) => {
    const actor = requireActor(c);
    const site = siteOf(c);
    assertCan(
      actor,
      'record.settings',
      { id: -1, jurisdictionCode: site.jurisdictionCode },
      '信息发布设置由县政府办公室（政务公开办）管理。',
    );
    const s = await svc.publishingSettings(db(c), site.jurisdictionCode);
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
    return page(
      c,
      <AdminLayout c={c} title="信息发布设置" current="records" flash={flashOf(c)}>
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
      </AdminLayout>,
      status,
    );
  };
  r.get('/records/settings', (c) => settingsPage(c));
  r.post('/records/settings', async (c) => {
    const { fields } = await formAll(c);
    const raw = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, one(v)]));
    try {
      await svc.savePublishingSettings(db(c), requireActor(c), siteOf(c).jurisdictionCode, raw);
    } catch (err) {
      if (err instanceof ValidationError) return settingsPage(c, raw, err.fieldErrors, 422);
      throw err;
    }
    return c.redirect('/admin/records/settings?done=settings', 303);
  });

  // -------------------------------------------------------------------------------------------
  // 7. 清理结果
  // -------------------------------------------------------------------------------------------
  const cleanupPage = async (c: C, values: Values, errors?: Errors, status = 200) => {
    const units = await svc.unitsFor(db(c), requireActor(c), 'record.edit');
    if (!units.length) assertCan(requireActor(c), 'record.edit', undefined, '您无权起草信息。');
    return page(
      c,
      <AdminLayout c={c} title="生成清理结果" current="records">
        <p class="muted">列出本单位在该年度宣布失效、废止的信息，生成一份“清理结果”信息草稿，经审查后发布。</p>
        <form method="post" action="/admin/records/cleanup" class="form narrow" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary errors={errors} labels={{ unit_id: '单位', year: '年度' }} />
          <SelectField
            name="unit_id"
            label="单位"
            values={values}
            errors={errors}
            required
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <TextField name="year" label="年度" values={values} errors={errors} required inputmode="numeric" />
          <button type="submit" class="button">
            生成草稿
          </button>
        </form>
      </AdminLayout>,
      status,
    );
  };
  r.get('/records/cleanup', (c) => cleanupPage(c, { year: String(Number(todayInChina().slice(0, 4)) - 1) }));
  r.post('/records/cleanup', async (c) => {
    const { fields } = await formAll(c);
    const values = { unit_id: one(fields.unit_id), year: one(fields.year) };
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      return cleanupPage(c, values, { year: '请填写 4 位年份' }, 422);
    try {
      const res = await svc.draftCleanupResult(db(c), requireActor(c), Number(values.unit_id), year);
      return c.redirect(`/admin/records/${res.id}?done=cleanup`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return cleanupPage(c, values, err.fieldErrors, 422);
      throw err;
    }
  });

  return r;
}
