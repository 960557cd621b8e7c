import type { ReactElement } from 'react';

/** The cabinet's payment pages (signed in): history, the return page, receipts. */
export function paymentsRoutes(): ReactElement[] {
  return [];
}

/** Payment pages anyone may open (buying a course without an account). */
export function paymentsPublicRoutes(): ReactElement[] {
  return [];
}
