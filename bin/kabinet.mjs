#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx's loader; see docs/adr/0002-typescript-at-runtime.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
