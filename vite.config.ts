import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.resolve(import.meta.dirname, 'src/web');
const serviceWorkerSource = path.join(webRoot, 'pwa/sw.ts');
const SERVICE_WORKER_FILE = 'sw.js';

/** Every file under `dir`, as paths relative to it with forward slashes. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
}

/**
 * Builds `src/web/pwa/sw.ts` into `dist/web/sw.js` (a fixed name at the site root, so its
 * scope is the whole portal) and writes into it the list of files to precache plus a hash
 * of their contents. A new deploy therefore changes sw.js, which makes browsers install
 * the new worker and drop the old cache.
 */
function serviceWorker(): Plugin {
  // Resolved from the final config: scripts/web-build.mjs builds into a temporary folder.
  let outDir = '';
  return {
    name: 'kabinet-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: serviceWorkerSource, fileName: SERVICE_WORKER_FILE });
    },
    async closeBundle() {
      const files = (await listFiles(outDir))
        .filter((file) => !file.startsWith(SERVICE_WORKER_FILE) && !file.endsWith('.map'))
        .filter((file) => !file.startsWith('.vite/'))
        .sort();
      const hash = createHash('sha256');
      for (const file of files) {
        hash.update(file);
        hash.update(await readFile(path.join(outDir, file)));
      }
      // index.html is served (and cached) as `/`, the URL every client route falls back to.
      const urls = files.map((file) => (file === 'index.html' ? '/' : `/${file}`));
      const swPath = path.join(outDir, SERVICE_WORKER_FILE);
      const source = await readFile(swPath, 'utf8');
      if (!source.includes('__KABINET_PRECACHE__') || !source.includes('__KABINET_BUILD__')) {
        throw new Error(`${SERVICE_WORKER_FILE}: precache placeholders not found`);
      }
      // Filling in the list shifts every column, so the source map would lie: drop it.
      await rm(`${swPath}.map`, { force: true });
      const filled = source
        .replace(/\n\/\/# sourceMappingURL=.*$/m, '\n')
        .replaceAll('__KABINET_PRECACHE__', JSON.stringify(urls))
        .replaceAll('__KABINET_BUILD__', JSON.stringify(hash.digest('hex').slice(0, 16)));
      await writeFile(swPath, filled);
    },
  };
}

/** The API server that `npm run dev` starts next to Vite. */
const apiTarget = 'http://localhost:3000';

/** Vite's own URL for a source module of src/web/api (e.g. `/api/client.ts?t=1`). */
const WEB_API_MODULE = /^\/api\/[^?]*\.tsx?(\?|$)/;

export default defineConfig({
  root: webRoot,
  publicDir: path.join(webRoot, 'public'),
  plugins: [react(), serviceWorker()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across
        // deploys (and keep each file under Vite's 500 kB warning).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': {
        target: apiTarget,
        // The client's own folder is src/web/api, so in development its modules share the
        // /api/ prefix with the server: Vite serves those, everything else is proxied.
        bypass: (request) =>
          request.url && WEB_API_MODULE.test(request.url) ? request.url : undefined,
      },
      '/healthz': apiTarget,
      '/readyz': apiTarget,
      '/metrics': apiTarget,
    },
  },
  preview: { port: 4173 },
});
