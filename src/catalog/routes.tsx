import { Hono, type Context } from 'hono';
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
import { UploadProgress } from '../platform/ui/forms.js';
import { NotFoundError, ValidationError, ConflictError, ForbiddenError } from '../platform/errors.js';
import { requireActor, formBody } from '../platform/web/guards.js';
import { UNIT_KIND_LABELS, type UnitKind } from '../org/model.js';
import { DOMAINS } from './vocabulary.js';
import * as cat from './service.js';
import {
  guidelineDomainFor,
  guidelinesFor,
  importGuidelines,
  GuidelineImportFailed,
  missingFields,
} from './guidelines.js';
import { ItemsTable, ItemFields, byDomain, itemValues } from './views.js';
import * as exchange from './exchange/service.js';
import * as duties from './duties.js';
import * as negative from './negative.js';
import { recordCounts } from './records.js';
import * as services from './services.js';
import { CATALOG_KINDS, KIND_KEYS, isKind, type CatalogKind } from './kinds.js';
import { can } from '../platform/access.js';
import * as org from '../org/service.js';

function download(c: Context<AppEnv>, f: exchange.ExportedFile) {
  return c.body(new Uint8Array(f.body), 200, {
    'content-type': f.contentType,
    'content-disposition': `attachment; filename="catalog.${f.filename.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
    'cache-control': 'no-store',
  });
}

function ImportErrors(props: { errors: { sheet: string; row: number; column: string; message: string }[] }) {
  return (
    <div class="error-summary" role="alert">
      <p class="error-summary-title">导入失败，未做任何修改。共 {props.errors.length} 处错误：</p>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">工作表</th>
            <th scope="col">行</th>
            <th scope="col">列</th>
            <th scope="col">问题</th>
          </tr>
        </thead>
        <tbody>
          {props.errors.slice(0, 200).map((e) => (
            <tr>
              <td>{e.sheet || '—'}</td>
              <td>{e.row || '—'}</td>
              <td>{e.column || '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.errors.length > 200 ? <p>另有 {props.errors.length - 200} 处错误未列出。</p> : null}
    </div>
  );
}

const ITEM_LABELS: Record<string, string> = {
  domain: '所属领域',
  level1: '一级事项',
  level2: '二级事项',
  level3: '三级事项',
  elements: '公开内容（要素）',
  basis: '公开依据',
  time_limit: '公开时限',
  subject: '公开主体',
  rule_amount: '期限天数',
  rule_unit: '期限单位',
  rule_trigger: '起算事件',
  responsible_unit_id: '责任单位',
  contact: '联系人和电话',
  channel_0: '公开渠道和载体',
  extra_channels: '其他渠道',
  audience_public: '公开对象',
  specific_group: '特定群体',
  mode_proactive: '公开方式',
  tier_county: '公开层级',
};

const FLASH: Record<string, string> = {
  adopted: '已采用所选指引事项。',
  added: '已新增事项。',
  saved: '已保存。',
  deleted: '已删除事项。',
  submitted: '已提交县政府办公室审核。',
  returned: '已退回修改。',
  published: '审核通过，目录已发布。',
  imported: '已导入目录事项。',
  city_review: '县级审核通过，已报市级审核。',
  note: '已保存未涉及领域说明。',
};

/** A preview shows this many items; the rest are counted. */
const PREVIEW_LIMIT = 200;

const statusLabel = (s: string) => (s === 'not_started' ? '未开始' : (cat.STATUS_LABELS[s] ?? s));

async function catalogPage(
  c: Context<AppEnv>,
  id: number,
  opts: {
    errors?: Errors;
    message?: string;
    reviewErrors?: Errors;
    values?: Values;
    negErrors?: Errors;
    negValues?: Values;
  } = {},
  status = 200,
) {
  const actor = requireActor(c);
  const db = c.get('deps').db;
  const v = await cat.getCatalog(db, actor, id);
  const { catalog, unit, items, notes, versions, events, rights, negatives } = v;
  const kind = catalog.kind as CatalogKind;
  const counts = await recordCounts(
    db,
    items.map((i) => i.id),
  );
  const serviceList = await services.serviceItemsOf(db, unit.jurisdiction_code);
  const mismatches = serviceList.length ? services.alignItems(items, serviceList) : [];
  const flash = FLASH[c.req.query('done') ?? ''];
  const returnedItems = items.filter((i) => i.reviewComment);
  return page(
    c,
    <AdminLayout c={c} title={`${unit.name} ${CATALOG_KINDS[kind]}`} current="catalogs" flash={flash}>
      <nav class="tabs" aria-label="三张目录">
        {KIND_KEYS.map((k) => (
          <a href={`/admin/catalogs/unit/${unit.id}?kind=${k}`} aria-current={k === kind ? 'page' : undefined}>
            {CATALOG_KINDS[k]}
          </a>
        ))}
      </nav>
      <dl class="meta">
        <dt>状态</dt>
        <dd>
          <span class={`status status-${catalog.status}`}>{statusLabel(catalog.status)}</span>
        </dd>
        <dt>已发布版本</dt>
        <dd>{catalog.current_version ? `第 ${catalog.current_version} 版` : '尚未发布'}</dd>
        <dt>事项数</dt>
        <dd>{items.length}</dd>
        <dt>更新时间</dt>
        <dd>{formatTime(catalog.updated_at)}</dd>
      </dl>
      {catalog.status === 'returned' && (catalog.review_comment || returnedItems.length) ? (
        <div class="notice" role="alert">
          <p>
            <strong>审核退回意见：</strong>
            {catalog.review_comment ?? ''}
          </p>
          <ul>
            {returnedItems.map((i) => (
              <li>
                <a href={`#item-${i.id}`}>
                  {i.level1}
                  {i.level2 ? ` / ${i.level2}` : ''}
                </a>
                ：{i.reviewComment}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorSummary errors={opts.errors} message={opts.message} labels={{ reason: '修改说明' }} />
      {rights.edit ? (
        <section aria-labelledby="edit-h">
          <h2 id="edit-h">编制目录</h2>
          <p>
            <a class="button" href={`/admin/catalogs/${id}/items/new`}>
              新增本地事项
            </a>
            <a class="button secondary" href={`/admin/catalogs/${id}/export.xlsx`}>
              导出 Excel
            </a>
            <a class="button secondary" href={`/admin/catalogs/${id}/export.docx`}>
              导出 Word
            </a>
          </p>
          <details>
            <summary>从 Excel 导入目录</summary>
            <form
              method="post"
              action={`/admin/catalogs/${id}/import`}
              enctype="multipart/form-data"
              class="form"
              data-progress
              novalidate
            >
              <Csrf token={c.get('csrf')} />
              <p class="hint">
                按标准目录模板（两行表头：序号、公开事项、公开内容（要素）……公开层级）整理的 .xlsx 文件，不超过 5
                MB。上传后先预览，确认后才写入；任何一处错误都不导入。
              </p>
              <div class="field">
                <label for="f-import-file">Excel 文件</label>
                <input
                  id="f-import-file"
                  type="file"
                  name="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  required
                />
              </div>
              <UploadProgress />
              <button type="submit" class="button secondary">
                上传并预览
              </button>
            </form>
          </details>
          {kind === 'standard' ? (
            <details>
              <summary>从 26 个领域的标准指引采用事项</summary>
              <ul class="domain-grid">
                {DOMAINS.map((d) => (
                  <li>
                    <a href={`/admin/catalogs/${id}/adopt?domain=${d.slug}`}>{d.name}</a>
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <p>
              <a href={`/admin/catalogs/${id}/pick`}>从本单位其他目录选取事项</a>
            </p>
          )}
        </section>
      ) : (
        <p>
          <a class="button secondary" href={`/admin/catalogs/${id}/export.xlsx`}>
            导出 Excel
          </a>{' '}
          <a class="button secondary" href={`/admin/catalogs/${id}/export.docx`}>
            导出 Word
          </a>
        </p>
      )}
      {items.length === 0 ? (
        <p class="empty">目录中还没有事项。{rights.edit ? '请从标准指引采用事项，或新增本地事项。' : ''}</p>
      ) : null}
      {rights.review ? (
        <form method="post" action={`/admin/catalogs/${id}/review`} novalidate>
          <Csrf token={c.get('csrf')} />
          <h2>县政府办公室审核</h2>
          <ErrorSummary errors={opts.reviewErrors} labels={{ comment: '审核意见', decision: '审核结论' }} />
          <p class="hint">逐项填写修改意见（没有意见的事项留空），或填写总体意见。退回时至少填写一条意见。</p>
          {byDomain(items).map(([domain, list]) => (
            <ItemsTable
              items={list}
              caption={domain}
              showParsed
              extraHeader="审核意见"
              extra={(i) => (
                <>
                  <label class="visually-hidden" for={`f-item_${i.id}`}>
                    对“{i.level1}
                    {i.level2 ? ` / ${i.level2}` : ''}”的意见
                  </label>
                  <textarea id={`f-item_${i.id}`} name={`item_${i.id}`} rows={3}>
                    {String(opts.values?.[`item_${i.id}`] ?? '')}
                  </textarea>
                </>
              )}
            />
          ))}
          <div class="field">
            <label for="f-comment">总体意见</label>
            {opts.reviewErrors?.comment ? (
              <p class="field-error" id="e-comment">
                {opts.reviewErrors.comment}
              </p>
            ) : null}
            <textarea id="f-comment" name="comment" rows={3}>
              {String(opts.values?.comment ?? '')}
            </textarea>
          </div>
          <button type="submit" name="decision" value="approve" class="button">
            审核通过
          </button>
          <button type="submit" name="decision" value="return" class="button danger">
            退回修改
          </button>
        </form>
      ) : (
        byDomain(items).map(([domain, list]) => (
          <ItemsTable
            items={list}
            caption={domain}
            showParsed
            extraHeader={rights.edit ? '操作' : '审核意见'}
            extra={(i) => (
              <>
                {i.reviewComment ? <p class="comment">退回意见：{i.reviewComment}</p> : null}
                {missingFields(i).length ? <p class="field-error">待补充：{missingFields(i).join('、')}</p> : null}
                {i.contact ? <p class="muted">联系：{i.contact}</p> : null}
                {rights.edit || counts.get(i.id) ? (
                  <p>
                    <a href={`/admin/catalog-items/${i.id}/records`}>梳理记录（{counts.get(i.id) ?? 0}）</a>
                  </p>
                ) : null}
                {rights.edit ? (
                  <>
                    <a href={`/admin/catalog-items/${i.id}/edit`}>
                      编辑
                      <span class="visually-hidden">
                        “{i.level1}
                        {i.level2 ? ` / ${i.level2}` : ''}”
                      </span>
                    </a>
                    <form method="post" action={`/admin/catalog-items/${i.id}/delete`} class="inline">
                      <Csrf token={c.get('csrf')} />
                      <button type="submit" class="link-button dark">
                        删除
                        <span class="visually-hidden">
                          “{i.level1}
                          {i.level2 ? ` / ${i.level2}` : ''}”
                        </span>
                      </button>
                    </form>
                  </>
                ) : null}
              </>
            )}
          />
        ))
      )}
      {rights.cityReview ? (
        <form method="post" action={`/admin/catalogs/${id}/city-review`} class="form" novalidate>
          <Csrf token={c.get('csrf')} />
          <h2>市级审核</h2>
          <ErrorSummary errors={opts.reviewErrors} labels={{ comment: '审核意见' }} />
          <div class="field">
            <label for="f-comment">审核意见</label>
            <textarea id="f-comment" name="comment" rows={3}></textarea>
          </div>
          <button type="submit" name="decision" value="approve" class="button">
            审核通过并发布
          </button>
          <button type="submit" name="decision" value="return" class="button danger">
            退回修改
          </button>
        </form>
      ) : null}
      {mismatches.length ? (
        <section aria-labelledby="align-h" class="notice">
          <h2 id="align-h">与政务服务事项名称不一致的事项（{mismatches.length}）</h2>
          <p>描述办事服务的事项应与本县政务服务事项清单使用相同名称。</p>
          <ul>
            {mismatches.map((m) => (
              <li>
                <a href={`#item-${m.itemId}`}>{m.name}</a>：
                {m.suggestions.length
                  ? `最接近的名称：${m.suggestions.map((x) => x.name).join('、')}`
                  : '清单中没有相近的名称'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="negatives">负面清单（不予公开事项）</h2>
      <p class="hint">
        依据《中华人民共和国政府信息公开条例》第十四条至第十六条不予公开的事项，每项须写明理由和法律依据，随目录一并审核、发布。
      </p>
      {negatives.length ? (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">事项名称</th>
              <th scope="col">不予公开的内容</th>
              <th scope="col">理由</th>
              <th scope="col">法律依据</th>
              {rights.edit ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {negatives.map((n) => (
              <tr>
                <td>{n.name}</td>
                <td>{n.content}</td>
                <td>{negative.reasonText(n.reason)}</td>
                <td>{n.basis}</td>
                {rights.edit ? (
                  <td>
                    <form method="post" action={`/admin/catalog-negatives/${n.id}/delete`} class="inline">
                      <Csrf token={c.get('csrf')} />
                      <button type="submit" class="link-button dark">
                        删除<span class="visually-hidden">“{n.name}”</span>
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">尚无负面清单事项。</p>
      )}
      {rights.edit ? (
        <form method="post" action={`/admin/catalogs/${id}/negatives`} class="form" novalidate>
          <Csrf token={c.get('csrf')} />
          <h3>新增负面清单事项</h3>
          <ErrorSummary
            errors={opts.negErrors}
            labels={{ neg_name: '事项名称', neg_content: '不予公开的内容', neg_reason: '理由', neg_basis: '法律依据' }}
          />
          <TextField
            name="neg_name"
            label="事项名称"
            values={opts.negValues}
            errors={opts.negErrors}
            required
            maxlength={100}
          />
          <TextField
            name="neg_content"
            label="不予公开的内容"
            values={opts.negValues}
            errors={opts.negErrors}
            required
            maxlength={1000}
          />
          <SelectField
            name="neg_reason"
            label="不予公开的理由"
            values={opts.negValues}
            errors={opts.negErrors}
            required
            placeholder="（请选择）"
            options={negative.NEGATIVE_REASONS.map((r) => ({ value: r.key, label: `${r.label}（条例${r.article}）` }))}
          />
          <TextField
            name="neg_basis"
            label="法律依据"
            values={opts.negValues}
            errors={opts.negErrors}
            required
            maxlength={500}
            hint="如：《中华人民共和国保守国家秘密法》第九条"
          />
          <button type="submit" class="button secondary">
            新增
          </button>
        </form>
      ) : null}
      {notes.length ? (
        <>
          <h2>未涉及领域事项说明</h2>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">领域</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {notes.map((n) => (
                <tr>
                  <td>{n.domain}</td>
                  <td>{n.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {rights.edit ? (
        <>
          <form method="post" action={`/admin/catalogs/${id}/domain-note`} class="form" novalidate>
            <Csrf token={c.get('csrf')} />
            <h2>声明未涉及的领域</h2>
            <div class="field">
              <label for="f-note-domain">领域</label>
              <select id="f-note-domain" name="domain">
                {DOMAINS.map((d) => (
                  <option value={d.slug}>{d.name}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-note-reason">说明（留空则撤销该领域的说明）</label>
              <textarea id="f-note-reason" name="reason" rows={2}></textarea>
            </div>
            <button type="submit" class="button secondary">
              保存说明
            </button>
          </form>
          {['draft', 'returned'].includes(catalog.status) ? (
            <form method="post" action={`/admin/catalogs/${id}/submit`} class="form" novalidate>
              <Csrf token={c.get('csrf')} />
              <h2>提交审核</h2>
              <div class={opts.errors?.reason ? 'field has-error' : 'field'}>
                <label for="f-reason">
                  修改说明
                  {catalog.current_version ? (
                    <span class="req" aria-hidden="true">
                      *
                    </span>
                  ) : null}
                </label>
                <p class="hint">
                  {catalog.current_version
                    ? '已发布的目录再次提交时，须说明修改的内容和原因，发布后记入版本历史。'
                    : '首次提交可不填。'}
                </p>
                {opts.errors?.reason ? (
                  <p class="field-error" id="e-reason">
                    {opts.errors.reason}
                  </p>
                ) : null}
                <textarea id="f-reason" name="reason" rows={2}>
                  {String(opts.values?.reason ?? '')}
                </textarea>
              </div>
              <button type="submit" class="button">
                提交县政府办公室审核
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      <h2>版本历史</h2>
      {versions.length ? (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">发布时间</th>
              <th scope="col">修改说明</th>
              <th scope="col">提交人</th>
              <th scope="col">审核人</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((x) => (
              <tr>
                <td>
                  <a href={`/xxgk/ml/${id}?v=${x.version}`}>第 {x.version} 版</a>
                </td>
                <td>{formatTime(x.published_at)}</td>
                <td>{x.reason}</td>
                <td>{x.submitted_by}</td>
                <td>{x.approved_by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">尚未发布。</p>
      )}
      <h2>办理记录</h2>
      <ul class="timeline">
        {events.map((e) => (
          <li>
            <span class="muted">{formatTime(e.at)}</span> {e.actor_name}：{e.comment ?? e.action}
          </li>
        ))}
      </ul>
    </AdminLayout>,
    status,
  );
}

async function itemPage(
  c: Context<AppEnv>,
  opts: {
    title: string;
    action: string;
    values: Values;
    errors?: Errors;
    back: string;
    countyCode: string;
    categories: string[];
  },
  status = 200,
) {
  // Unit names are public (the portal's 指南 lists them); any unit of the county may be responsible.
  const choices = (await org.publicUnits(c.get('deps').db, opts.countyCode.slice(0, 6))).map((u) => ({
    id: u.id,
    name: u.name,
  }));
  return page(
    c,
    <AdminLayout c={c} title={opts.title} current="catalogs">
      <form method="post" action={opts.action} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={opts.errors} labels={ITEM_LABELS} />
        <ItemFields values={opts.values} errors={opts.errors} units={choices} categories={opts.categories} />
        <button type="submit" class="button">
          保存
        </button>
        <a class="button secondary" href={opts.back}>
          取消
        </a>
      </form>
    </AdminLayout>,
    status,
  );
}

export function catalogAdminRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/catalogs', async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').db;
    const board = await cat.progressBoard(db, actor);
    const queue = await cat.reviewQueue(db, actor);
    const site = c.get('site');
    const late = site
      ? duties.overdueLeads(
          await duties.listDuties(db, actor, {
            code: site.jurisdictionCode,
            jurisdictionId: site.jurisdictionId,
            name: site.jurisdictionName,
          }),
        )
      : new Set<number>();
    const counts: Record<string, number> = {};
    for (const b of board) counts[b.status] = (counts[b.status] ?? 0) + 1;
    return page(
      c,
      <AdminLayout c={c} title="目录编制" current="catalogs">
        {queue.length ? (
          <section aria-labelledby="queue-h">
            <h2 id="queue-h">待我审核（{queue.length}）</h2>
            <ul>
              {queue.map((q) => (
                <li>
                  <a href={`/admin/catalogs/${q.catalogId}`}>{q.unit.name}</a>：{statusLabel(q.status)}，{q.items} 项
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p>
          <a href="/admin/catalogs/duties">责任清单和各领域编制进度</a>　
          <a href="/admin/catalogs/guidelines">标准指引（导入完整指引表）</a>　
          <a href="/admin/catalogs/services">政务服务事项清单</a>
        </p>
        <h2>各单位编制进度</h2>
        <p class="muted">
          {['not_started', 'draft', 'submitted', 'returned', 'city_review', 'published']
            .filter((s) => counts[s])
            .map((s) => `${statusLabel(s)} ${counts[s]}`)
            .join('　')}
        </p>
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">类型</th>
                <th scope="col">状态</th>
                <th scope="col">事项数</th>
                <th scope="col">已发布版本</th>
                <th scope="col">更新时间</th>
              </tr>
            </thead>
            <tbody>
              {board.map((b) => (
                <tr>
                  <td>
                    <a href={`/admin/catalogs/unit/${b.unit.id}`}>{b.unit.name}</a>
                  </td>
                  <td>{UNIT_KIND_LABELS[b.unit.kind as UnitKind] ?? b.unit.kind}</td>
                  <td>
                    {statusLabel(b.status)}
                    {late.has(b.unit.id) ? <strong class="comment">（负责的领域已逾期）</strong> : null}
                  </td>
                  <td>{b.items}</td>
                  <td>{b.version ? `第 ${b.version} 版` : '—'}</td>
                  <td>{formatTime(b.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminLayout>,
    );
  });

  const scopeOf = (c: Context<AppEnv>) => {
    const s = c.get('site');
    if (!s) throw new NotFoundError('本平台尚未初始化。');
    return { code: s.jurisdictionCode, jurisdictionId: s.jurisdictionId, name: s.jurisdictionName };
  };

  r.get('/catalogs/duties', async (c) => {
    const actor = requireActor(c);
    const scope = scopeOf(c);
    const rows = await duties.listDuties(c.get('deps').db, actor, scope);
    const plan = can(actor, 'catalog.plan', { id: 0, jurisdictionCode: scope.code });
    const city = await duties.cityReviewRequired(c.get('deps').db, scope.code);
    return page(
      c,
      <AdminLayout
        c={c}
        title="责任清单和编制进度"
        current="catalogs"
        flash={c.req.query('done') === 'saved' ? '已保存。' : undefined}
      >
        {plan ? (
          <form method="post" action="/admin/catalogs/city-review" class="filters" novalidate>
            <Csrf token={c.get('csrf')} />
            <div class="field checkbox">
              <input type="checkbox" id="f-city" name="city_review" value="1" checked={city} />
              <label for="f-city">县政府办公室审核通过后，目录须报市级审核后才发布（经市政府审核把关）</label>
            </div>
            <button type="submit" class="button secondary">
              保存
            </button>
          </form>
        ) : (
          <p class="muted">目录发布前{city ? '须经县政府办公室和市级审核' : '须经县政府办公室审核'}。</p>
        )}
        <p class="muted">
          按领域明确目录编制的责任单位、配合单位和完成时间；进度取自责任单位目录中该领域事项的状态，过了完成时间仍未发布的标为逾期。
        </p>
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">领域</th>
                <th scope="col">责任单位</th>
                <th scope="col">配合单位</th>
                <th scope="col">完成时间</th>
                <th scope="col">进度</th>
                <th scope="col">事项数</th>
                {plan ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr class={d.overdue ? 'overdue' : undefined}>
                  <td>{d.domain}</td>
                  <td>{d.leadUnitName ?? '未指定'}</td>
                  <td>{d.cooperating.map((u) => u.name).join('、') || '—'}</td>
                  <td>{d.dueDate ?? '—'}</td>
                  <td>
                    {duties.PROGRESS_LABELS[d.progress]}
                    {d.overdue ? <strong class="comment">（已逾期）</strong> : null}
                  </td>
                  <td>{d.items}</td>
                  {plan ? (
                    <td>
                      <a href={`/admin/catalogs/duties/${d.slug}`}>
                        调整<span class="visually-hidden">{d.domain}的责任</span>
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminLayout>,
    );
  });

  const dutyForm = async (c: Context<AppEnv>, slug: string, values: Values, errors?: Errors, status = 200) => {
    const actor = requireActor(c);
    const scope = scopeOf(c);
    const d = DOMAINS.find((x) => x.slug === slug);
    if (!d) throw new NotFoundError('该领域不存在。');
    const units = await org.listUnits(c.get('deps').db, actor, { jurisdictionPrefix: scope.code, activeOnly: true });
    const coop = new Set(([] as unknown[]).concat(values.cooperating ?? []).map(String));
    return page(
      c,
      <AdminLayout c={c} title={`责任清单：${d.name}`} current="catalogs">
        <form method="post" action={`/admin/catalogs/duties/${slug}`} class="form" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary
            errors={errors}
            labels={{ lead_unit_id: '责任单位', cooperating: '配合单位', due_date: '完成时间' }}
          />
          <input type="hidden" name="domain" value={slug} />
          <div class={errors?.lead_unit_id ? 'field has-error' : 'field'}>
            <label for="f-lead_unit_id">责任单位</label>
            {errors?.lead_unit_id ? (
              <p class="field-error" id="e-lead_unit_id">
                {errors.lead_unit_id}
              </p>
            ) : null}
            <select id="f-lead_unit_id" name="lead_unit_id">
              <option value="">（未指定）</option>
              {units.map((u) => (
                <option value={String(u.id)} selected={String(values.lead_unit_id ?? '') === String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div class={errors?.cooperating ? 'field has-error' : 'field'}>
            <label for="f-cooperating">配合单位（可多选，按住 Ctrl 键选择多个）</label>
            {errors?.cooperating ? (
              <p class="field-error" id="e-cooperating">
                {errors.cooperating}
              </p>
            ) : null}
            <select id="f-cooperating" name="cooperating" multiple size={8}>
              {units.map((u) => (
                <option value={String(u.id)} selected={coop.has(String(u.id))}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div class={errors?.due_date ? 'field has-error' : 'field'}>
            <label for="f-due_date">完成时间</label>
            {errors?.due_date ? (
              <p class="field-error" id="e-due_date">
                {errors.due_date}
              </p>
            ) : null}
            <input type="date" id="f-due_date" name="due_date" value={String(values.due_date ?? '')} />
          </div>
          <button type="submit" class="button">
            保存
          </button>
          <a class="button secondary" href="/admin/catalogs/duties">
            取消
          </a>
        </form>
      </AdminLayout>,
      status,
    );
  };

  r.post('/catalogs/city-review', async (c) => {
    const body = await formBody(c);
    await duties.setCityReview(c.get('deps').db, requireActor(c), scopeOf(c), body.city_review === '1');
    return c.redirect('/admin/catalogs/duties?done=saved', 303);
  });

  r.get('/catalogs/duties/:slug', async (c) => {
    const actor = requireActor(c);
    const scope = scopeOf(c);
    const row = (await duties.listDuties(c.get('deps').db, actor, scope)).find((d) => d.slug === c.req.param('slug'));
    if (!row) throw new NotFoundError('该领域不存在。');
    if (!can(actor, 'catalog.plan', { id: 0, jurisdictionCode: scope.code }))
      throw new ForbiddenError('只有县政府办公室可以调整责任清单。');
    return dutyForm(c, row.slug, {
      lead_unit_id: row.leadUnitId ?? '',
      cooperating: row.cooperating.map((u) => String(u.id)) as unknown as string,
      due_date: row.dueDate ?? '',
    });
  });

  r.post('/catalogs/duties/:slug', async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody({ all: true });
    const raw: Record<string, unknown> = { ...body, domain: c.req.param('slug') };
    try {
      await duties.setDuty(c.get('deps').db, actor, scopeOf(c), raw);
    } catch (err) {
      if (err instanceof ValidationError) return dutyForm(c, c.req.param('slug'), raw as Values, err.fieldErrors, 422);
      throw err;
    }
    return c.redirect('/admin/catalogs/duties?done=saved', 303);
  });

  const guidelinesPage = async (
    c: Context<AppEnv>,
    opts: { errors?: { sheet: string; row: number; column: string; message: string }[]; flash?: string } = {},
    status = 200,
  ) => {
    const actor = requireActor(c);
    const scope = scopeOf(c);
    const list = await guidelinesFor(c.get('deps').db, scope.code);
    const canImport = can(actor, 'guideline.import', { id: 0, jurisdictionCode: scope.code });
    return page(
      c,
      <AdminLayout c={c} title="标准指引" current="catalogs" flash={opts.flash}>
        <p class="muted">
          26
          个试点领域的基层政务公开标准指引。随软件提供的是部分转录的事项；县政府办公室可导入所持有的完整指引表（Excel，按标准目录模板，每个工作表一个领域，工作表名为领域名称），导入后本县各单位按完整表采用事项。
        </p>
        {opts.errors ? <ImportErrors errors={opts.errors} /> : null}
        {canImport ? (
          <form
            method="post"
            action="/admin/catalogs/guidelines/import"
            enctype="multipart/form-data"
            class="form"
            data-progress
            novalidate
          >
            <Csrf token={c.get('csrf')} />
            <div class="field">
              <label for="f-gfile">完整指引表（.xlsx，不超过 5 MB）</label>
              <input id="f-gfile" type="file" name="file" accept=".xlsx" required />
            </div>
            <UploadProgress />
            <button type="submit" class="button">
              导入
            </button>
          </form>
        ) : null}
        <table class="data">
          <thead>
            <tr>
              <th scope="col">领域</th>
              <th scope="col">事项数</th>
              <th scope="col">来源</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr>
                <td>{d.name}</td>
                <td>{d.rows.length}</td>
                <td>{d.partial ? `随软件提供（部分转录）` : d.completeness}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminLayout>,
      status,
    );
  };

  r.get('/catalogs/guidelines', (c) => guidelinesPage(c));

  const servicesPage = async (
    c: Context<AppEnv>,
    opts: { errors?: { sheet: string; row: number; column: string; message: string }[]; flash?: string } = {},
    status = 200,
  ) => {
    const actor = requireActor(c);
    const scope = scopeOf(c);
    const db = c.get('deps').db;
    const list = await services.serviceItemsOf(db, scope.code);
    const canImport = can(actor, 'serviceItems.import', { id: 0, jurisdictionCode: scope.code });
    const board = (await cat.progressBoard(db, actor)).filter((b) => b.catalogId);
    const report: { unit: string; catalogId: number; mismatches: services.Mismatch[] }[] = [];
    if (list.length) {
      for (const b of board) {
        const v = await cat.getCatalog(db, actor, b.catalogId!);
        const m = services.alignItems(v.items, list);
        if (m.length) report.push({ unit: b.unit.name, catalogId: b.catalogId!, mismatches: m });
      }
    }
    return page(
      c,
      <AdminLayout c={c} title="政务服务事项清单" current="catalogs" flash={opts.flash}>
        <p class="muted">
          导入本县政务服务事项清单（Excel 或
          CSV，须有“事项名称”列，可有“事项编码”“实施主体”“事项类型”列）。目录中描述办事服务的事项应与清单名称一致，不一致的列在下方并给出最接近的名称。
        </p>
        {opts.errors ? <ImportErrors errors={opts.errors} /> : null}
        {canImport ? (
          <form
            method="post"
            action="/admin/catalogs/services/import"
            enctype="multipart/form-data"
            class="form"
            data-progress
            novalidate
          >
            <Csrf token={c.get('csrf')} />
            <div class="field">
              <label for="f-sfile">政务服务事项清单（.xlsx 或 .csv，不超过 5 MB）</label>
              <input id="f-sfile" type="file" name="file" accept=".xlsx,.csv" required />
            </div>
            <UploadProgress />
            <button type="submit" class="button">
              导入（替换原清单）
            </button>
          </form>
        ) : null}
        <p>当前清单：{list.length ? `${list.length} 项` : '尚未导入'}</p>
        {list.length ? (
          <>
            <h2>名称不一致的目录事项</h2>
            {report.length ? (
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">目录中的名称</th>
                    <th scope="col">最接近的政务服务事项名称</th>
                  </tr>
                </thead>
                <tbody>
                  {report.flatMap((r) =>
                    r.mismatches.map((m) => (
                      <tr>
                        <td>
                          <a href={`/admin/catalogs/${r.catalogId}#item-${m.itemId}`}>{r.unit}</a>
                        </td>
                        <td>{m.name}</td>
                        <td>{m.suggestions.map((x) => x.name).join('、') || '—'}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            ) : (
              <p class="empty">没有名称不一致的事项。</p>
            )}
          </>
        ) : null}
      </AdminLayout>,
      status,
    );
  };

  r.get('/catalogs/services', (c) => servicesPage(c));
  r.post('/catalogs/services/import', async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return servicesPage(c, { errors: [{ sheet: '', row: 0, column: '', message: '请选择要导入的文件。' }] }, 422);
    if (file.size > exchange.MAX_IMPORT_BYTES)
      return servicesPage(c, { errors: [{ sheet: '', row: 0, column: '', message: '文件超过 5 MB，未导入。' }] }, 422);
    try {
      const n = await services.importServiceItems(
        c.get('deps').db,
        actor,
        scopeOf(c),
        file.name,
        Buffer.from(await file.arrayBuffer()),
      );
      return servicesPage(c, { flash: `已导入政务服务事项 ${n} 项。` });
    } catch (err) {
      if (err instanceof services.ServiceImportFailed) return servicesPage(c, { errors: err.errors }, 422);
      throw err;
    }
  });

  r.post('/catalogs/guidelines/import', async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return guidelinesPage(
        c,
        { errors: [{ sheet: '', row: 0, column: '', message: '请选择要导入的 Excel 文件。' }] },
        422,
      );
    if (file.size > exchange.MAX_IMPORT_BYTES)
      return guidelinesPage(
        c,
        { errors: [{ sheet: '', row: 0, column: '', message: '文件超过 5 MB，未导入。' }] },
        422,
      );
    try {
      const r = await importGuidelines(
        c.get('deps').db,
        actor,
        scopeOf(c),
        file.name,
        Buffer.from(await file.arrayBuffer()),
      );
      return guidelinesPage(c, { flash: `已导入 ${r.domains.join('、')} 领域的完整指引，共 ${r.items} 项。` });
    } catch (err) {
      if (err instanceof GuidelineImportFailed) return guidelinesPage(c, { errors: err.errors }, 422);
      throw err;
    }
  });

  r.get('/catalogs/unit/:unitId{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const kind = c.req.query('kind');
    const id = await cat.catalogForUnit(
      c.get('deps').db,
      actor,
      Number(c.req.param('unitId')),
      isKind(kind) ? kind : 'standard',
    );
    return c.redirect(`/admin/catalogs/${id}`, 303);
  });

  r.get('/catalogs/:id{[0-9]+}', (c) => catalogPage(c, Number(c.req.param('id'))));

  r.get('/catalogs/:id{[0-9]+}/adopt', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const v = await cat.getCatalog(c.get('deps').db, actor, id);
    if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑，不能采用事项。');
    const domain = await guidelineDomainFor(c.get('deps').db, v.unit.jurisdiction_code, c.req.query('domain') ?? '');
    if (!domain) throw new NotFoundError('该领域不存在。');
    return page(
      c,
      <AdminLayout c={c} title={`采用${domain.name}领域指引事项`} current="catalogs">
        {domain.partial ? (
          <p class="notice">
            本领域的随附指引为部分转录（{domain.completeness}
            ）。县政府办公室持有完整的指引表时，可在“标准指引”页面导入完整表格后再采用。标为“待补充”的事项采用后须补全内容才能提交审核。
          </p>
        ) : (
          <p class="muted">{domain.completeness}。</p>
        )}
        <form method="post" action={`/admin/catalogs/${id}/adopt`} novalidate>
          <Csrf token={c.get('csrf')} />
          <input type="hidden" name="domain" value={domain.slug} />
          <ItemsTable
            items={domain.rows.map((r) => ({ ...r.item, id: r.seq }))}
            caption={`${domain.name}领域基层政务公开标准指引`}
            extraHeader="采用"
            extra={(i) => {
              const row = domain.rows.find((r) => r.seq === i.id)!;
              return (
                <>
                  <input
                    type="checkbox"
                    id={`f-row-${row.seq}`}
                    name="rows"
                    value={String(row.seq)}
                    checked={row.missing.length === 0}
                  />
                  <label for={`f-row-${row.seq}`}>
                    采用<span class="visually-hidden">第 {row.seq} 项</span>
                  </label>
                  {row.missing.length ? <p class="field-error">待补充：{row.missing.join('、')}</p> : null}
                </>
              );
            }}
          />
          <button type="submit" class="button">
            采用所选事项
          </button>
          <a class="button secondary" href={`/admin/catalogs/${id}`}>
            取消
          </a>
        </form>
      </AdminLayout>,
    );
  });

  r.post('/catalogs/:id{[0-9]+}/adopt', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody({ all: true });
    const rows = ([] as unknown[])
      .concat(body.rows ?? [])
      .map((x) => Number(x))
      .filter((n) => Number.isInteger(n));
    try {
      await cat.adoptRows(c.get('deps').db, actor, id, String(body.domain ?? ''), rows);
    } catch (err) {
      if (err instanceof ValidationError)
        return catalogPage(c, id, { message: Object.values(err.fieldErrors).join('；') }, 422);
      throw err;
    }
    return c.redirect(`/admin/catalogs/${id}?done=adopted`, 303);
  });

  r.get('/catalogs/:id{[0-9]+}/pick', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const db = c.get('deps').db;
    const v = await cat.getCatalog(db, actor, id);
    if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑。');
    const items = await cat.pickableItems(db, actor, id);
    return page(
      c,
      <AdminLayout
        c={c}
        title={`从本单位目录选取事项：${CATALOG_KINDS[v.catalog.kind as CatalogKind]}`}
        current="catalogs"
      >
        {items.length === 0 ? (
          <p class="empty">本单位的其他目录中还没有事项。</p>
        ) : (
          <form method="post" action={`/admin/catalogs/${id}/pick`} novalidate>
            <Csrf token={c.get('csrf')} />
            <div class="field">
              <label for="f-category">列入类别</label>
              <select id="f-category" name="category" required>
                <option value="">（请选择）</option>
                {v.categories.map((k) => (
                  <option value={k}>{k}</option>
                ))}
              </select>
            </div>
            {byDomain(items).map(([domain, list]) => (
              <ItemsTable
                items={list}
                caption={domain}
                extraHeader="选取"
                extra={(i) => (
                  <>
                    <input type="checkbox" id={`f-pick-${i.id}`} name="items" value={String(i.id)} />
                    <label for={`f-pick-${i.id}`}>
                      选取
                      <span class="visually-hidden">
                        {i.level1}
                        {i.level2 ? ` / ${i.level2}` : ''}
                      </span>
                    </label>
                  </>
                )}
              />
            ))}
            <button type="submit" class="button">
              选取所选事项
            </button>
            <a class="button secondary" href={`/admin/catalogs/${id}`}>
              取消
            </a>
          </form>
        )}
      </AdminLayout>,
    );
  });

  r.post('/catalogs/:id{[0-9]+}/pick', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody({ all: true });
    try {
      await cat.copyItems(
        c.get('deps').db,
        actor,
        id,
        ([] as unknown[])
          .concat(body.items ?? [])
          .map(Number)
          .filter(Number.isInteger),
        String(body.category ?? ''),
      );
    } catch (err) {
      if (err instanceof ValidationError)
        return catalogPage(c, id, { message: Object.values(err.fieldErrors).join('；') }, 422);
      throw err;
    }
    return c.redirect(`/admin/catalogs/${id}?done=added`, 303);
  });

  r.get('/catalogs/:id{[0-9]+}/items/new', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const v = await cat.getCatalog(c.get('deps').db, actor, id);
    if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑。');
    return itemPage(c, {
      title: `新增事项：${v.unit.name}`,
      action: `/admin/catalogs/${id}/items`,
      values: {
        subject: v.unit.name,
        mode_proactive: true,
        audience_public: true,
        channel_0: true,
        responsible_unit_id: v.unit.id,
      },
      back: `/admin/catalogs/${id}`,
      countyCode: v.unit.jurisdiction_code,
      categories: v.categories,
    });
  });

  r.post('/catalogs/:id{[0-9]+}/items', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      await cat.addItem(c.get('deps').db, actor, id, body);
    } catch (err) {
      if (err instanceof ValidationError) {
        const v = await cat.getCatalog(c.get('deps').db, actor, id);
        return itemPage(
          c,
          {
            title: '新增事项',
            action: `/admin/catalogs/${id}/items`,
            values: body,
            errors: err.fieldErrors,
            back: `/admin/catalogs/${id}`,
            countyCode: v.unit.jurisdiction_code,
            categories: v.categories,
          },
          422,
        );
      }
      throw err;
    }
    return c.redirect(`/admin/catalogs/${id}?done=added`, 303);
  });

  r.get('/catalog-items/:itemId{[0-9]+}/edit', async (c) => {
    const actor = requireActor(c);
    const { item, catalog, unit } = await cat.getItemForEdit(c.get('deps').db, actor, Number(c.req.param('itemId')));
    const v = await cat.getCatalog(c.get('deps').db, actor, catalog.id);
    return itemPage(c, {
      title: `编辑事项：${unit.name}`,
      action: `/admin/catalog-items/${item.id}`,
      values: itemValues(item),
      back: `/admin/catalogs/${catalog.id}`,
      countyCode: unit.jurisdiction_code,
      categories: v.categories,
    });
  });

  r.post('/catalog-items/:itemId{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const itemId = Number(c.req.param('itemId'));
    const db = c.get('deps').db;
    const { catalog, unit } = await cat.getItemForEdit(db, actor, itemId);
    const body = await formBody(c);
    try {
      await cat.updateItem(db, actor, itemId, body);
    } catch (err) {
      if (err instanceof ValidationError)
        return itemPage(
          c,
          {
            title: '编辑事项',
            action: `/admin/catalog-items/${itemId}`,
            values: body,
            errors: err.fieldErrors,
            back: `/admin/catalogs/${catalog.id}`,
            countyCode: unit.jurisdiction_code,
            categories: (await cat.getCatalog(db, actor, catalog.id)).categories,
          },
          422,
        );
      throw err;
    }
    return c.redirect(`/admin/catalogs/${catalog.id}?done=saved#item-${itemId}`, 303);
  });

  r.post('/catalog-items/:itemId{[0-9]+}/delete', async (c) => {
    const actor = requireActor(c);
    const itemId = Number(c.req.param('itemId'));
    const db = c.get('deps').db;
    const { catalog } = await cat.getItemForEdit(db, actor, itemId);
    await cat.deleteItem(db, actor, itemId);
    return c.redirect(`/admin/catalogs/${catalog.id}?done=deleted`, 303);
  });

  r.post('/catalogs/:id{[0-9]+}/domain-note', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      await cat.setDomainNote(c.get('deps').db, actor, id, body.domain ?? '', body.reason ?? '');
    } catch (err) {
      if (err instanceof ValidationError)
        return catalogPage(c, id, { message: Object.values(err.fieldErrors).join('；') }, 422);
      throw err;
    }
    return c.redirect(`/admin/catalogs/${id}?done=note`, 303);
  });

  r.post('/catalogs/:id{[0-9]+}/submit', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      await cat.submit(c.get('deps').db, actor, id, body);
    } catch (err) {
      if (err instanceof ValidationError)
        return catalogPage(c, id, { errors: err.fieldErrors, message: err.message, values: body }, 422);
      throw err;
    }
    return c.redirect(`/admin/catalogs/${id}?done=submitted`, 303);
  });

  r.post('/catalogs/:id{[0-9]+}/review', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      const result = await cat.review(c.get('deps').db, actor, id, body);
      return c.redirect(`/admin/catalogs/${id}?done=${result}`, 303);
    } catch (err) {
      if (err instanceof ValidationError)
        return catalogPage(c, id, { reviewErrors: err.fieldErrors, values: body }, 422);
      throw err;
    }
  });

  r.post('/catalogs/:id{[0-9]+}/city-review', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    try {
      const result = await cat.cityReview(c.get('deps').db, actor, id, await formBody(c));
      return c.redirect(`/admin/catalogs/${id}?done=${result}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return catalogPage(c, id, { reviewErrors: err.fieldErrors }, 422);
      throw err;
    }
  });

  r.post('/catalogs/:id{[0-9]+}/negatives', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      await negative.addNegative(c.get('deps').db, actor, id, {
        name: body.neg_name,
        content: body.neg_content,
        reason: body.neg_reason,
        basis: body.neg_basis,
      });
    } catch (err) {
      if (err instanceof ValidationError)
        return catalogPage(
          c,
          id,
          {
            negErrors: Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [`neg_${k}`, v])),
            negValues: body,
          },
          422,
        );
      throw err;
    }
    return c.redirect(`/admin/catalogs/${id}?done=saved#negatives`, 303);
  });

  r.post('/catalog-negatives/:nid{[0-9]+}/delete', async (c) => {
    const catalogId = await negative.deleteNegative(c.get('deps').db, requireActor(c), Number(c.req.param('nid')));
    return c.redirect(`/admin/catalogs/${catalogId}?done=saved#negatives`, 303);
  });

  r.get('/catalogs/:id{[0-9]+}/export.xlsx', async (c) =>
    download(c, await exchange.exportCatalog(c.get('deps').db, requireActor(c), Number(c.req.param('id')), 'xlsx')),
  );
  r.get('/catalogs/:id{[0-9]+}/export.docx', async (c) =>
    download(c, await exchange.exportCatalog(c.get('deps').db, requireActor(c), Number(c.req.param('id')), 'docx')),
  );

  r.post('/catalogs/:id{[0-9]+}/import', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody();
    const file = body.file;
    const db = c.get('deps').db;
    const v = await cat.getCatalog(db, actor, id);
    const fail = (errors: { sheet: string; row: number; column: string; message: string }[]) =>
      page(
        c,
        <AdminLayout c={c} title={`导入目录：${v.unit.name}`} current="catalogs">
          <ImportErrors errors={errors} />
          <p>
            <a class="button secondary" href={`/admin/catalogs/${id}`}>
              返回目录
            </a>
          </p>
        </AdminLayout>,
        422,
      );
    if (!(file instanceof File) || file.size === 0)
      return fail([{ sheet: '', row: 0, column: '', message: '请选择要导入的 Excel 文件。' }]);
    if (file.size > exchange.MAX_IMPORT_BYTES)
      return fail([{ sheet: '', row: 0, column: '', message: '文件超过 5 MB，未导入。' }]);
    try {
      const p = await exchange.previewImport(db, actor, id, file.name, Buffer.from(await file.arrayBuffer()));
      return page(
        c,
        <AdminLayout c={c} title={`导入预览：${v.unit.name}`} current="catalogs">
          <p>
            文件“{file.name}”共 {p.items.length} 项（工作表：{p.sheets.join('、')}
            ），检查无误。确认后写入目录工作稿，提交审核并发布前不会出现在门户上。
          </p>
          <form method="post" action={`/admin/catalogs/${id}/import/confirm`} class="form" novalidate>
            <Csrf token={c.get('csrf')} />
            <input type="hidden" name="token" value={p.token} />
            <fieldset>
              <legend>导入方式</legend>
              <div class="tick">
                <input type="radio" id="f-mode-replace" name="mode" value="replace" checked />
                <label for="f-mode-replace">替换目录中现有的 {v.items.length} 项</label>
              </div>
              <div class="tick">
                <input type="radio" id="f-mode-append" name="mode" value="append" />
                <label for="f-mode-append">追加到现有事项之后</label>
              </div>
            </fieldset>
            <button type="submit" class="button">
              确认导入
            </button>
            <a class="button secondary" href={`/admin/catalogs/${id}`}>
              取消
            </a>
          </form>
          {p.items.length > PREVIEW_LIMIT ? (
            <p class="muted">
              以下仅显示前 {PREVIEW_LIMIT} 项；确认后全部 {p.items.length} 项都会写入。
            </p>
          ) : null}
          {byDomain(p.items.slice(0, PREVIEW_LIMIT).map((i, n) => ({ ...i, id: n + 1 }))).map(([domain, list]) => (
            <ItemsTable items={list} caption={domain} showParsed />
          ))}
        </AdminLayout>,
      );
    } catch (err) {
      if (err instanceof exchange.ImportFailed) return fail(err.errors);
      throw err;
    }
  });

  r.post('/catalogs/:id{[0-9]+}/import/confirm', async (c) => {
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    const n = await exchange.commitImport(
      c.get('deps').db,
      actor,
      body.token ?? '',
      body.mode === 'append' ? 'append' : 'replace',
    );
    return c.redirect(`/admin/catalogs/${id}?done=imported&n=${n}`, 303);
  });

  return r;
}

// ---- portal ------------------------------------------------------------------------------------

export function catalogPortalRoutes() {
  const r = new Hono<AppEnv>();
  const county = (c: Context<AppEnv>) => {
    const s = c.get('site');
    if (!s) throw new NotFoundError('本平台尚未初始化。');
    return s.jurisdictionCode;
  };

  r.get('/xxgk/ml', async (c) => {
    const list = await cat.publishedCatalogs(c.get('deps').db, county(c));
    return page(
      c,
      <PortalLayout
        c={c}
        title="政务公开事项标准目录"
        current="lingyu"
        crumbs={[{ href: '/xxgk/lingyu', label: '重点领域信息公开' }, { label: '政务公开事项标准目录' }]}
      >
        <h1>政务公开事项标准目录</h1>
        <p>
          按照基层政务公开标准化规范化要求，各单位对照 26
          个试点领域的标准指引编制本单位政务公开事项标准目录，经县政府办公室审核后发布。
        </p>
        {list.length ? (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">目录</th>
                <th scope="col">当前版本</th>
                <th scope="col">更新时间</th>
              </tr>
            </thead>
            <tbody>
              {list.map((x) => (
                <tr>
                  <td>{x.unit_name}</td>
                  <td>
                    <a href={`/xxgk/ml/${x.id}`}>
                      {CATALOG_KINDS[x.kind as CatalogKind] ?? x.kind}
                      <span class="visually-hidden">（{x.unit_name}）</span>
                    </a>
                  </td>
                  <td>第 {x.current_version} 版</td>
                  <td>{formatTime(x.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">暂无已发布的目录。</p>
        )}
      </PortalLayout>,
    );
  });

  r.get('/xxgk/ml/:id{[0-9]+}', async (c) => {
    const v = Number(c.req.query('v')) || undefined;
    const p = await cat.publishedVersion(c.get('deps').db, county(c), Number(c.req.param('id')), v);
    const id = p.catalog.id;
    const counts =
      p.version === p.catalog.current_version
        ? await recordCounts(
            c.get('deps').db,
            p.snapshot.items.map((i) => i.id),
          )
        : new Map<number, number>();
    return page(
      c,
      <PortalLayout
        c={c}
        title={`${p.unit.name}${CATALOG_KINDS[p.catalog.kind as CatalogKind]}`}
        current="lingyu"
        crumbs={[{ href: '/xxgk/ml', label: '政务公开事项标准目录' }, { label: p.unit.name }]}
      >
        <h1>
          {p.unit.name}
          {CATALOG_KINDS[p.catalog.kind as CatalogKind]}
        </h1>
        <p class="muted">
          第 {p.version} 版
          {p.version !== p.catalog.current_version ? `（历史版本，当前为第 ${p.catalog.current_version} 版）` : ''}
          ，发布于 {formatTime(p.publishedAt)}。
          <a href={`/xxgk/ml/${id}/export.xlsx${v ? `?v=${v}` : ''}`}>下载 Excel</a>　
          <a href={`/xxgk/ml/${id}/export.docx${v ? `?v=${v}` : ''}`}>下载 Word</a>
        </p>
        {byDomain(p.snapshot.items).map(([domain, list]) => (
          <ItemsTable
            items={list}
            caption={p.catalog.kind === 'standard' ? `${domain}领域` : domain}
            extraHeader="明细"
            extra={
              counts.size
                ? (i) =>
                    counts.get(i.id) ? (
                      <a href={`/xxgk/ml/${id}/items/${i.id}`}>
                        {counts.get(i.id)} 条
                        <span class="visually-hidden">
                          ：{i.level1}
                          {i.level2 ? ` / ${i.level2}` : ''}
                        </span>
                      </a>
                    ) : (
                      ''
                    )
                : undefined
            }
          />
        ))}
        {p.snapshot.negatives?.length ? (
          <>
            <h2>负面清单（不予公开事项）</h2>
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">事项名称</th>
                  <th scope="col">不予公开的内容</th>
                  <th scope="col">理由</th>
                  <th scope="col">法律依据</th>
                </tr>
              </thead>
              <tbody>
                {p.snapshot.negatives.map((n) => (
                  <tr>
                    <td>{n.name}</td>
                    <td>{n.content}</td>
                    <td>{negative.reasonText(n.reason)}</td>
                    <td>{n.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {p.snapshot.notes.length ? (
          <>
            <h2>未涉及领域事项说明</h2>
            <ul>
              {p.snapshot.notes.map((n) => (
                <li>
                  {n.domain}：{n.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>版本历史</h2>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">发布时间</th>
              <th scope="col">修改说明</th>
            </tr>
          </thead>
          <tbody>
            {p.versions.map((x) => (
              <tr>
                <td>
                  <a href={`/xxgk/ml/${id}?v=${x.version}`}>第 {x.version} 版</a>
                </td>
                <td>{formatTime(x.published_at)}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.versions.length > 1 ? (
          <form method="get" action={`/xxgk/ml/${id}/diff`} class="filters" aria-label="比较版本">
            <div class="field">
              <label for="f-from">比较版本</label>
              <select id="f-from" name="from">
                {p.versions.map((x) => (
                  <option value={String(x.version)} selected={x.version === p.versions[1].version}>
                    第 {x.version} 版
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-to">与</label>
              <select id="f-to" name="to">
                {p.versions.map((x) => (
                  <option value={String(x.version)} selected={x.version === p.versions[0].version}>
                    第 {x.version} 版
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button secondary">
              比较
            </button>
          </form>
        ) : null}
      </PortalLayout>,
    );
  });

  r.get('/xxgk/ml/:id{[0-9]+}/export.xlsx', async (c) =>
    download(
      c,
      await exchange.exportPublished(
        c.get('deps').db,
        county(c),
        Number(c.req.param('id')),
        Number(c.req.query('v')) || undefined,
        'xlsx',
      ),
    ),
  );
  r.get('/xxgk/ml/:id{[0-9]+}/export.docx', async (c) =>
    download(
      c,
      await exchange.exportPublished(
        c.get('deps').db,
        county(c),
        Number(c.req.param('id')),
        Number(c.req.query('v')) || undefined,
        'docx',
      ),
    ),
  );

  r.get('/xxgk/ml/:id{[0-9]+}/diff', async (c) => {
    const id = Number(c.req.param('id'));
    const from = Number(c.req.query('from'));
    const to = Number(c.req.query('to'));
    const a = await cat.publishedVersion(c.get('deps').db, county(c), id, from || -1);
    const b = await cat.publishedVersion(c.get('deps').db, county(c), id, to || -1);
    const diff = cat.diffSnapshots(a.snapshot, b.snapshot);
    const KIND = { added: '新增', removed: '删除', changed: '修改' } as const;
    return page(
      c,
      <PortalLayout
        c={c}
        title={`${a.unit.name}目录版本比较`}
        current="lingyu"
        crumbs={[
          { href: '/xxgk/ml', label: '政务公开事项标准目录' },
          { href: `/xxgk/ml/${id}`, label: a.unit.name },
          { label: '版本比较' },
        ]}
      >
        <h1>
          {a.unit.name}目录：第 {a.version} 版与第 {b.version} 版比较
        </h1>
        <p>
          第 {b.version} 版修改说明：{b.reason}
        </p>
        {diff.length === 0 ? (
          <p class="empty">两个版本内容相同。</p>
        ) : (
          <table class="data diff">
            <thead>
              <tr>
                <th scope="col">变化</th>
                <th scope="col">事项</th>
                <th scope="col">字段</th>
                <th scope="col">第 {a.version} 版</th>
                <th scope="col">第 {b.version} 版</th>
              </tr>
            </thead>
            <tbody>
              {diff.flatMap((d) =>
                d.fields.length
                  ? d.fields.map((f, n) => (
                      <tr>
                        <td>{n === 0 ? KIND[d.kind] : ''}</td>
                        <td>{n === 0 ? d.label : ''}</td>
                        <td>{f.field}</td>
                        <td class="pre">
                          <del>{f.before}</del>
                        </td>
                        <td class="pre">
                          <ins>{f.after}</ins>
                        </td>
                      </tr>
                    ))
                  : [
                      <tr>
                        <td>{KIND[d.kind]}</td>
                        <td>{d.label}</td>
                        <td>—</td>
                        <td>{d.kind === 'removed' ? '（有）' : '（无）'}</td>
                        <td>{d.kind === 'added' ? '（有）' : '（无）'}</td>
                      </tr>,
                    ],
              )}
            </tbody>
          </table>
        )}
      </PortalLayout>,
    );
  });

  return r;
}
