import { Route } from 'react-router';
import { StaffCertificatesPage } from '../console/helpdesk/certificates.page.js';
import { QueuePage } from '../console/helpdesk/queue.page.js';
import { HelpdeskSettingsPage } from '../console/helpdesk/settings.page.js';
import { StaffTicketPage } from '../console/helpdesk/ticket.page.js';
import { CertificateRegisterPage } from './certificate-register.page.js';
import { CertificatesPage } from './certificates.page.js';
import { HelpdeskPreferencesPage } from './preferences.page.js';
import { TicketNewPage } from './ticket-new.page.js';
import { TicketPage } from './ticket.page.js';
import { TicketsListPage } from './tickets-list.page.js';

/** The customer's help-desk pages (signed in): «Мои обращения», a ticket, certificates. */
export function helpdeskRoutes() {
  return (
    <>
      <Route path="tickets" element={<TicketsListPage />} />
      <Route path="tickets/new" element={<TicketNewPage />} />
      <Route path="tickets/preferences" element={<HelpdeskPreferencesPage />} />
      <Route path="tickets/:number" element={<TicketPage />} />
      <Route path="certificates" element={<CertificatesPage />} />
      <Route path="certificates/register" element={<CertificateRegisterPage />} />
    </>
  );
}

/** The staff console's help-desk pages, under /console. */
export function helpdeskConsoleRoutes() {
  return (
    <>
      <Route path="tickets" element={<QueuePage />} />
      <Route path="tickets/:number" element={<StaffTicketPage />} />
      <Route path="certificates" element={<StaffCertificatesPage />} />
      <Route path="helpdesk-settings" element={<HelpdeskSettingsPage />} />
    </>
  );
}
