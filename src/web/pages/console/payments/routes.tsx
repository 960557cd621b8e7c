import type { ReactElement } from 'react';
import { Route } from 'react-router';
import { PaymentDetailPage } from './payment-detail.page.js';
import { PaymentsConsolePage } from './payments.page.js';
import { ReconciliationPage } from './reconciliation.page.js';

/** Payments in the console, relative to `/console`: list, detail with refunds, reconciliation. */
export function paymentsConsoleRoutes(): ReactElement[] {
  return [
    <Route key="payments" path="payments" element={<PaymentsConsolePage />} />,
    <Route
      key="payments-reconciliation"
      path="payments/reconciliation"
      element={<ReconciliationPage />}
    />,
    <Route key="payment" path="payments/:id" element={<PaymentDetailPage />} />,
  ];
}
