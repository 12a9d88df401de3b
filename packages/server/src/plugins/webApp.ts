import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built web app (packages/web/dist), next to this package in the repository. */
export const webAppFolder = new URL('../../../web/dist/', import.meta.url).pathname;

/**
 * Serves the web app at `/`: its files, and its index page for every other GET that is not an
 * API route and asks for HTML (the app's own addresses, e.g. /units/VN-08?period=2024, so that
 * they can be shared and reloaded). Hashed assets are cached for a year, the page never.
 */
export async function registerWebApp(
  app: FastifyInstance,
  folder = webAppFolder,
): Promise<boolean> {
  if (!existsSync(`${folder}index.html`)) return false;
  await app.register(fastifyStatic, {
    root: folder,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build writes .br and .gz copies (scripts/compress-web.mjs): sent as the client accepts.
    preCompressed: true,
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  return true;
}

/** Whether a request that matched no route should get the web app's page rather than a 404 problem. */
export function wantsWebPage(method: string, url: string, accept: string | undefined): boolean {
  return (
    method === 'GET' &&
    !url.startsWith('/api/') &&
    url !== '/api' &&
    (accept ?? '').includes('text/html')
  );
}
