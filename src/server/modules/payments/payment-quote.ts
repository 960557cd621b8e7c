import { eq } from 'drizzle-orm';
import type { CreatePaymentRequest } from '../../../shared/contracts/payments.js';
import { TOP_UP_MAX_KOPECKS, TOP_UP_MIN_KOPECKS } from '../../../shared/contracts/payments.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { Tx } from '../../infra/db.js';
import { enrollments, groups } from '../../schema.js';
import { findSubscription, getEnrollmentFee, quoteDebtLessons } from '../billing/index.js';
import { localDay } from '../calendar/index.js';
import { listSubscriptionOffers, requireVisibleStudent } from '../classes/index.js';
import type { ReceiptData } from './providers/provider.js';
import { quoteCourseAccessPayment } from './payment-course-access.js';

type ReceiptItem = ReceiptData['items'][number];

/** What the server decided a payment is: computed here, never taken from the client. */
export interface PaymentQuote {
  studentId: string | null;
  targetId: string | null;
  amountKopecks: number;
  /** «Абонемент «8 занятий» — Миша Иванов». */
  description: string;
  /** Fixed at creation; applying the money reads them (the type, the lessons in debt…). */
  details: Record<string, unknown>;
  paymentMode: ReceiptItem['paymentMode'];
  paymentSubject: ReceiptItem['paymentSubject'];
}

/** Who asks and where. */
export interface QuoteInput {
  organizationId: string;
  timezone: string;
  /** The signed-in account; null for a course bought without one. */
  userId: string | null;
  /** The payer's language (a new account of a course buyer gets it). */
  locale: Locale;
  request: CreatePaymentRequest;
  now: Date;
}

/** The part of what is left to pay: all of it, or the smaller amount the person chose. */
function partOf(left: number, requested: number | undefined): number {
  if (left <= 0) throw new AppError('payment_nothing_due');
  if (requested === undefined) return left;
  if (requested > left) throw new AppError('payment_exceeds_due');
  return requested;
}

function visibleStudent(tx: Tx, input: QuoteInput, studentId: string | undefined) {
  if (!studentId) throw new AppError('payment_target_required');
  if (!input.userId) throw new AppError('unauthenticated');
  return requireVisibleStudent(
    tx,
    { organizationId: input.organizationId, userId: input.userId },
    studentId,
  );
}

/**
 * Checks that the account may pay for what it names and computes the amount server-side
 * (docs/payments.md, «Purposes»). A student the account may not see answers `not_found`.
 */
export async function quotePayment(tx: Tx, input: QuoteInput): Promise<PaymentQuote> {
  const { request, organizationId } = input;
  switch (request.purpose) {
    case 'subscription_purchase': {
      if (!request.studentId) throw new AppError('payment_student_required');
      if (!request.targetId) throw new AppError('payment_target_required');
      const student = await visibleStudent(tx, input, request.studentId);
      const today = localDay(input.now, input.timezone);
      const [offer] = await listSubscriptionOffers(
        tx,
        organizationId,
        student.id,
        today,
        request.targetId,
      );
      if (!offer) throw new AppError('payment_offer_unavailable');
      if (offer.priceKopecks <= 0) throw new AppError('payment_nothing_due');
      return {
        studentId: student.id,
        targetId: offer.typeId,
        amountKopecks: offer.priceKopecks,
        description: `Абонемент «${offer.name}» — ${student.fullName}`,
        details: { typeId: offer.typeId, typeName: offer.name },
        paymentMode: 'full_prepayment',
        paymentSubject: 'service',
      };
    }
    case 'subscription_remaining': {
      if (!request.targetId) throw new AppError('payment_target_required');
      const subscription = await findSubscription(tx, organizationId, request.targetId);
      if (!subscription) throw new AppError('not_found');
      const student = await visibleStudent(tx, input, subscription.studentId);
      if (subscription.endReason === 'cancelled' || subscription.endReason === 'refunded') {
        throw new AppError('payment_nothing_due');
      }
      const left = subscription.priceKopecks - subscription.paidKopecks;
      const amount = partOf(left, request.amountKopecks);
      return {
        studentId: student.id,
        targetId: subscription.id,
        amountKopecks: amount,
        description: `Оплата абонемента №${subscription.number} «${subscription.name}» — ${student.fullName}`,
        details: { subscriptionNumber: subscription.number },
        paymentMode: amount === left ? 'full_prepayment' : 'partial_prepayment',
        paymentSubject: 'service',
      };
    }
    case 'debt': {
      const student = await visibleStudent(tx, input, request.targetId ?? request.studentId);
      const quote = await quoteDebtLessons(tx, organizationId, student.id);
      if (quote.lessons.length === 0) {
        throw new AppError(quote.unpricedLessons > 0 ? 'payment_debt_unpriced' : 'payment_no_debt');
      }
      return {
        studentId: student.id,
        targetId: student.id,
        amountKopecks: quote.totalKopecks,
        description: `Оплата занятий в долг (${quote.lessons.length}) — ${student.fullName}`,
        details: { visitIds: quote.lessons.map((lesson) => lesson.visitId) },
        paymentMode: 'full_payment',
        paymentSubject: 'service',
      };
    }
    case 'course_fee': {
      if (!request.targetId) throw new AppError('payment_target_required');
      const fee = await getEnrollmentFee(tx, organizationId, request.targetId);
      const student = await visibleStudent(tx, input, fee.studentId);
      const [group] = await tx
        .select({ name: groups.name })
        .from(groups)
        .innerJoin(enrollments, eq(enrollments.groupId, groups.id))
        .where(eq(enrollments.id, fee.id));
      const left = fee.fee - fee.feePaidKopecks;
      const amount = partOf(left, request.amountKopecks);
      return {
        studentId: student.id,
        targetId: fee.id,
        amountKopecks: amount,
        description: `Оплата курса «${group?.name ?? ''}» — ${student.fullName}`,
        details: {},
        paymentMode: amount === left ? 'full_prepayment' : 'partial_prepayment',
        paymentSubject: 'service',
      };
    }
    case 'balance_top_up': {
      const student = await visibleStudent(tx, input, request.targetId ?? request.studentId);
      const amount = request.amountKopecks;
      if (amount === undefined || amount < TOP_UP_MIN_KOPECKS || amount > TOP_UP_MAX_KOPECKS) {
        throw new AppError('payment_amount_invalid');
      }
      return {
        studentId: student.id,
        targetId: student.id,
        amountKopecks: amount,
        description: `Пополнение баланса — ${student.fullName}`,
        details: {},
        paymentMode: 'advance',
        paymentSubject: 'payment',
      };
    }
    case 'course_access':
      return quoteCourseAccessPayment(tx, input);
  }
}
