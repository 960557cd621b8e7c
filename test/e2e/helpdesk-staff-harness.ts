import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, waitUntilHealthy } from '../helpers/server-process.js';
import {
  activateAccount,
  openAccessByCli,
  runCli,
  signIn,
  type Journey,
  type KabinetServer,
} from './harness.js';

const CLOCK_MODULE = path.join(import.meta.dirname, 'helpdesk-staff-clock.mjs');
const SETUP_LINK = /\/setup\/[A-Za-z0-9_-]+/;

/**
 * Starts the production server like `startServer`, but with its clock (and embedded PGlite's)
 * starting at `clockStart`: a staff message can then be sent on a chosen working day, e.g. just
 * before a public holiday, while the browser and the test keep the real time.
 */
export async function startServerAt(clockStart: string): Promise<KabinetServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kabinet-e2e-'));
  const server = await spawnServer({
    KABINET_DATA_DIR: dataDir,
    NODE_ENV: 'production',
    KABINET_E2E_CLOCK_START: clockStart,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${CLOCK_MODULE}`.trim(),
  });
  const stop = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(server, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const setupPath = async (): Promise<string> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const match = SETUP_LINK.exec(server.output());
      if (match) return match[0];
      if (Date.now() > deadline) throw new Error(`no setup link:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  return {
    baseUrl: server.baseUrl,
    setupPath,
    output: () => server.output(),
    dataDir,
    cli: (...args: string[]) => runCli(dataDir, args),
    stop,
  };
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
