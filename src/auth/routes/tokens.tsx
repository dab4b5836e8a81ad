/** 接口令牌 (/admin/api-tokens): the tokens of the units' OA systems for the JSON API. */
import { Hono, type Context } from 'hono';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { requireActor } from '../../platform/web/guards.js';
import { createToken, listTokens, revokeToken, tokenUnits } from '../tokens.js';
import { TokenPage } from '../views/tokens.js';

async function tokenPage(
  c: Context<AppEnv>,
  opts: { errors?: Errors; values?: Values; created?: string } = {},
  status = 200,
) {
  const actor = requireActor(c);
  const db = c.get('deps').db;
  const tokens = await listTokens(db, actor);
  const units = await tokenUnits(db, actor);
  const flash = c.req.query('done') === 'revoked' ? '已停用。' : undefined;
  return page(c, <TokenPage c={c} tokens={tokens} units={units} flash={flash} {...opts} />, status);
}

export function tokenAdminRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/api-tokens', (c) => tokenPage(c));
  r.post(
    '/api-tokens',
    formRoute({
      submit: async (c, body) => {
        const t = await createToken(c.get('deps').db, requireActor(c), body);
        return tokenPage(c, { created: t.token });
      },
      invalid: (c, body, errors) => tokenPage(c, { errors, values: body }, 422),
    }),
  );
  r.post('/api-tokens/:id{[0-9]+}/revoke', async (c) => {
    await revokeToken(c.get('deps').db, requireActor(c), Number(c.req.param('id')));
    return c.redirect('/admin/api-tokens?done=revoked', 303);
  });
  return r;
}
