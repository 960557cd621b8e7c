import path from 'node:path';
import {
  activateAccount,
  openAccessByCli,
  signIn,
  startServer,
  type Journey,
  type KabinetServer,
} from './harness.js';

const CLOCK_MODULE = path.join(import.meta.dirname, 'helpdesk-staff-clock.mjs');

/**
 * Starts the production server like `startServer`, but with its clock (and embedded PGlite's)
 * starting at `clockStart`: a staff message can then be sent on a chosen working day, e.g. just
 * before a public holiday, while the browser and the test keep the real time.
 */
export function startServerAt(clockStart: string): Promise<KabinetServer> {
  return startServer({
    KABINET_E2E_CLOCK_START: clockStart,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${CLOCK_MODULE}`.trim(),
  });
}

/** Opens access for a customer through the CLI, activates it and signs in. */
export async function signInNewCustomer(
  journey: Journey,
  server: KabinetServer,
  customer: { email: string; name: string; password: string },
): Promise<void> {
  await activateAccount(
    journey,
    await openAccessByCli(server, customer.email, customer.name),
    customer.password,
  );
  await signIn(journey, customer, '/tickets');
}

/** Files a ticket as the signed-in customer through the customer API; resolves with its number. */
export async function fileTicket(
  customer: Journey,
  subject: string,
  description: string,
): Promise<number> {
  const response = await customer.context.request.post('/api/helpdesk/tickets', {
    data: { certificateId: null, type: 'question', subject, description },
  });
  if (response.status() !== 201) {
    throw new Error(`POST /api/helpdesk/tickets: ${response.status()} ${await response.text()}`);
  }
  return ((await response.json()) as { number: number }).number;
}

/** A ticket as staff see it through the API (status and the auto-close deadline). */
export async function staffTicket(
  staff: Journey,
  number: number,
): Promise<{ status: string; autoCloseAt: string | null; closedBy: string | null }> {
  const response = await staff.context.request.get(`/api/staff/helpdesk/tickets/${number}`);
  if (!response.ok()) throw new Error(`GET ticket ${number}: ${response.status()}`);
  return (await response.json()) as {
    status: string;
    autoCloseAt: string | null;
    closedBy: string | null;
  };
}

/** The calendar date of an instant in Moscow (`YYYY-MM-DD`). */
export function moscowDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(iso));
}
