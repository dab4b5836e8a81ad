import { Hono } from 'hono';
import * as org from '../org/service.js';
import { ROLE_LABELS, can } from '../platform/access.js';
import { ValidationError } from '../platform/errors.js';
import type { WorkbenchEntry } from '../platform/module.js';
import { ErrorSummary, formatTime, SelectField, TextField } from '../platform/ui/forms.js';
import { AdminLayout, page } from '../platform/ui/layout.js';
import type { AppEnv } from '../platform/web/env.js';
import { requireActor } from '../platform/web/guards.js';
import { todayInChina } from '../calendar/dates.js';
import { listAudit } from './audit.js';

export function workbenchRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const actor = requireActor(c);
    const units = can(actor, 'unit.view') ? await org.listUnits(c.get('deps').db, actor) : [];
    const ctx = { db: c.get('deps').db, actor, site: c.get('site'), today: todayInChina() };
    // What every module puts on the workbench, in module order.
    const entries: WorkbenchEntry[] = [];
    for (const m of c.get('deps').installation.modules) if (m.todo) entries.push(...(await m.todo(ctx)));
    const notices = entries.filter((e) => e.kind === 'notice');
    const cards = entries.filter((e) => e.kind === 'card');
    const todos = entries.filter((e) => e.kind === 'todo');
    return page(
      c,
      <AdminLayout c={c} title="工作台" current="dashboard">
        {notices.map((m) =>
          m.alert ? (
            <p class="notice" role="alert">
              {m.text} <a href={m.href}>{m.linkText}</a>
            </p>
          ) : (
            <p class="notice">
              {m.text} <a href={m.href}>{m.linkText}</a>
            </p>
          ),
        )}
        <p>您好，{actor.displayName}。</p>
        <h2>我的单位和角色</h2>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">行政区</th>
              <th scope="col">角色</th>
            </tr>
          </thead>
          <tbody>
            {actor.grants.map((g) => (
              <tr>
                <td>
                  <a href={`/admin/units/${g.unitId}`}>{g.unitName}</a>
                </td>
                <td>{g.jurisdictionName}</td>
                <td>{ROLE_LABELS[g.role]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>可管理的范围</h2>
        <p>您可以查看 {units.length} 个单位的数据。</p>
        {cards.map((x) => x.body)}
        <h2>待办事项</h2>
        {todos.length ? (
          <ul class="todo-list">
            {todos.map((t) => (
              <li>
                <a href={t.href}>{t.label}</a>：
                <strong class={t.overdue ? 'badge-overdue' : undefined}>{t.count}</strong>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">暂无待办事项。目录编制、信息发布和依申请公开的待办与到期提醒将显示在这里。</p>
        )}
      </AdminLayout>,
    );
  });

  r.get('/audit', async (c) => {
    const actor = requireActor(c);
    const labels = c.get('deps').installation.auditLabels;
    const objectTypes = c.get('deps').installation.auditObjectTypes;
    const q = c.req.query();
    const filter = {
      actor: q.actor?.trim() || undefined,
      unitId: Number(q.unit) || undefined,
      action: q.action && labels[q.action] ? q.action : undefined,
      objectType: q.object_type && objectTypes[q.object_type] ? q.object_type : undefined,
      objectId: q.object_id?.trim() || undefined,
      from: q.from?.trim() || undefined,
      to: q.to?.trim() || undefined,
      before: Number(q.before) || undefined,
    };
    let result: Awaited<ReturnType<typeof listAudit>> = { rows: [], nextBefore: undefined };
    let errors: Record<string, string> | undefined;
    try {
      result = await listAudit(c.get('deps').db, actor, filter);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = err.fieldErrors;
    }
    const units = await org.listUnits(c.get('deps').db, actor);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'before' && v));
    return page(
      c,
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
              {result.rows.map((e) => (
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
        {result.rows.length === 0 ? <p class="empty">没有符合条件的记录。</p> : null}
        {result.nextBefore ? (
          <p>
            <a href={`/admin/audit?${new URLSearchParams([...params, ['before', String(result.nextBefore)]])}`}>
              更早的记录
            </a>
          </p>
        ) : null}
      </AdminLayout>,
    );
  });

  return r;
}
