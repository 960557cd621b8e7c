import type { Workload } from '../lib/workload.js';

/** The ceiling of this machine: Node's own HTTP server answering "hello". */
export const nodeHttp: Workload = {
  name: 'node-http',
  title: 'node:http "hello"',
  notes: 'node:http server answering a 5-byte text body; no framework.',
  kind: 'http',
  connections: 50,
  request: { method: 'GET', path: '/' },
  async start() {
    const http = await import('node:http');
    const server = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return {
      url: `http://127.0.0.1:${address.port}`,
      stop: () =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
          server.closeAllConnections();
        }),
    };
  },
};
