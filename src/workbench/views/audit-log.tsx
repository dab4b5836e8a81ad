/** 审计日志 (/admin/audit): the filter and the entries, newest first, 50 a page. */
import type { Context } from 'hono';
import { ErrorSummary, formatTime, SelectField, TextField } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { AuditLog } from '../audit.js';

export function AuditLogPage(
  props: {
    c: Context<AppEnv>;
    /** The filter as asked (the query string). */
    query: Record<string, string>;
    /** Labels of the actions and object types of the installation's modules. */
    labels: Record<string, string>;
    objectTypes: Record<string, string>;
  } & AuditLog,
) {
  const { c, query: q, labels, objectTypes, rows, nextBefore, errors, units } = props;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'before' && v));
  return (
    <AdminLayout c={c} title="审计日志" current="audit">
      <p class="muted">
        审计日志只能追加，不能修改或删除。记录每一次登录和数据变更的操作人、单位、操作、对象、变更前后内容、时间和 IP
        地址。
      </p>
      <form method="get" action="/admin/audit" class="filters" role="search" aria-label="筛选审计日志">
        <ErrorSummary errors={errors} labels={{ from: '开始日期', to: '结束日期' }} />
        <TextField name="actor" label="操作人" values={q} />
        <SelectField
          name="unit"
          label="单位"
          values={q}
          placeholder="全部"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          name="action"
          label="操作"
          values={q}
          placeholder="全部"
          options={Object.entries(labels).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="object_type"
          label="对象类型"
          values={q}
          placeholder="全部"
          options={Object.entries(objectTypes).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="object_id" label="对象编号" values={q} />
        <TextField name="from" label="开始日期" type="date" values={q} errors={errors} />
        <TextField name="to" label="结束日期" type="date" values={q} errors={errors} />
        <button type="submit" class="button secondary">
          筛选
        </button>
      </form>
      <div class="table-scroll">
        <table class="data audit">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">单位</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">内容</th>
              <th scope="col">IP 地址</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr>
                <td class="nowrap">{formatTime(e.at)}</td>
                <td>{e.actor_name}</td>
                <td>{e.unit_id ? (unitName.get(e.unit_id) ?? `#${e.unit_id}`) : '—'}</td>
                <td>{labels[e.action] ?? e.action}</td>
                <td>
                  {objectTypes[e.object_type] ?? e.object_type}
                  {e.object_id ? ` #${e.object_id}` : ''}
                </td>
                <td>
                  {e.summary}
                  {e.before_json || e.after_json ? (
                    <details>
                      <summary>变更内容</summary>
                      {e.before_json ? (
                        <>
                          <p>变更前：</p>
                          <pre>{JSON.stringify(JSON.parse(e.before_json), null, 1)}</pre>
                        </>
                      ) : null}
                      {e.after_json ? (
                        <>
                          <p>变更后：</p>
                          <pre>{JSON.stringify(JSON.parse(e.after_json), null, 1)}</pre>
                        </>
                      ) : null}
                    </details>
                  ) : null}
                </td>
                <td>{e.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p class="empty">没有符合条件的记录。</p> : null}
      {nextBefore ? (
        <p>
          <a href={`/admin/audit?${new URLSearchParams([...params, ['before', String(nextBefore)]])}`}>更早的记录</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
