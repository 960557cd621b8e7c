import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Tx } from '../../infra/db.js';
import { grantCourseAccess, quoteCourseAccess } from '../training/index.js';
import type { AttemptRow } from './payment-attempts.repo.js';
import type { PaymentQuote, QuoteInput } from './payment-quote.js';

/** What a `course_access` attempt keeps in `details` to grant the access when paid. */
interface CourseAccessDetails {
  offerId: string;
  buyerEmail: string | null;
  buyerName: string;
  locale: Locale;
}

/**
 * A training portal's course offer (training module): anyone may buy it, signed in or with a
 * `buyer` (name and email; the access goes to the account with that email, created if needed).
 */
export async function quoteCourseAccessPayment(tx: Tx, input: QuoteInput): Promise<PaymentQuote> {
  const { request } = input;
  if (!request.targetId) throw new AppError('payment_target_required');
  if (!input.userId && !request.buyer) throw new AppError('payment_buyer_required');
  const quote = await quoteCourseAccess(tx, input.organizationId, request.targetId);
  const details: CourseAccessDetails = {
    offerId: request.targetId,
    buyerEmail: request.buyer?.email ?? null,
    buyerName: request.buyer?.name ?? '',
    locale: input.locale,
  };
  return {
    studentId: null,
    targetId: request.targetId,
    amountKopecks: quote.amountKopecks,
    description: quote.description,
    details: { ...details },
    paymentMode: 'full_prepayment',
    paymentSubject: 'service',
  };
}

/** Grants the access a succeeded `course_access` attempt paid for (once per attempt). */
export async function applyCourseAccess(ctx: AppContext, tx: Tx, attempt: AttemptRow) {
  const details = attempt.details as Partial<CourseAccessDetails>;
  await grantCourseAccess(ctx, tx, {
    organizationId: attempt.organizationId,
    offerId: details.offerId ?? attempt.targetId ?? '',
    buyerEmail: details.buyerEmail ?? null,
    buyerName: details.buyerName ?? '',
    payerId: attempt.payerId,
    attemptId: attempt.id,
    locale: details.locale === 'en' ? 'en' : 'ru',
  });
}
