import type { ReactElement } from 'react';
import { Route } from 'react-router';
import { NotificationsSearchPage } from './notifications-search.page.js';
import { PersonNotificationsPage } from './person-notifications.page.js';

/** The notification log in the console, relative to `/console`. */
export function notificationsConsoleRoutes(): ReactElement[] {
  return [
    <Route key="notifications" path="notifications" element={<NotificationsSearchPage />} />,
    <Route
      key="notifications-person"
      path="notifications/:userId"
      element={<PersonNotificationsPage />}
    />,
  ];
}
