/** Adopting rows of a domain's standard guideline into a catalog. */
import { Csrf } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { GuidelineDomain } from '../guidelines.js';
import { type C, ItemsTable } from './components.js';

export function AdoptPage(props: { c: C; id: number; domain: GuidelineDomain }) {
  const { c, id, domain } = props;
  return (
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
    </AdminLayout>
  );
}
