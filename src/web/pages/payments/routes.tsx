import type { ReactElement } from 'react';
import { Route } from 'react-router';
import { PaymentResultPage } from './payment-result.page.js';
import { PaymentsHistoryPage } from './payments-history.page.js';

/** The cabinet's payment pages (signed in): the history and the return page with receipts. */
export function paymentsRoutes(): ReactElement[] {
  return [
    <Route key="payments" path="payments" element={<PaymentsHistoryPage />} />,
    <Route key="payment" path="payments/:id" element={<PaymentResultPage />} />,
  ];
}

/** Payment pages anyone may open (buying a course without an account): none yet. */
export function paymentsPublicRoutes(): ReactElement[] {
  return [];
}
