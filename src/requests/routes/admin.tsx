/** The back office of 依申请公开: the queue, registration, the handling page with its steps, attachments and letters. */
import { type Context, Hono } from 'hono';
import { assertCan, can } from '../../platform/access.js';
import { NotFoundError } from '../../platform/errors.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import { sendFile } from '../../platform/web/download.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute, submitForm } from '../../platform/web/form.js';
import { formBody, requireActor } from '../../platform/web/guards.js';
import { todayInChina } from '../../calendar/dates.js';
import { receivingUnits, requestFile, requestPage } from '../detail.js';
import { documentFile } from '../letters.js';
import { queue } from '../queue.js';
import { confirmReceipt } from '../receipt.js';
import { register } from '../registration.js';
import { STEPS } from '../workflow.js';
import { QueuePage } from '../views/queue.js';
import { RegisterPage } from '../views/register.js';
import { RequestPage } from '../views/request.js';
import { type FormWithFiles, readWithFiles, scopeOf } from './common.js';

type C = Context<AppEnv>;

interface DetailOptions {
  errors?: Errors;
  status?: number;
  message?: string;
  /** The letter being edited when issuing it failed. */
  draft?: { kind: string; body: string };
  failed?: { step: string; consultationId?: string };
}

export function requestAdminRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/requests', async (c) => {
    const actor = requireActor(c);
    const state = c.req.query('state');
    const rows = await queue(c.get('deps').db, actor, { state });
    return page(c, <QueuePage c={c} rows={rows} state={state} canRegister={can(actor, 'request.register')} />);
  });

  const registerPage = async (c: C, values: Values, errors?: Errors, status = 200) =>
    page(
      c,
      <RegisterPage
        c={c}
        values={values}
        errors={errors}
        units={await receivingUnits(c.get('deps').db, scopeOf(c).code)}
      />,
      status,
    );
  r.get('/requests/new', (c) => {
    assertCan(requireActor(c), 'request.register', undefined, '您无权登记政府信息公开申请。');
    return registerPage(c, { submitted_on: todayInChina(), applicant_type: 'natural', id_type: 'resident_id' });
  });
  r.post(
    '/requests',
    formRoute<FormWithFiles>({
      read: readWithFiles,
      submit: async (c, f) => {
        const rec = await register(c.get('deps').db, requireActor(c), scopeOf(c), f.body, f.files);
        return c.redirect(
          `/admin/requests/${rec.id}?done=${rec.duplicate ? 'duplicate' : rec.missing.length ? 'incomplete' : 'registered'}`,
          303,
        );
      },
      invalid: (c, f, errors) => registerPage(c, f.body, errors, 422),
    }),
  );

  const detail = async (c: C, id: number, o: DetailOptions = {}) => {
    const v = await requestPage(c.get('deps').db, requireActor(c), id, {
      draft: c.req.query('draft') ?? o.draft?.kind,
      draftBody: o.draft?.body,
      countyCode: c.get('site')?.jurisdictionCode,
    });
    return page(
      c,
      <RequestPage
        c={c}
        id={id}
        v={v}
        today={todayInChina()}
        done={c.req.query('done')}
        errors={o.errors}
        message={o.message}
        failed={o.failed}
      />,
      o.status ?? 200,
    );
  };
  r.get('/requests/:id{[0-9]+}', (c) => detail(c, Number(c.req.param('id'))));
  r.get('/requests/:id{[0-9]+}/files/:file{[0-9]+}', async (c) => {
    const f = await requestFile(
      c.get('deps').db,
      requireActor(c),
      Number(c.req.param('id')),
      Number(c.req.param('file')),
    );
    return sendFile(c, f);
  });
  r.get('/requests/:id{[0-9]+}/documents/:doc{[0-9]+}', async (c) => {
    const pdf = c.req.query('format') === 'pdf';
    const f = await documentFile(
      c.get('deps').db,
      requireActor(c),
      Number(c.req.param('id')),
      Number(c.req.param('doc')),
      pdf ? 'pdf' : 'docx',
    );
    return c.body(new Uint8Array(f.body), 200, {
      'content-type': pdf
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="letter.${pdf ? 'pdf' : 'docx'}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
      'cache-control': 'no-store',
    });
  });
  r.post(
    '/requests/:id{[0-9]+}/confirm',
    formRoute({
      submit: async (c, body) => {
        const id = Number(c.req.param('id'));
        await confirmReceipt(c.get('deps').db, requireActor(c), id, body);
        return c.redirect(`/admin/requests/${id}?done=confirmed`, 303);
      },
      invalid: (c, _body, errors) => detail(c, Number(c.req.param('id')), { errors, status: 422 }),
    }),
  );
  r.post('/requests/:id{[0-9]+}/:step{[a-z-]+}', async (c) => {
    const step = c.req.param('step');
    const fn = STEPS[step.replace(/-/g, '_')];
    if (!fn) throw new NotFoundError();
    const actor = requireActor(c);
    const id = Number(c.req.param('id'));
    return submitForm(c, await formBody(c), {
      submit: async (c, body) => {
        await fn(c.get('deps').db, actor, id, body);
        return c.redirect(`/admin/requests/${id}?done=done`, 303);
      },
      invalid: (c, body, errors) =>
        detail(c, id, {
          errors,
          status: 422,
          message: errors._form,
          draft: step === 'document' ? { kind: body.kind ?? '', body: body.body ?? '' } : undefined,
          failed: { step, consultationId: body.consultation_id },
        }),
    });
  });
  return r;
}
