/** A unit's catalog page and its forms: 未涉及领域, submission, county and city review, 负面清单. */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { type FieldErrors, formRoute } from '../../platform/web/form.js';
import { requireActor } from '../../platform/web/guards.js';
import { catalogForUnit, setDomainNote } from '../catalogs.js';
import { isKind } from '../kinds.js';
import { addNegative, deleteNegative } from '../negative.js';
import { cityReview, review, submit } from '../review.js';
import { CatalogPage, type CatalogPageForm } from '../views/catalog.js';
import { catalogWorkspace } from '../workspace.js';
import { type C, dbOf, param } from './context.js';

const FLASH: Record<string, string> = {
  adopted: '已采用所选指引事项。',
  added: '已新增事项。',
  saved: '已保存。',
  deleted: '已删除事项。',
  submitted: '已提交县政府办公室审核。',
  returned: '已退回修改。',
  published: '审核通过，目录已发布。',
  imported: '已导入目录事项。',
  city_review: '县级审核通过，已报市级审核。',
  note: '已保存未涉及领域说明。',
};

/** A unit's catalog page; after a refused form, with what was entered and the errors (status 422). */
export async function renderCatalog(c: C, id: number, form: CatalogPageForm = {}, status = 200) {
  const v = await catalogWorkspace(dbOf(c), requireActor(c), id);
  return page(c, <CatalogPage c={c} v={v} flash={FLASH[c.req.query('done') ?? '']} opts={form} />, status);
}

/** The errors of a form without fields of its own on the page, shown as one message at the top. */
export const asMessage = (errors: FieldErrors): CatalogPageForm => ({ message: Object.values(errors).join('；') });

export function catalogRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/catalogs/unit/:unitId{[0-9]+}', async (c) => {
    const kind = c.req.query('kind');
    const id = await catalogForUnit(dbOf(c), requireActor(c), param(c, 'unitId'), isKind(kind) ? kind : 'standard');
    return c.redirect(`/admin/catalogs/${id}`, 303);
  });

  r.get('/catalogs/:id{[0-9]+}', (c) => renderCatalog(c, param(c, 'id')));

  r.post(
    '/catalogs/:id{[0-9]+}/domain-note',
    formRoute({
      submit: async (c, body) => {
        await setDomainNote(dbOf(c), requireActor(c), param(c, 'id'), body.domain ?? '', body.reason ?? '');
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=note`, 303);
      },
      invalid: (c, _body, errors) => renderCatalog(c, param(c, 'id'), asMessage(errors), 422),
    }),
  );

  r.post(
    '/catalogs/:id{[0-9]+}/submit',
    formRoute({
      submit: async (c, body) => {
        await submit(dbOf(c), requireActor(c), param(c, 'id'), body);
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=submitted`, 303);
      },
      invalid: (c, body, errors, message) => renderCatalog(c, param(c, 'id'), { errors, message, values: body }, 422),
    }),
  );

  r.post(
    '/catalogs/:id{[0-9]+}/review',
    formRoute({
      submit: async (c, body) => {
        const result = await review(dbOf(c), requireActor(c), param(c, 'id'), body);
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=${result}`, 303);
      },
      invalid: (c, body, errors) => renderCatalog(c, param(c, 'id'), { reviewErrors: errors, values: body }, 422),
    }),
  );

  r.post(
    '/catalogs/:id{[0-9]+}/city-review',
    formRoute({
      submit: async (c, body) => {
        const result = await cityReview(dbOf(c), requireActor(c), param(c, 'id'), body);
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=${result}`, 303);
      },
      invalid: (c, _body, errors) => renderCatalog(c, param(c, 'id'), { reviewErrors: errors }, 422),
    }),
  );

  r.post(
    '/catalogs/:id{[0-9]+}/negatives',
    formRoute({
      submit: async (c, body) => {
        await addNegative(dbOf(c), requireActor(c), param(c, 'id'), {
          name: body.neg_name,
          content: body.neg_content,
          reason: body.neg_reason,
          basis: body.neg_basis,
        });
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=saved#negatives`, 303);
      },
      invalid: (c, body, errors) =>
        renderCatalog(
          c,
          param(c, 'id'),
          {
            negErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [`neg_${k}`, v])),
            negValues: body,
          },
          422,
        ),
    }),
  );

  r.post('/catalog-negatives/:nid{[0-9]+}/delete', async (c) => {
    const catalogId = await deleteNegative(dbOf(c), requireActor(c), param(c, 'nid'));
    return c.redirect(`/admin/catalogs/${catalogId}?done=saved#negatives`, 303);
  });

  return r;
}
