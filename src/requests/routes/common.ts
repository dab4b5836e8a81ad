/** What the request routes share: the portal's county, uploaded files, and public forms that may be refused for too many attempts. */
import type { Context, Handler } from 'hono';
import { NotFoundError } from '../../platform/errors.js';
import type { Upload } from '../../platform/files.js';
import type { AppEnv } from '../../platform/web/env.js';
import { type FormOptions, formRoute } from '../../platform/web/form.js';
import { formBody } from '../../platform/web/guards.js';

type C = Context<AppEnv>;

/** The county (portal) of the request: the site's jurisdiction. */
export function scopeOf(c: C) {
  const s = c.get('site');
  if (!s) throw new NotFoundError('本平台尚未初始化。');
  return { code: s.jurisdictionCode, jurisdictionId: s.jurisdictionId, name: s.jurisdictionName };
}

/** Files of the multipart field `attachments` (several allowed). */
export async function uploads(c: C): Promise<Upload[]> {
  const body = await c.req.parseBody({ all: true });
  const list = ([] as unknown[]).concat(body.attachments ?? []);
  const out: Upload[] = [];
  for (const f of list)
    if (f instanceof File && f.size > 0) out.push({ name: f.name, data: Buffer.from(await f.arrayBuffer()) });
  return out;
}

/** A form with its attachments. */
export interface FormWithFiles {
  body: Record<string, string>;
  files: Upload[];
}

export const readWithFiles = async (c: C): Promise<FormWithFiles> => ({
  body: await formBody(c),
  files: await uploads(c),
});

// biome-ignore lint/suspicious/noExplicitAny: any error class
type ErrorClass = abstract new (...args: any[]) => Error;

/**
 * formRoute for a public form that may also be refused for too many attempts (429): `limited`
 * renders the page again with that refusal; other errors go on as formRoute lets them.
 */
export function publicFormRoute<F>(
  opts: FormOptions<F> & { limitedBy: ErrorClass; limited: (c: C, fields: F, err: Error) => Promise<Response> },
): Handler<AppEnv> {
  return formRoute<F>({
    ...opts,
    submit: (c, fields) =>
      opts.submit(c, fields).catch((err: unknown) => {
        if (err instanceof opts.limitedBy) return opts.limited(c, fields, err);
        throw err;
      }),
  });
}
