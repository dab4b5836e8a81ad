/** Filling and editing a catalog: adoption from the guidelines, picking from other catalogs, the item forms. */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute, submitForm } from '../../platform/web/form.js';
import { formBody, requireActor } from '../../platform/web/guards.js';
import { adoptionForm, adoptRows, copyItems, pickingForm } from '../adopt.js';
import { addItem, deleteItem, editItemForm, getItemForEdit, newItemForm, updateItem } from '../items.js';
import { AdoptPage } from '../views/adopt.js';
import { itemValues } from '../views/components.js';
import { ItemFormPage } from '../views/item-form.js';
import { PickPage } from '../views/pick.js';
import { asMessage, renderCatalog } from './catalogs.js';
import { dbOf, idsOf, param } from './context.js';

export function itemRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/catalogs/:id{[0-9]+}/adopt', async (c) => {
    const id = param(c, 'id');
    const x = await adoptionForm(dbOf(c), requireActor(c), id, c.req.query('domain') ?? '');
    return page(c, <AdoptPage c={c} id={id} domain={x.domain} />);
  });

  r.post(
    '/catalogs/:id{[0-9]+}/adopt',
    formRoute({
      read: (c) => c.req.parseBody({ all: true }),
      submit: async (c, body) => {
        await adoptRows(dbOf(c), requireActor(c), param(c, 'id'), String(body.domain ?? ''), idsOf(body.rows));
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=adopted`, 303);
      },
      invalid: (c, _body, errors) => renderCatalog(c, param(c, 'id'), asMessage(errors), 422),
    }),
  );

  r.get('/catalogs/:id{[0-9]+}/pick', async (c) => {
    const id = param(c, 'id');
    const x = await pickingForm(dbOf(c), requireActor(c), id);
    return page(c, <PickPage c={c} id={id} kind={x.catalog.kind} categories={x.categories} items={x.items} />);
  });

  r.post(
    '/catalogs/:id{[0-9]+}/pick',
    formRoute({
      read: (c) => c.req.parseBody({ all: true }),
      submit: async (c, body) => {
        await copyItems(dbOf(c), requireActor(c), param(c, 'id'), idsOf(body.items), String(body.category ?? ''));
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=added`, 303);
      },
      invalid: (c, _body, errors) => renderCatalog(c, param(c, 'id'), asMessage(errors), 422),
    }),
  );

  r.get('/catalogs/:id{[0-9]+}/items/new', async (c) => {
    const id = param(c, 'id');
    const x = await newItemForm(dbOf(c), requireActor(c), id, { editable: true });
    return page(
      c,
      <ItemFormPage
        c={c}
        title={`新增事项：${x.unit.name}`}
        action={`/admin/catalogs/${id}/items`}
        values={{
          subject: x.unit.name,
          mode_proactive: true,
          audience_public: true,
          channel_0: true,
          responsible_unit_id: x.unit.id,
        }}
        back={`/admin/catalogs/${id}`}
        units={x.units}
        categories={x.categories}
      />,
    );
  });

  r.post(
    '/catalogs/:id{[0-9]+}/items',
    formRoute({
      submit: async (c, body) => {
        await addItem(dbOf(c), requireActor(c), param(c, 'id'), body);
        return c.redirect(`/admin/catalogs/${param(c, 'id')}?done=added`, 303);
      },
      invalid: async (c, body, errors) => {
        const id = param(c, 'id');
        const x = await newItemForm(dbOf(c), requireActor(c), id);
        return page(
          c,
          <ItemFormPage
            c={c}
            title="新增事项"
            action={`/admin/catalogs/${id}/items`}
            values={body}
            errors={errors}
            back={`/admin/catalogs/${id}`}
            units={x.units}
            categories={x.categories}
          />,
          422,
        );
      },
    }),
  );

  r.get('/catalog-items/:itemId{[0-9]+}/edit', async (c) => {
    const x = await editItemForm(dbOf(c), requireActor(c), param(c, 'itemId'));
    return page(
      c,
      <ItemFormPage
        c={c}
        title={`编辑事项：${x.unit.name}`}
        action={`/admin/catalog-items/${x.item.id}`}
        values={itemValues(x.item)}
        back={`/admin/catalogs/${x.catalog.id}`}
        units={x.units}
        categories={x.categories}
      />,
    );
  });

  r.post('/catalog-items/:itemId{[0-9]+}', async (c) => {
    const actor = requireActor(c);
    const itemId = param(c, 'itemId');
    const { catalog } = await getItemForEdit(dbOf(c), actor, itemId);
    return submitForm(c, await formBody(c), {
      submit: async (c, body) => {
        await updateItem(dbOf(c), actor, itemId, body);
        return c.redirect(`/admin/catalogs/${catalog.id}?done=saved#item-${itemId}`, 303);
      },
      invalid: async (c, body, errors) => {
        const x = await editItemForm(dbOf(c), actor, itemId);
        return page(
          c,
          <ItemFormPage
            c={c}
            title="编辑事项"
            action={`/admin/catalog-items/${itemId}`}
            values={body}
            errors={errors}
            back={`/admin/catalogs/${catalog.id}`}
            units={x.units}
            categories={x.categories}
          />,
          422,
        );
      },
    });
  });

  r.post('/catalog-items/:itemId{[0-9]+}/delete', async (c) => {
    const actor = requireActor(c);
    const itemId = param(c, 'itemId');
    const { catalog } = await getItemForEdit(dbOf(c), actor, itemId);
    await deleteItem(dbOf(c), actor, itemId);
    return c.redirect(`/admin/catalogs/${catalog.id}?done=deleted`, 303);
  });

  return r;
}
