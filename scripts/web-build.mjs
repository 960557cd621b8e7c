// Builds the SPA when dist/web is missing or older than its sources (used by npm start).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const liveDir = path.join(root, 'dist/web');
const stampFile = path.join(liveDir, '.build-stamp');
const SOURCES = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full))
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when the web build is missing or stale. */
export function webBuildIsStale() {
  if (!fs.existsSync(stampFile)) return true;
  const built = Number(fs.readFileSync(stampFile, 'utf8'));
  return SOURCES.some((source) => newestMtime(source) > built);
}

export async function buildWebIfStale({ force = false } = {}) {
  if (!force && !webBuildIsStale()) return false;
  const startedAt = Date.now();
  console.log('Building the web app…');
  const { build } = await import('vite');
  // Build beside the live folder and swap it in, so a server (or a second `npm start`) never
  // sees a half-written build.
  const outDir = path.join(root, `dist/web.building-${process.pid}`);
  try {
    await build({
      root: path.join(root, 'src/web'),
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    fs.writeFileSync(path.join(outDir, '.build-stamp'), String(startedAt));
    fs.rmSync(liveDir, { recursive: true, force: true });
    try {
      fs.renameSync(outDir, liveDir);
    } catch (error) {
      // Another process swapped its build in first; it is as fresh as ours.
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error;
    }
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`Web app built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildWebIfStale({ force: process.argv.includes('--force') });
}
