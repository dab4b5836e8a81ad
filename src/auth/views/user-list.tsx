/** 账号管理: the accounts the signed-in administrator manages, filtered, 50 a page. */
import type { Context } from 'hono';
import { ROLE_LABELS, ROLES } from '../../platform/access.js';
import { formatTime, Pager, SelectField, TextField } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { UserView } from '../users.js';
import { grantsText, unitOptions, type UnitChoice } from './components.js';

const PER_PAGE = 50;

export function UserListPage(props: {
  c: Context<AppEnv>;
  users: UserView[];
  /** The units to filter by. */
  units: UnitChoice[];
  /** The filter as asked (the query string). */
  query: Record<string, string>;
  page: number;
  flash?: string;
}) {
  const { c, users: list, query: q, page: pageNo } = props;
  const units = unitOptions(props.units);
  const shown = list.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
  const params = new URLSearchParams(
    Object.entries({ q: q.q ?? '', role: q.role ?? '', status: q.status ?? '', unit: q.unit ?? '' }).filter(
      ([, v]) => v,
    ),
  );
  return (
    <AdminLayout c={c} title="账号管理" current="users" flash={props.flash}>
      <p>
        <a class="button" href="/admin/users/new">
          新建账号
        </a>
      </p>
      <form method="get" action="/admin/users" class="filters" role="search" aria-label="筛选账号">
        <TextField name="q" label="用户名或姓名" values={q} />
        <SelectField
          name="role"
          label="角色"
          values={q}
          placeholder="全部"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <SelectField name="unit" label="单位" values={q} placeholder="全部" options={units} />
        <SelectField
          name="status"
          label="状态"
          values={q}
          placeholder="全部"
          options={[
            { value: 'active', label: '启用' },
            { value: 'disabled', label: '停用' },
          ]}
        />
        <button type="submit" class="button secondary">
          筛选
        </button>
      </form>
      <p class="muted">共 {list.length} 个账号。</p>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色与单位</th>
              <th scope="col">状态</th>
              <th scope="col">最近登录</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/users/${u.id}`}>{u.username}</a>
                </td>
                <td>{u.display_name}</td>
                <td>{grantsText(u)}</td>
                <td>
                  {u.active === 1
                    ? u.locked_until && u.locked_until > new Date().toISOString()
                      ? '已锁定'
                      : '启用'
                    : '停用'}
                </td>
                <td>{formatTime(u.last_login_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={pageNo}
        hasNext={list.length > pageNo * PER_PAGE}
        href={(p) => `/admin/users?${new URLSearchParams([...params, ['page', String(p)]])}`}
      />
    </AdminLayout>
  );
}
