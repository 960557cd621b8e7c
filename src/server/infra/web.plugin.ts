import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './app-error.js';

/** Serves the built SPA; client-side routes fall back to index.html. API 404s stay JSON. */
export const webPlugin = fp(
  async (app: FastifyInstance, { distDir }: { distDir: string }) => {
    const indexPath = path.join(distDir, 'index.html');
    if (!fs.existsSync(indexPath)) {
      app.log.warn(`No web build at ${distDir}: run "npm run build" (npm start does it for you)`);
      return;
    }
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        // Hashed assets never change; the shell and the service worker must revalidate.
        const cacheable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader(
          'cache-control',
          cacheable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const sendIndex = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html');
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      // API routes and missing files (an old hashed asset, a typo) are real 404s; only client
      // routes such as /tickets/42 get the shell. A 200 HTML answer for a script breaks the page.
      const pathname = request.url.split('?')[0] ?? '';
      if (pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(pathname)) {
        throw new AppError('route_not_found');
      }
      return sendIndex(reply);
    });
  },
  { name: 'web' },
);
