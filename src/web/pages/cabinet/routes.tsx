import { Route } from 'react-router';
import { BalancePage } from './balance.page.js';
import { DuePage } from './due.page.js';
import { SchedulePage } from './schedule.page.js';
import { SubscriptionsPage } from './subscriptions.page.js';
import { VisitsPage } from './visits.page.js';

/** The cabinet's pages (signed in); the home blocks live on the home page. */
export function cabinetRoutes() {
  return (
    <>
      <Route path="cabinet/schedule" element={<SchedulePage />} />
      <Route path="cabinet/visits" element={<VisitsPage />} />
      <Route path="cabinet/subscriptions" element={<SubscriptionsPage />} />
      <Route path="cabinet/balance" element={<BalancePage />} />
      <Route path="cabinet/due" element={<DuePage />} />
    </>
  );
}
