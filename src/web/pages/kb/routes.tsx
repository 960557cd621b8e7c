import { Route } from 'react-router';
import { ComingSoonPage } from '../coming-soon.page.js';

/** The public knowledge base: no sign-in needed. */
export function kbRoutes() {
  return (
    <>
      <Route path="kb/*" element={<ComingSoonPage title="База знаний" />} />
    </>
  );
}

/** The staff console's knowledge-base pages, under /console. */
export function kbConsoleRoutes() {
  return <></>;
}
