/** The portal's comparison of two published versions of a catalog. */
import { PortalLayout } from '../../platform/ui/layout.js';
import type { ItemDiff } from '../published.js';
import type { C } from './components.js';

const KIND = { added: '新增', removed: '删除', changed: '修改' } as const;

export function PortalDiffPage(props: {
  c: C;
  id: number;
  unitName: string;
  a: { version: number };
  b: { version: number; reason: string };
  diff: ItemDiff[];
}) {
  const { c, id, a, b, diff } = props;
  return (
    <PortalLayout
      c={c}
      title={`${props.unitName}目录版本比较`}
      current="lingyu"
      crumbs={[
        { href: '/xxgk/ml', label: '政务公开事项标准目录' },
        { href: `/xxgk/ml/${id}`, label: props.unitName },
        { label: '版本比较' },
      ]}
    >
      <h1>
        {props.unitName}目录：第 {a.version} 版与第 {b.version} 版比较
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
    </PortalLayout>
  );
}
