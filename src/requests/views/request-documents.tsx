/** The letters of a request: issued ones (Word, PDF), and a draft of a kind to edit and issue. */
import { Csrf, SelectField } from '../../platform/ui/forms.js';
import { pdfAvailable } from '../../platform/pdf.js';
import { DOC_KINDS } from '../documents.js';
import type { RequestCtx } from './request-context.js';

export function DocumentsSection({ c, id, v, errors }: RequestCtx) {
  const { docs, draftKind, draftText } = v;
  return v.canHandle ? (
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
  ) : null;
}
