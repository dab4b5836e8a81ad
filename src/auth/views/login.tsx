/** 工作人员登录: the sign-in form (with the lockout rule). */
import type { Context } from 'hono';
import { Csrf, ErrorSummary, TextField, type Errors, type Values } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { THROTTLE } from '../service.js';

export function LoginPage(props: {
  c: Context<AppEnv>;
  /** Where to go after signing in (a checked local path). */
  next: string;
  errors?: Errors;
  message?: string;
  values?: Values;
}) {
  const { c } = props;
  return (
    <AdminLayout c={c} title="工作人员登录">
      <form method="post" action={`/admin/login?next=${encodeURIComponent(props.next)}`} class="form narrow" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={props.errors} message={props.message} labels={{ username: '用户名', password: '密码' }} />
        <TextField
          name="username"
          label="用户名"
          values={props.values}
          errors={props.errors}
          autocomplete="username"
          required
          maxlength={64}
        />
        <TextField
          name="password"
          label="密码"
          type="password"
          errors={props.errors}
          autocomplete="current-password"
          required
          maxlength={256}
        />
        <button type="submit" class="button">
          登录
        </button>
      </form>
      <p class="muted">
        连续输错密码 {THROTTLE.maxFailures} 次，账号将锁定 {THROTTLE.lockMinutes}{' '}
        分钟。忘记密码请联系本单位系统管理员重置。
      </p>
    </AdminLayout>
  );
}
