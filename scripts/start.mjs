// npm start: build the web app if needed, then run the server (migrations run at start-up).
import { register } from 'tsx/esm/api';
import { buildWebIfStale } from './web-build.mjs';

await buildWebIfStale();
register();
const { runServerProcess } = await import('../src/server/main.ts');
await runServerProcess();
