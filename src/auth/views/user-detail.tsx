/** An account's page: its record, and the forms to disable or enable it and to reset its password. */
import type { Context } from 'hono';
import { Csrf, formatTime, TextField } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { UserView } from '../users.js';
import { grantsText } from './components.js';

export function UserDetailPage(props: { c: Context<AppEnv>; user: UserView; flash?: string }) {
  const { c, user: u } = props;
  return (
    <AdminLayout c={c} title={`账号：${u.display_name}（${u.username}）`} current="users" flash={props.flash}>
      <dl class="meta">
        <dt>用户名</dt>
        <dd>{u.username}</dd>
        <dt>姓名</dt>
        <dd>{u.display_name}</dd>
        <dt>状态</dt>
        <dd>
          {u.active === 1 ? '启用' : '停用'}
          {u.must_change_password === 1 ? '（下次登录须修改密码）' : ''}
        </dd>
        <dt>角色</dt>
        <dd>{grantsText(u)}</dd>
        <dt>创建时间</dt>
        <dd>{formatTime(u.created_at)}</dd>
        <dt>最近登录</dt>
        <dd>{formatTime(u.last_login_at)}</dd>
      </dl>
      <p>
        <a class="button" href={`/admin/users/${u.id}/edit`}>
          编辑姓名和角色
        </a>{' '}
        <a class="button secondary" href={`/admin/audit?object_type=user&object_id=${u.id}`}>
          查看该账号的操作记录
        </a>
      </p>
      <h2>{u.active === 1 ? '停用账号' : '启用账号'}</h2>
      <form method="post" action={`/admin/users/${u.id}/${u.active === 1 ? 'disable' : 'enable'}`}>
        <Csrf token={c.get('csrf')} />
        <p class="hint">
          {u.active === 1
            ? '停用后该账号不能登录，已登录的会话立即结束。账号和操作记录保留。'
            : '启用后该账号可以重新登录。'}
        </p>
        <button type="submit" class={u.active === 1 ? 'button danger' : 'button'}>
          {u.active === 1 ? '停用账号' : '启用账号'}
        </button>
      </form>
      <h2>重置密码</h2>
      <form method="post" action={`/admin/users/${u.id}/reset-password`} class="form narrow" novalidate>
        <Csrf token={c.get('csrf')} />
        <TextField
          name="password"
          label="新的初始密码"
          type="password"
          hint="用户下次登录时须修改密码。"
          required
          autocomplete="new-password"
        />
        <button type="submit" class="button secondary">
          重置密码
        </button>
      </form>
    </AdminLayout>
  );
}
