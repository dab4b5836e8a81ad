/** 修改密码: a person's own password (forced after an administrator set a temporary one). */
import type { Context } from 'hono';
import { Csrf, ErrorSummary, TextField, type Errors } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function PasswordPage(props: { c: Context<AppEnv>; forced?: boolean; errors?: Errors; flash?: string }) {
  const { c } = props;
  return (
    <AdminLayout c={c} title="修改密码" current="password" flash={props.flash}>
      {props.forced ? <p class="notice">您正在使用管理员设置的初始密码，请先修改密码后再使用系统。</p> : null}
      <form method="post" action="/admin/password" class="form narrow" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary
          errors={props.errors}
          labels={{ current_password: '当前密码', new_password: '新密码', confirm_password: '确认新密码' }}
        />
        <TextField
          name="current_password"
          label="当前密码"
          type="password"
          errors={props.errors}
          autocomplete="current-password"
          required
        />
        <TextField
          name="new_password"
          label="新密码"
          type="password"
          errors={props.errors}
          autocomplete="new-password"
          hint="8～64 位，须同时包含字母和数字，不能包含用户名。"
          required
        />
        <TextField
          name="confirm_password"
          label="确认新密码"
          type="password"
          errors={props.errors}
          autocomplete="new-password"
          required
        />
        <button type="submit" class="button">
          修改密码
        </button>
      </form>
    </AdminLayout>
  );
}
