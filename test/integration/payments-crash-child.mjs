// The server as `npm start` runs it, minus the web build: the payments SIGKILL test starts it
// with KABINET_PAYMENTS_FAULT set, so it dies right after the provider answered.
import { register } from 'tsx/esm/api';

register();
const { runServerProcess } = await import('../../src/server/main.ts');
await runServerProcess();
