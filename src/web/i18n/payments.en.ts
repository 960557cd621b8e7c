import type { paymentsRu } from './payments.ru.js';

/** English strings of the `payments` namespace (same keys as Russian). */
export const paymentsEn: typeof paymentsRu = {};
