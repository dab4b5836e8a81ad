/**
 * The HTTP server. Cached public pages are written straight from memory (no Request/Response
 * objects, no middleware); everything else goes through the app.
 */
import http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { cacheKey, isCacheablePath, type PageCache } from './page-cache.js';

export function createServer(app: Hono<AppEnv>, pages: PageCache | null): http.Server {
  const listener = getRequestListener(app.fetch);
  return http.createServer((req, res) => {
    if (pages && req.method === 'GET' && req.url) {
      const q = req.url.indexOf('?');
      const path = q < 0 ? req.url : req.url.slice(0, q);
      if (isCacheablePath(path)) {
        const hit = pages.peek(cacheKey(req.headers.host, req.headers.cookie, req.url));
        if (hit) {
          res.writeHead(200, hit.raw);
          res.end(hit.body);
          return;
        }
      }
    }
    void listener(req, res);
  });
}
