/** The back office's form pattern: a ValidationError re-renders the form (422) with the values and one message per field. */
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../errors.js';
import type { AppEnv } from './env.js';
import { formRoute } from './form.js';

function app() {
  const r = new Hono<AppEnv>();
  r.post(
    '/units',
    formRoute({
      submit: async (c, f) => {
        if (!f.name) throw new ValidationError({ name: '请填写单位名称' });
        if (f.name === '重名') throw new ConflictError('已有同名单位', { name: '已有同名单位' });
        if (f.name === '冲突') throw new ConflictError('该单位刚被他人修改');
        return c.redirect('/units/1?done=created', 303);
      },
      invalid: (c, f, errors) => c.json({ values: f, errors }, 422),
      conflicts: true,
    }),
  );
  r.onError((err, c) => c.text(err.message, 500));
  return r;
}

const post = (body: Record<string, string>) =>
  app().request('/units', {
    method: 'POST',
    body: new URLSearchParams(body),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

it('goes on when the service accepts the form', async () => {
  const res = await post({ name: '示范县民政局' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/units/1?done=created');
});

it('renders the form again with the values and the field messages', async () => {
  const res = await post({ name: '', note: '备注', _csrf: 'x' });
  expect(res.status).toBe(422);
  expect(await res.json()).toEqual({ values: { name: '', note: '备注' }, errors: { name: '请填写单位名称' } });
});

it('re-renders on a conflict that names a field, and lets any other error through', async () => {
  const dup = await post({ name: '重名' });
  expect(dup.status).toBe(422);
  expect((await dup.json()).errors).toEqual({ name: '已有同名单位' });
  const other = await post({ name: '冲突' });
  expect(other.status).toBe(500);
  expect(await other.text()).toBe('该单位刚被他人修改');
});
