import { eq } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx, Tx } from '../../infra/db.js';
import { courseAccessGrants, organizations } from '../../schema.js';
import { extendPaidAccess } from '../access/index.js';
import { enqueueEmail } from '../notify/index.js';
import { findCourseOffer } from './course-offers.service.js';

/** «30 дней», «21 день», «2 дня». */
function russianDays(days: number): string {
  const tens = days % 100;
  const ones = days % 10;
  const word =
    tens >= 11 && tens <= 14
      ? 'дней'
      : ones === 1
        ? 'день'
        : ones >= 2 && ones <= 4
          ? 'дня'
          : 'дней';
  return `${String(days)} ${word}`;
}

/**
 * The price and the description of a `course_access` payment for this offer (the payments
 * service calls it when creating the attempt). `not_found` for an unknown offer,
 * `payment_course_access_unavailable` for one that is off sale.
 */
export async function quoteCourseAccess(
  tx: DbOrTx,
  organizationId: string,
  offerId: string,
): Promise<{ amountKopecks: number; description: string }> {
  const offer = await findCourseOffer(tx, organizationId, offerId);
  if (!offer) throw new AppError('not_found');
  if (!offer.active) throw new AppError('payment_course_access_unavailable');
  return {
    amountKopecks: offer.priceKopecks,
    // Stored on the attempt and shown on the receipt, in the organization's language.
    description: `Онлайн-курс «${offer.title}», доступ на ${russianDays(offer.accessDays)}`,
  };
}

/** Options of `grantCourseAccess`. */
export interface GrantCourseAccessOptions {
  organizationId: string;
  offerId: string;
  /** Whose access: the account with this email gets it (created when there is none). */
  buyerEmail: string | null;
  /** The name of a new account. */
  buyerName: string;
  /** The signed-in payer; gets the access when there is no `buyerEmail`. */
  payerId: string | null;
  attemptId: string;
  /** The language of a new account and of its invitation. */
  locale: Locale;
  now?: Date;
}

/** What `grantCourseAccess` did (or did the first time, for a retried apply). */
export interface CourseAccessGrant {
  userId: string | null;
  accountCreated: boolean;
  previousValidUntil: Date | null;
  validUntil: Date | null;
  /** False when this attempt had been granted before and nothing happened now. */
  grantedNow: boolean;
}

/**
 * Gives the access a succeeded `course_access` payment bought, in the transaction that applies
 * it: an existing account with the buyer's email gets its access period extended by the offer's
 * days and an email saying so; a new person gets an account and the access module's invitation
 * (activation link, never a password). Once per attempt: the grant row (unique per attempt) is
 * claimed first, so a retried or concurrent apply of the same attempt grants nothing again.
 */
export async function grantCourseAccess(
  ctx: AppContext,
  tx: Tx,
  options: GrantCourseAccessOptions,
): Promise<CourseAccessGrant> {
  const { organizationId, attemptId } = options;
  const offer = await findCourseOffer(tx, organizationId, options.offerId);
  if (!offer) throw new AppError('not_found');
  const [claimed] = await tx
    .insert(courseAccessGrants)
    .values({
      organizationId,
      attemptId,
      offerId: offer.id,
      accountCreated: false,
      accessDays: offer.accessDays,
    })
    .onConflictDoNothing({ target: courseAccessGrants.attemptId })
    .returning({ id: courseAccessGrants.id });
  if (!claimed) {
    const [first] = await tx
      .select()
      .from(courseAccessGrants)
      .where(eq(courseAccessGrants.attemptId, attemptId));
    if (!first) throw new Error(`grant of attempt ${attemptId} vanished`);
    const { userId, accountCreated, previousValidUntil, validUntil } = first;
    return { userId, accountCreated, previousValidUntil, validUntil, grantedNow: false };
  }

  const account = options.buyerEmail
    ? { email: options.buyerEmail, displayName: options.buyerName, locale: options.locale }
    : options.payerId
      ? { userId: options.payerId }
      : null;
  if (!account) throw new Error(`attempt ${attemptId} names neither a buyer email nor a payer`);
  const result = await extendPaidAccess(ctx, tx, {
    organizationId,
    account,
    days: offer.accessDays,
    paidBy: { attemptId, offerId: offer.id },
    ...(options.now ? { now: options.now } : {}),
  });
  await tx
    .update(courseAccessGrants)
    .set({
      userId: result.user.id,
      accountCreated: result.created,
      previousValidUntil: result.previousValidUntil,
      validUntil: result.validUntil,
    })
    .where(eq(courseAccessGrants.id, claimed.id));

  // A new person (or one who never set a password) got the invitation from the access module.
  if (!result.invited && result.user.email) {
    const [organization] = await tx
      .select({ name: organizations.name, timezone: organizations.timezone })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    if (!organization) throw new Error(`organization ${organizationId} not found`);
    const locale: Locale = result.user.locale === 'en' ? 'en' : 'ru';
    await enqueueEmail(ctx, tx, {
      organizationId,
      to: { address: result.user.email, name: result.user.displayName },
      locale,
      template: 'course_access_extended',
      data: {
        displayName: result.user.displayName,
        organizationName: organization.name,
        courseTitle: offer.title,
        validUntil: result.validUntil
          ? new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: organization.timezone,
            }).format(result.validUntil)
          : null,
        cabinetUrl: `${ctx.config.publicUrl}/`,
      },
    });
  }
  return {
    userId: result.user.id,
    accountCreated: result.created,
    previousValidUntil: result.previousValidUntil,
    validUntil: result.validUntil,
    grantedNow: true,
  };
}
