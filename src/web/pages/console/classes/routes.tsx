import { Route } from 'react-router';
import { GroupPage } from './group.page.js';
import { GroupsPage } from './groups.page.js';
import { SchedulePage } from './schedule.page.js';
import { StudentPage } from './student.page.js';
import { StudentsPage } from './students.page.js';

/** The console's students, groups and schedule (relative to `/console`). */
export function classesConsoleRoutes() {
  return (
    <>
      <Route path="students" element={<StudentsPage />} />
      <Route path="students/:id" element={<StudentPage />} />
      <Route path="groups" element={<GroupsPage />} />
      <Route path="groups/:id" element={<GroupPage />} />
      <Route path="schedule" element={<SchedulePage />} />
    </>
  );
}
