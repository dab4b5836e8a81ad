import { Hono, type Context } from 'hono';
import type { AppEnv } from '../platform/web/env.js';
import { AdminLayout, page } from '../platform/ui/layout.js';
import {
  Csrf,
  ErrorSummary,
  SelectField,
  TextField,
  formatTime,
  type Errors,
  type Values,
} from '../platform/ui/forms.js';
import { ValidationError } from '../platform/errors.js';
import { requireActor, formBody } from '../platform/web/guards.js';
import * as org from '../org/service.js';
import { createToken, revokeToken, listTokens } from './tokens.js';

export function tokenAdminRoutes() {
  const r = new Hono<AppEnv>();
  const view = async (
    c: Context<AppEnv>,
    opts: { errors?: Errors; values?: Values; created?: string } = {},
    status = 200,
  ) => {
    const actor = requireActor(c);
    const tokens = await listTokens(c.get('deps').db, actor);
    const units = (await org.listUnits(c.get('deps').db, actor, { activeOnly: true })).filter(
      (u) => u.receives_requests === 1,
    );
    return page(
      c,
      <AdminLayout
        c={c}
        title="接口令牌"
        current="tokens"
        flash={c.req.query('done') === 'revoked' ? '已停用。' : undefined}
      >
        <p class="muted">
          单位的办公系统可以通过 JSON 接口登记申请和办理事件（说明见{' '}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
          ）。令牌的身份为该单位的依申请办理员，只显示一次，请妥善保存。
        </p>
        {opts.created ? (
          <p class="notice" role="status">
            新令牌：<code>{opts.created}</code>（只显示这一次）
          </p>
        ) : null}
        <form method="post" action="/admin/api-tokens" class="form" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary errors={opts.errors} labels={{ unit_id: '单位', name: '令牌名称' }} />
          <SelectField
            name="unit_id"
            label="单位"
            values={opts.values ?? {}}
            errors={opts.errors}
            required
            placeholder="（请选择）"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <TextField
            name="name"
            label="令牌名称"
            values={opts.values ?? {}}
            errors={opts.errors}
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
      </AdminLayout>,
      status,
    );
  };
  r.get('/api-tokens', (c) => view(c));
  r.post('/api-tokens', async (c) => {
    const body = await formBody(c);
    try {
      const t = await createToken(c.get('deps').db, requireActor(c), body);
      return view(c, { created: t.token });
    } catch (err) {
      if (err instanceof ValidationError) return view(c, { errors: err.fieldErrors, values: body }, 422);
      throw err;
    }
  });
  r.post('/api-tokens/:id{[0-9]+}/revoke', async (c) => {
    await revokeToken(c.get('deps').db, requireActor(c), Number(c.req.param('id')));
    return c.redirect('/admin/api-tokens?done=revoked', 303);
  });
  return r;
}
