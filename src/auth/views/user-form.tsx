/** A new account, or an account's name and roles. */
import type { Context } from 'hono';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../platform/access.js';
import { Csrf, ErrorSummary, SelectField, TextField, type Errors, type Values } from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { MAX_ROLE_ROWS } from '../users.js';
import { unitOptions, type UnitChoice } from './components.js';

const USER_LABELS: Record<string, string> = { username: '用户名', display_name: '姓名', password: '初始密码' };

function RoleRows(props: { values: Values; errors: Errors; units: { value: number; label: string }[] }) {
  return (
    <fieldset class="role-rows">
      <legend>角色与所属单位</legend>
      <p class="hint">
        每行一个角色。系统管理员、公开办管理员、上级审核的权限覆盖所属单位所在行政区及其下级；单位编辑、单位审核、依申请办理员只管理所属单位。
      </p>
      <ul class="plain role-help">
        {ROLES.map((r) => (
          <li>
            <strong>{ROLE_LABELS[r]}</strong>：{ROLE_DESCRIPTIONS[r]}
          </li>
        ))}
      </ul>
      {Array.from({ length: MAX_ROLE_ROWS }, (_, i) => (
        <div class="role-row">
          <SelectField
            name={`role_${i}`}
            label={`角色 ${i + 1}`}
            values={props.values}
            errors={props.errors}
            placeholder="（不设置）"
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <SelectField
            name={`unit_${i}`}
            label={`所属单位 ${i + 1}`}
            values={props.values}
            errors={props.errors}
            placeholder="（请选择单位）"
            options={props.units}
          />
        </div>
      ))}
    </fieldset>
  );
}

export function UserFormPage(props: {
  c: Context<AppEnv>;
  values: Values;
  errors?: Errors;
  /** The account being edited (none: a new account). */
  id?: number;
  /** The units roles may be granted in. */
  units: UnitChoice[];
}) {
  const { c } = props;
  const units = unitOptions(props.units);
  const isNew = props.id === undefined;
  return (
    <AdminLayout c={c} title={isNew ? '新建账号' : `编辑账号：${String(props.values.username ?? '')}`} current="users">
      <form method="post" action={isNew ? '/admin/users' : `/admin/users/${props.id}`} class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary
          errors={props.errors}
          labels={{
            ...USER_LABELS,
            ...Object.fromEntries(
              Array.from({ length: MAX_ROLE_ROWS }, (_, i) => [
                [`role_${i}`, `角色 ${i + 1}`],
                [`unit_${i}`, `所属单位 ${i + 1}`],
              ]).flat(),
            ),
          }}
        />
        {isNew ? (
          <TextField
            name="username"
            label="用户名"
            values={props.values}
            errors={props.errors}
            hint="3～32 位字母、数字、点、下划线或连字符，创建后不能修改。"
            required
            autocomplete="off"
          />
        ) : null}
        <TextField
          name="display_name"
          label="姓名"
          values={props.values}
          errors={props.errors}
          required
          maxlength={30}
        />
        {isNew ? (
          <TextField
            name="password"
            label="初始密码"
            type="password"
            errors={props.errors}
            hint="8～64 位，须同时包含字母和数字。用户首次登录后须修改密码。"
            required
            autocomplete="new-password"
          />
        ) : null}
        <RoleRows values={props.values} errors={props.errors ?? {}} units={units} />
        <button type="submit" class="button">
          {isNew ? '创建账号' : '保存'}
        </button>
        <a href="/admin/users" class="button secondary">
          取消
        </a>
      </form>
    </AdminLayout>
  );
}
