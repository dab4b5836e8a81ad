import type { Context } from 'hono';

/**
 * Send a stored file. RFC 6266 / RFC 5987: an ASCII fallback name and the real (Chinese) name
 * percent-encoded in UTF-8; the type is never sniffed. Staff files are not cached at all.
 */
export function sendFile(
  c: Context,
  f: { name: string; mime: string; data: Buffer },
  opts: { inline?: boolean; cache?: string } = {},
): Response {
  return c.body(new Uint8Array(f.data), 200, {
    'content-type': f.mime,
    'content-disposition': `${opts.inline ? 'inline' : 'attachment'}; filename="attachment"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': opts.cache ?? 'no-store',
  });
}
