import {
  normalizeCertificateKey,
  type RegisterCertificateRequest,
  type RegisterCertificateResponse,
} from '../../../shared/contracts/helpdesk-certificates.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { countUse, findThrottle, recordAudit, recordFailure } from '../access/index.js';
import type { Organization } from '../orgs/index.js';
import { activationCodeMatches } from './certificate-codes.js';
import { localDate } from './certificate-status.js';
import {
  claimCertificate,
  countFailedRegistration,
  findCertificateBySerial,
  findCertificateView,
} from './certificates.repo.js';
import { presentMyCertificate } from './certificates.service.js';

/** Wrong codes per serial before it locks (then 15 min, doubling, at most a day). */
export const SERIAL_FAILURE_LIMIT = 5;
/** Failed registrations per account per hour. */
export const ACCOUNT_FAILURE_LIMIT = 10;
const ACCOUNT_WINDOW_MS = 3_600_000;
const SERIAL_POLICY = { threshold: SERIAL_FAILURE_LIMIT, baseSeconds: 900, maxSeconds: 86_400 };

// Keyed by the typed serial whether it exists or not, so locking reveals nothing about serials.
const serialKey = (serial: string) => `certificate-serial:${serial}`;
const accountKey = (userId: string) => `certificate-account:${userId}`;

/** The person registering (ip goes to the audit log). */
export interface Registrant {
  id: string;
  ip: string | null;
}

function tooManyAttempts(until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('certificate_attempts_exceeded', { retryAfterSeconds });
}

async function assertNotThrottled(
  ctx: AppContext,
  organizationId: string,
  serial: string,
  userId: string,
  now: Date,
) {
  const [bySerial, byAccount] = await Promise.all([
    findThrottle(ctx.db, organizationId, serialKey(serial)),
    findThrottle(ctx.db, organizationId, accountKey(userId)),
  ]);
  if (
    bySerial?.lockedUntil &&
    bySerial.failures >= SERIAL_FAILURE_LIMIT &&
    bySerial.lockedUntil > now
  )
    throw tooManyAttempts(bySerial.lockedUntil, now);
  // Account keys are count-only windows: `locked_until` is the window's end.
  if (
    byAccount?.lockedUntil &&
    byAccount.failures >= ACCOUNT_FAILURE_LIMIT &&
    byAccount.lockedUntil > now
  )
    throw tooManyAttempts(byAccount.lockedUntil, now);
}

/**
 * Registers a certificate to the signed-in person. Checks in this order: the serial exists and
 * the code matches (`certificate_not_found` for either, so serials cannot be probed), not expired
 * (`certificate_expired`), not registered to another account (`certificate_taken`); one's own
 * certificate again is a success. Wrong codes count against the serial and the account (429).
 */
export async function registerCertificate(
  ctx: AppContext,
  organization: Organization,
  registrant: Registrant,
  input: RegisterCertificateRequest,
  now = new Date(),
): Promise<RegisterCertificateResponse> {
  const serial = normalizeCertificateKey(input.serial);
  const code = normalizeCertificateKey(input.activationCode);
  await assertNotThrottled(ctx, organization.id, serial, registrant.id, now);

  const certificate = serial
    ? await findCertificateBySerial(ctx.db, organization.id, serial)
    : null;
  if (!certificate || !code || !activationCodeMatches(code, certificate.activationCodeHash)) {
    // Outside any transaction: the failure must be counted although the request fails.
    await recordFailure(ctx.db, organization.id, serialKey(serial), SERIAL_POLICY, now);
    await countUse(ctx.db, organization.id, accountKey(registrant.id), ACCOUNT_WINDOW_MS, now);
    if (certificate) await countFailedRegistration(ctx.db, certificate.id);
    await recordAudit(ctx.db, {
      organizationId: organization.id,
      actorId: null,
      subjectId: registrant.id,
      action: 'certificate.register_failed',
      details: { serial, known: certificate !== null },
      ip: registrant.ip,
    });
    throw new AppError('certificate_not_found');
  }

  const today = localDate(now, organization.timezone);
  if (today > certificate.validTo) throw new AppError('certificate_expired');
  if (certificate.userId && certificate.userId !== registrant.id)
    throw new AppError('certificate_taken');
  const alreadyRegistered = certificate.userId === registrant.id;

  if (!alreadyRegistered) {
    await ctx.db.transaction(async (tx) => {
      const claimed = await claimCertificate(tx, certificate.id, registrant.id, now);
      if (!claimed) throw new AppError('certificate_taken');
      await recordAudit(tx, {
        organizationId: organization.id,
        actorId: null,
        subjectId: registrant.id,
        action: 'certificate.registered',
        details: { certificateId: certificate.id, serial },
        ip: registrant.ip,
      });
    });
  }
  const view = await findCertificateView(ctx.db, organization.id, certificate.id);
  if (!view) throw new AppError('not_found');
  return { certificate: presentMyCertificate(view, today), alreadyRegistered };
}
