import type { ReactElement } from 'react';

/** The notification log in the console, relative to `/console`. */
export function notificationsConsoleRoutes(): ReactElement[] {
  return [];
}
