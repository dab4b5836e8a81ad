/** The portal's pages of 依申请公开: the online form with its receipt, and the status query by 申请编号 + 查询码. */
import { type Context, Hono } from 'hono';
import { RateLimited } from '../../platform/intake.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formBody } from '../../platform/web/guards.js';
import { receivingUnits } from '../detail.js';
import { submitOnline } from '../registration.js';
import { publicStatus, QueryThrottled } from '../status.js';
import { APPLY_DEFAULTS, ApplyPage } from '../views/apply.js';
import { QueryPage } from '../views/query.js';
import { StatusPage } from '../views/status.js';
import { SubmittedPage } from '../views/submitted.js';
import { type FormWithFiles, publicFormRoute, readWithFiles, scopeOf } from './common.js';

type C = Context<AppEnv>;

export function requestPortalRoutes() {
  const r = new Hono<AppEnv>();

  const applyPage = async (c: C, values: Values = APPLY_DEFAULTS, errors?: Errors, message?: string, status = 200) =>
    page(
      c,
      <ApplyPage
        c={c}
        values={values}
        errors={errors}
        message={message}
        units={await receivingUnits(c.get('deps').db, scopeOf(c).code)}
      />,
      status,
    );
  r.get('/ysqgk/apply', (c) => applyPage(c));
  r.post(
    '/ysqgk/apply',
    publicFormRoute<FormWithFiles>({
      read: readWithFiles,
      submit: async (c, f) => {
        const rec = await submitOnline(c.get('deps').db, scopeOf(c), f.body, c.get('ip'), f.files);
        return page(c, <SubmittedPage c={c} rec={rec} />);
      },
      invalid: (c, f, errors) => applyPage(c, f.body, errors, errors._form, 422),
      limitedBy: RateLimited,
      limited: (c, f, err) => applyPage(c, f.body, undefined, err.message, 429),
    }),
  );

  const queryPage = (c: C, values: Values = {}, errors?: Errors, status = 200) =>
    page(c, <QueryPage c={c} values={values} errors={errors} />, status);
  r.get('/ysqgk/query', (c) => queryPage(c));
  r.post(
    '/ysqgk/query',
    publicFormRoute<Record<string, string>>({
      read: formBody,
      submit: async (c, body) => {
        const s = await publicStatus(
          c.get('deps').db,
          scopeOf(c).code,
          body.number ?? '',
          body.code ?? '',
          c.get('ip'),
        );
        return page(c, <StatusPage c={c} s={s} />);
      },
      invalid: (c, body, errors) => queryPage(c, { number: body.number }, errors, 422),
      limitedBy: QueryThrottled,
      limited: (c, body, err) => queryPage(c, { number: body.number }, { number: err.message }, 429),
    }),
  );
  return r;
}
