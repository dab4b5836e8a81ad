import { z } from 'zod';
import { ValidationError } from './errors.js';

// Chinese messages for every built-in zod check.
z.config(z.locales.zhCN());

/** Parse input with a zod schema; on failure throw a ValidationError keyed by field name. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    if (!fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  throw new ValidationError(fieldErrors);
}

/** A trimmed text field; empty strings become undefined for optional fields. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

export const requiredText = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

export { z };
