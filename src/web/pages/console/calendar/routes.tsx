import { Route } from 'react-router';
import { CalendarPage } from './calendar.page.js';

/** The staff console's working-day calendar page, under /console. */
export function calendarConsoleRoutes() {
  return <Route path="calendar" element={<CalendarPage />} />;
}
