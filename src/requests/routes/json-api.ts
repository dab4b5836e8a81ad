/**
 * JSON API for a unit's OA system (authenticated with per-unit tokens, `Authorization: Bearer gk_…`):
 * register requests, read them, and record their events. Documented at /api/v1/openapi.json.
 */
import { type Context, Hono } from 'hono';
import { actorForToken } from '../../auth/tokens.js';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/web/env.js';
import { getRequest } from '../detail.js';
import { queue } from '../queue.js';
import { register } from '../registration.js';
import { EVENTS } from '../workflow.js';
import { OPENAPI } from './openapi.js';

type C = Context<AppEnv>;

async function actor(c: C) {
  const h = c.req.header('authorization') ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(h)?.[1];
  const a = token ? await actorForToken(c.get('deps').db, token, c.get('ip')) : null;
  if (!a) throw Object.assign(new AppError('缺少或无效的接口令牌（Authorization: Bearer gk_…）', 401), { api: true });
  return a;
}

async function json(c: C): Promise<Record<string, unknown>> {
  try {
    const body = await c.req.json();
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error();
    return Object.fromEntries(
      Object.entries(body as Record<string, unknown>).map(([k, v]) => [
        k,
        v === null || v === undefined ? '' : String(v),
      ]),
    );
  } catch {
    throw new ValidationError({ _body: '请求体应为 JSON 对象' });
  }
}

/** Errors as JSON: 422 with one message per field, or the error's status with its message. */
const api =
  (handler: (c: C) => Promise<Response>) =>
  async (c: C): Promise<Response> => {
    try {
      return await handler(c);
    } catch (err) {
      if (err instanceof ValidationError)
        return c.json(
          { error: Object.values(err.fieldErrors).join('；') || err.message, fields: err.fieldErrors },
          422,
        );
      if (err instanceof AppError) return c.json({ error: err.message }, err.status as 401);
      throw err;
    }
  };

export function requestApiRoutes() {
  const r = new Hono<AppEnv>();
  r.get(
    '/requests',
    api(async (c) => c.json({ items: await queue(c.get('deps').db, await actor(c), { state: c.req.query('state') }) })),
  );
  r.post(
    '/requests',
    api(async (c) => {
      const a = await actor(c);
      const body = await json(c);
      const site = c.get('site');
      if (!site) throw new NotFoundError('本平台尚未初始化。');
      const rec = await register(
        c.get('deps').db,
        a,
        { code: site.jurisdictionCode, jurisdictionId: site.jurisdictionId },
        { unit_id: String(a.grants[0].unitId), ...body },
      );
      return c.json(
        {
          id: rec.id,
          number: rec.number,
          queryCode: rec.code,
          duplicate: rec.duplicate,
          status: rec.status,
          receivedOn: rec.receivedOn,
          due: rec.due,
          missing: rec.missing,
          correctionNoticeDue: rec.correctionNoticeDue,
        },
        rec.duplicate ? 200 : 201,
      );
    }),
  );
  r.get(
    '/requests/:id{[0-9]+}',
    api(async (c) => {
      const v = await getRequest(c.get('deps').db, await actor(c), Number(c.req.param('id')));
      return c.json({
        request: v.request,
        unit: v.unit.name,
        events: v.events,
        due: v.clock?.result.due ?? null,
        clock: v.clock?.status ?? null,
        missing: v.missing,
        needsCorrection: v.needsCorrection,
        correctionNoticeDue: v.needsCorrection ? (v.noticeClock?.result.due ?? null) : null,
        consultations: v.consultations.map(({ steps: _steps, ...c }) => c),
      });
    }),
  );
  r.post(
    '/requests/:id{[0-9]+}/events',
    api(async (c) => {
      const a = await actor(c);
      const body = await json(c);
      const fn = EVENTS[String(body.type ?? '')];
      if (!fn) throw new ValidationError({ type: `未知的事件类型，可选：${Object.keys(EVENTS).join('、')}` });
      const id = Number(c.req.param('id'));
      await fn(c.get('deps').db, a, id, body);
      const v = await getRequest(c.get('deps').db, a, id);
      return c.json({ status: v.request.status, due: v.clock?.result.due ?? null, clock: v.clock?.status ?? null });
    }),
  );
  r.get('/openapi.json', (c) => c.json(OPENAPI));
  return r;
}
