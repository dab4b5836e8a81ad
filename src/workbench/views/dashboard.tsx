/** 工作台 (/admin): notices, the person's units and roles, the modules' cards and to-do items. */
import type { Context } from 'hono';
import { ROLE_LABELS, type UserActor } from '../../platform/access.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { Dashboard } from '../dashboard.js';

export function DashboardPage(props: { c: Context<AppEnv>; actor: UserActor } & Dashboard) {
  const { c, actor, unitCount, notices, cards, todos } = props;
  return (
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
      <p>您可以查看 {unitCount} 个单位的数据。</p>
      {cards.map((x) => x.body)}
      <h2>待办事项</h2>
      {todos.length ? (
        <ul class="todo-list">
          {todos.map((t) => (
            <li>
              <a href={t.href}>{t.label}</a>：<strong class={t.overdue ? 'badge-overdue' : undefined}>{t.count}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">暂无待办事项。目录编制、信息发布和依申请公开的待办与到期提醒将显示在这里。</p>
      )}
    </AdminLayout>
  );
}
