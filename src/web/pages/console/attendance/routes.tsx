import { Route } from 'react-router';
import { AttendanceDayPage } from './day.page.js';
import { RosterPage } from './roster.page.js';

/** The console's attendance marking (relative to `/console`). */
export function attendanceConsoleRoutes() {
  return (
    <>
      <Route path="attendance" element={<AttendanceDayPage />} />
      <Route path="attendance/:lessonId" element={<RosterPage />} />
    </>
  );
}
