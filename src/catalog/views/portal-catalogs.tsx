/** The portal's list of published catalogs of the county. */
import { formatTime } from '../../platform/ui/forms.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { CATALOG_KINDS, type CatalogKind } from '../kinds.js';
import type { C } from './components.js';

export function PortalCatalogsPage(props: {
  c: C;
  list: { id: number; kind: string; current_version: number; updated_at: string; unit_name: string }[];
}) {
  const { c, list } = props;
  return (
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
    </PortalLayout>
  );
}
