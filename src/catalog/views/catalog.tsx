/**
 * A unit's catalog in the back office: status, editing tools (import, adoption, picking), the
 * items with their return comments, the county and city review forms, 负面清单, 未涉及领域,
 * submission, version history and 办理记录.
 */
import {
  Csrf,
  ErrorSummary,
  type Errors,
  formatTime,
  SelectField,
  TextField,
  type Values,
} from '../../platform/ui/forms.js';
import { UploadProgress } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { missingFields } from '../guidelines.js';
import { CATALOG_KINDS, type CatalogKind, KIND_KEYS } from '../kinds.js';
import { NEGATIVE_REASONS, reasonText } from '../negative.js';
import { DOMAINS } from '../vocabulary.js';
import type { CatalogWorkspace } from '../workspace.js';
import { byDomain, type C, ItemsTable, statusLabel } from './components.js';

/** What a re-rendered catalog page shows beside the catalog (after a refused form). */
export interface CatalogPageForm {
  errors?: Errors;
  message?: string;
  reviewErrors?: Errors;
  values?: Values;
  negErrors?: Errors;
  negValues?: Values;
}

export function CatalogPage(props: { c: C; v: CatalogWorkspace; flash?: string; opts: CatalogPageForm }) {
  const { c, v, flash, opts } = props;
  const { catalog, unit, items, notes, versions, events, rights, negatives, counts, mismatches } = v;
  const id = catalog.id;
  const kind = catalog.kind as CatalogKind;
  const returnedItems = items.filter((i) => i.reviewComment);
  return (
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
                <td>{reasonText(n.reason)}</td>
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
            options={NEGATIVE_REASONS.map((r) => ({ value: r.key, label: `${r.label}（条例${r.article}）` }))}
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
    </AdminLayout>
  );
}
