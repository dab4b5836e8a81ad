/**
 * A published version of a catalog on the portal: the items by domain (with their records when it
 * is the current version), 负面清单, 未涉及领域, the version history and the comparison form.
 */
import { formatTime } from '../../platform/ui/forms.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { CATALOG_KINDS, type CatalogKind } from '../kinds.js';
import { reasonText } from '../negative.js';
import type { PublishedCatalogPage } from '../published.js';
import { byDomain, type C, ItemsTable } from './components.js';

export function PortalCatalogPage(props: { c: C; p: PublishedCatalogPage; v: number | undefined }) {
  const { c, p, v } = props;
  const id = p.catalog.id;
  const counts = p.counts;
  return (
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
        ，发布于 {formatTime(p.publishedAt)}。<a href={`/xxgk/ml/${id}/export.xlsx${v ? `?v=${v}` : ''}`}>下载 Excel</a>
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
                  <td>{reasonText(n.reason)}</td>
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
    </PortalLayout>
  );
}
