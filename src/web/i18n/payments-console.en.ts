import type { paymentsConsoleRu } from './payments-console.ru.js';

/** English strings of the `paymentsConsole` namespace (same keys as Russian). */
export const paymentsConsoleEn: typeof paymentsConsoleRu = {};
