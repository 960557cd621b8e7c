import { Route } from 'react-router';
import { ComingSoonPage } from '../coming-soon.page.js';

/** The customer's help-desk pages (signed in): «Мои обращения», a ticket, certificates. */
export function helpdeskRoutes() {
  return (
    <>
      <Route path="tickets/*" element={<ComingSoonPage title="Обращения" />} />
    </>
  );
}

/** The staff console's help-desk pages, under /console. */
export function helpdeskConsoleRoutes() {
  return <></>;
}
