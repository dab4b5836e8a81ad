/** 接口令牌: a unit's tokens for the JSON API, the form to create one and the new token shown once. */
import type { Context } from 'hono';
import {
  Csrf,
  ErrorSummary,
  formatTime,
  SelectField,
  TextField,
  type Errors,
  type Values,
} from '../../platform/ui/forms.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { UnitRow } from '../../org/service.js';
import type { listTokens } from '../tokens.js';

export function TokenPage(props: {
  c: Context<AppEnv>;
  tokens: Awaited<ReturnType<typeof listTokens>>;
  /** The units a token may be created for. */
  units: UnitRow[];
  errors?: Errors;
  values?: Values;
  /** A token just created (shown this once). */
  created?: string;
  flash?: string;
}) {
  const { c, tokens, units } = props;
  return (
    <AdminLayout c={c} title="接口令牌" current="tokens" flash={props.flash}>
      <p class="muted">
        单位的办公系统可以通过 JSON 接口登记申请和办理事件（说明见{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        ）。令牌的身份为该单位的依申请办理员，只显示一次，请妥善保存。
      </p>
      {props.created ? (
        <p class="notice" role="status">
          新令牌：<code>{props.created}</code>（只显示这一次）
        </p>
      ) : null}
      <form method="post" action="/admin/api-tokens" class="form" novalidate>
        <Csrf token={c.get('csrf')} />
        <ErrorSummary errors={props.errors} labels={{ unit_id: '单位', name: '令牌名称' }} />
        <SelectField
          name="unit_id"
          label="单位"
          values={props.values ?? {}}
          errors={props.errors}
          required
          placeholder="（请选择）"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextField
          name="name"
          label="令牌名称"
          values={props.values ?? {}}
          errors={props.errors}
          required
          maxlength={50}
          hint="如：县政务 OA"
        />
        <button type="submit" class="button">
          创建令牌
        </button>
      </form>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">名称</th>
            <th scope="col">创建</th>
            <th scope="col">最近使用</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr>
              <td>{t.unit_name}</td>
              <td>{t.name}</td>
              <td>
                {t.created_by}，{formatTime(t.created_at)}
              </td>
              <td>{formatTime(t.last_used_at)}</td>
              <td>
                {t.revoked ? (
                  '已停用'
                ) : (
                  <form method="post" action={`/admin/api-tokens/${t.id}/revoke`} class="inline">
                    <Csrf token={c.get('csrf')} />
                    <button type="submit" class="button secondary small">
                      停用<span class="visually-hidden">“{t.name}”</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
