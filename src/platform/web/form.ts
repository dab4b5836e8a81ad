/**
 * The back office's form pattern in one place: read the form, call the service, and either go on
 * (usually a redirect) or, when the service rejects the input with a ValidationError, render the
 * same page again with the values and one message per field (status 422). Nothing else is caught:
 * other errors reach the app's error page.
 */
import type { Context, Handler } from 'hono';
import { ConflictError, ValidationError } from '../errors.js';
import type { AppEnv } from './env.js';
import { formBody } from './guards.js';

type C = Context<AppEnv>;
export type FieldErrors = Record<string, string>;

export interface FormOptions<F> {
  /** Read the submitted fields (default: the form's text fields). */
  read?: (c: C) => Promise<F>;
  /** Call the service and answer (a redirect, a download…). */
  submit: (c: C, fields: F) => Promise<Response>;
  /** Render the form again with the errors; called with status 422. */
  invalid: (c: C, fields: F, errors: FieldErrors, message: string) => Promise<Response> | Response;
  /** Also re-render on a ConflictError that names fields (e.g. a duplicate name). */
  conflicts?: boolean;
}

/** Run `submit`; on a ValidationError (or a field ConflictError when asked) call `invalid`. */
export async function submitForm<F>(c: C, fields: F, opts: Omit<FormOptions<F>, 'read'>): Promise<Response> {
  try {
    return await opts.submit(c, fields);
  } catch (err) {
    if (err instanceof ValidationError) return opts.invalid(c, fields, err.fieldErrors, err.message);
    if (opts.conflicts && err instanceof ConflictError && Object.keys(err.fieldErrors).length)
      return opts.invalid(c, fields, err.fieldErrors, err.message);
    throw err;
  }
}

/** A POST handler for a form (see FormOptions). */
export function formRoute<F = Record<string, string>>(opts: FormOptions<F>): Handler<AppEnv> {
  return async (c) => {
    const fields = opts.read ? await opts.read(c) : ((await formBody(c)) as F);
    return submitForm(c, fields, opts);
  };
}
