import type { ReactElement } from 'react';

/** Payments in the console, relative to `/console`: list, detail with refunds, reconciliation. */
export function paymentsConsoleRoutes(): ReactElement[] {
  return [];
}
