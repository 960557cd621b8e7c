import { Route } from 'react-router';
import { DebtsPage } from './debts.page.js';
import { StudentMoneyPage } from './student-money.page.js';
import { SubscriptionTypesPage } from './subscription-types.page.js';
import { SubscriptionsPage } from './subscriptions.page.js';

/** Billing's console pages, relative to `/console` (inside its staff-only route). */
export function billingConsoleRoutes() {
  return [
    <Route
      key="subscription-types"
      path="subscription-types"
      element={<SubscriptionTypesPage />}
    />,
    <Route key="subscriptions" path="subscriptions" element={<SubscriptionsPage />} />,
    <Route key="debts" path="debts" element={<DebtsPage />} />,
    <Route key="student-money" path="students/:id/money" element={<StudentMoneyPage />} />,
  ];
}
