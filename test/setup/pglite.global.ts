import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPglite, PGLITE_EXTENSIONS } from '../../src/server/infra/db.js';
import { prepareTemplate } from './template.js';

/** Migrates one in-memory PGlite and dumps it; each test file loads the dump (fast clone). */
export default async function setup(project: TestProject) {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = openPglite(client);
  await prepareTemplate(database);
  const dump = await client.dumpDataDir('none');
  const dir = path.resolve('.test-tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return () => {
    fs.rmSync(file, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
