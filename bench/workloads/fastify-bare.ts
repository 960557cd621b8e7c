import type { Workload } from '../lib/workload.js';

/** What Fastify itself costs: no plugins, no logger, one route. */
export const fastifyBare: Workload = {
  name: 'fastify-bare',
  title: 'Fastify bare "hello"',
  notes: 'Fastify 5 with no plugins and no logger; one GET route returning a string.',
  kind: 'http',
  connections: 50,
  request: { method: 'GET', path: '/' },
  async start() {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.get('/', () => 'hello');
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return { url, stop: () => app.close() };
  },
};
