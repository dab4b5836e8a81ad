/** 缺少解读的政策文件: published policies still waiting for their 解读 (三同步). */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { missingInterpretations } from '../interpretations.js';

export interface InterpretationsPageProps {
  c: Context<AppEnv>;
  q: Awaited<ReturnType<typeof missingInterpretations>>;
  today: string;
}

export function InterpretationsPage(props: InterpretationsPageProps) {
  const { c, q, today } = props;
  return (
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
    </AdminLayout>
  );
}
