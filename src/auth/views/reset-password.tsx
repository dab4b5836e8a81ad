/** Resetting an account's password, shown again when the new password is refused. */
import type { Context } from 'hono';
import { Csrf, ErrorSummary, TextField, type Errors } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { UserView } from '../users.js';

export function ResetPasswordPage(props: { c: Context<AppEnv>; user: UserView; errors: Errors }) {
  const { c, user: u } = props;
  return (
    <AdminLayout c={c} title={`重置密码：${u.display_name}（${u.username}）`} current="users">
      <form method="post" action={`/admin/users/${u.id}/reset-password`} class="form narrow" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={props.errors} labels={{ password: '新的初始密码' }} />
        <TextField
          name="password"
          label="新的初始密码"
          type="password"
          errors={props.errors}
          hint="8～64 位，须同时包含字母和数字。"
          required
          autocomplete="new-password"
        />
        <button type="submit" class="button">
          重置密码
        </button>
        <a class="button secondary" href={`/admin/users/${u.id}`}>
          取消
        </a>
      </form>
    </AdminLayout>
  );
}
