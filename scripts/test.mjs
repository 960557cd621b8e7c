// npm test: every gate in order — format, lint, types, migration drift, unit + integration
// (PGlite and PostgreSQL), web build, browser journeys — then one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildWebIfStale } from './web-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.test-tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const startedAt = Date.now();
const results = [];

function run(label, command, args, options = {}) {
  const began = Date.now();
  console.log(`\n▶ ${label}`);
  const child = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  const ok = child.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A static gate counts as one test. */
function gate(label, command, args) {
  const ok = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

/** A Vitest run counts its tests (from its JSON report); a crash without a report is a failure. */
function vitest(label, args) {
  const report = path.join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(label, bin('vitest'), [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!fs.existsSync(report)) {
    results.push({ label, passed: 0, failed: 1 });
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  const failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
  results.push({ label, passed: json.numPassedTests, failed });
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromium)) return;
  console.log('Chromium is missing: installing Debian’s chromium package…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) =>
    spawnSync(
      sudo[0] ?? 'apt-get',
      [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args],
      {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      },
    );
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'chromium']);
}

function migrationDrift() {
  // Generating from the schema into a copy of migrations/ must produce nothing new.
  const copy = path.join(tmp, 'migrations-check');
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'migrations'), copy, { recursive: true });
  const before = fs.readdirSync(copy).length;
  const child = spawnSync(
    bin('drizzle-kit'),
    ['generate', '--dialect', 'postgresql', '--schema', './src/server/schema.ts', '--out', copy],
    { cwd: root, encoding: 'utf8' },
  );
  const drifted = child.status !== 0 || fs.readdirSync(copy).length !== before;
  console.log(
    `\n▶ migrations match the schema\n${drifted ? '✘ the schema changed without a migration: run npm run db:generate' : '✔ no drift'}`,
  );
  if (child.status !== 0) console.log(child.stdout, child.stderr);
  results.push({ label: 'migration drift', passed: drifted ? 0 : 1, failed: drifted ? 1 : 0 });
}

gate('format (prettier)', bin('prettier'), ['--check', '.']);
gate('lint (eslint)', bin('eslint'), ['.']);
gate('types: server', bin('tsc'), ['--noEmit', '-p', 'tsconfig.server.json']);
gate('types: web', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
migrationDrift();
vitest('unit and integration (PGlite, PostgreSQL)', [
  '--project',
  'unit',
  '--project',
  'pglite',
  '--project',
  'postgres',
]);

ensureChromium();
let built = false;
try {
  await buildWebIfStale();
  built = true;
} catch (error) {
  console.error(error);
}
results.push({ label: 'web build', passed: built ? 1 : 0, failed: built ? 0 : 1 });
if (built) vitest('browser journeys (Chromium)', ['--config', 'vitest.e2e.config.ts']);

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log('\nResults:');
for (const r of results)
  console.log(`  ${r.failed ? '✘' : '✔'} ${r.label}: ${r.passed} passed, ${r.failed} failed`);
console.log(`  total time ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
