import { and, eq } from 'drizzle-orm';
import { discountFromPercent } from '../../../shared/money.js';
import { AppError } from '../../infra/app-error.js';
import type { Tx } from '../../infra/db.js';
import { subscriptionTypes, subscriptions } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { settleDebts } from './charging.service.js';
import { freeBalanceOf } from './free-balance.js';
import { appendLedgerEntry, lockStudentsMoney } from './ledger.repo.js';
import {
  addDays,
  getMoneyStudent,
  idFromKey,
  ledgerKey,
  organizationToday,
} from './money-support.js';
import {
  allocatePayment,
  findSubscription,
  nextSubscriptionNumber,
  type SubscriptionRow,
} from './subscriptions.repo.js';

export type PaymentMethod = 'cash' | 'bank_transfer' | 'card' | 'online';

/** How a sale is paid at once: fresh money, or free money already on the balance. */
export type SalePayment =
  | { amountKopecks: number; method: PaymentMethod }
  | {
      fromBalance: true;
      /** Part of the price to take from the free balance; the whole price when omitted. */
      amountKopecks?: number;
    };

/** Options of `sellSubscription`. */
export interface SellSubscriptionOptions {
  organizationId: string;
  /** The buyer; a shareable type serves their whole family. */
  studentId: string;
  typeId: string;
  /** First day it may be used (organization's local date); today when omitted. */
  beginsOn?: string;
  /** Kopecks off the type's price. Give this or `priceKopecks`, not both. */
  discountKopecks?: number;
  /** A discount in percent of the type's price (rounded half up to kopecks). */
  discountPercent?: number;
  /** The final price, when staff agreed on one. */
  priceKopecks?: number;
  /** Paid now; a sale may also stay unpaid (it then shows as a payment due). */
  payment?: SalePayment;
  /** The staff member (or the customer buying from the balance); null for the system. */
  actorId: string | null;
  /** The client's key: a retried sale returns the first one and never sells twice. */
  idempotencyKey: string;
  now?: Date;
}

function salePrice(typePrice: number, options: SellSubscriptionOptions): number {
  const given = [options.discountKopecks, options.discountPercent, options.priceKopecks];
  if (given.filter((value) => value !== undefined).length > 1) {
    throw new AppError('discount_invalid');
  }
  if (
    options.discountPercent !== undefined &&
    !(options.discountPercent >= 0 && options.discountPercent <= 100)
  ) {
    throw new AppError('discount_invalid');
  }
  const discount =
    options.discountPercent !== undefined
      ? discountFromPercent(typePrice, options.discountPercent)
      : (options.discountKopecks ?? 0);
  const price = options.priceKopecks ?? typePrice - discount;
  if (!Number.isSafeInteger(price) || price < 0 || price > typePrice) {
    throw new AppError('discount_invalid');
  }
  return price;
}

/**
 * Sells a subscription of a type to a student, in the caller's transaction. Scope and terms are
 * copied from the type, so later edits of the type never change what was sold; numbers are per
 * organization; `ends_on = begins_on + validity_days − 1`. A shareable type sold to a student in
 * a family is the family's. Paid with fresh money, it writes a `payment_in` entry and its
 * allocation; paid from the balance, only an allocation (no entry: the money is already there),
 * limited to the free balance. Then, when the organization settles debts on sale, the lessons
 * in debt inside its dates and scope are charged to it, oldest first.
 */
export async function sellSubscription(
  tx: Tx,
  options: SellSubscriptionOptions,
): Promise<SubscriptionRow> {
  const { organizationId, studentId, actorId } = options;
  // The buyer and their family are locked first: a retry waiting here sees the first sale.
  await lockStudentsMoney(tx, [studentId]);
  const id = idFromKey(organizationId, 'sale', options.idempotencyKey);
  const existing = await findSubscription(tx, organizationId, id);
  if (existing) {
    if (existing.studentId !== studentId || existing.typeId !== options.typeId) {
      throw new AppError('idempotency_key_reused');
    }
    return existing;
  }

  const student = await getMoneyStudent(tx, organizationId, studentId);
  const [type] = await tx
    .select()
    .from(subscriptionTypes)
    .where(
      and(
        eq(subscriptionTypes.id, options.typeId),
        eq(subscriptionTypes.organizationId, organizationId),
      ),
    );
  if (!type) throw new AppError('not_found');
  if (type.archivedAt) throw new AppError('subscription_type_archived');
  const price = salePrice(type.priceKopecks, options);

  const payment = options.payment;
  let fromBalance = 0;
  if (payment && 'fromBalance' in payment) {
    fromBalance = payment.amountKopecks ?? price;
    if (fromBalance <= 0 || fromBalance > price) throw new AppError('payment_exceeds_due');
    if (fromBalance > (await freeBalanceOf(tx, studentId))) {
      throw new AppError('insufficient_free_balance');
    }
  } else if (payment && (payment.amountKopecks <= 0 || payment.amountKopecks > price)) {
    throw new AppError('payment_exceeds_due');
  }

  const now = options.now ?? new Date();
  const beginsOn = options.beginsOn ?? (await organizationToday(tx, organizationId, now));
  const [sold] = await tx
    .insert(subscriptions)
    .values({
      id,
      organizationId,
      number: await nextSubscriptionNumber(tx, organizationId),
      studentId,
      familyId: type.shareableInFamily ? student.familyId : null,
      typeId: type.id,
      name: type.name,
      lessonsTotal: type.lessonsCount,
      priceKopecks: price,
      originalPriceKopecks: type.priceKopecks,
      soldAt: now,
      beginsOn,
      endsOn: addDays(beginsOn, type.validityDays - 1),
      coversAllGroups: type.coversAllGroups,
      groupIds: type.groupIds,
      courseIds: type.courseIds,
      unusedLessons: type.unusedLessons,
      soldBy: actorId,
    })
    .returning();
  if (!sold) throw new Error('subscription not stored');

  const target = { subscriptionId: sold.id };
  if (payment && 'fromBalance' in payment) {
    await allocatePayment(tx, {
      organizationId,
      studentId,
      target,
      amountKopecks: fromBalance,
      ledgerEntryId: null,
      actorId,
    });
  } else if (payment) {
    const entry = await appendLedgerEntry(tx, {
      organizationId,
      studentId,
      kind: 'payment_in',
      amountKopecks: payment.amountKopecks,
      subscriptionId: sold.id,
      paymentMethod: payment.method,
      createdBy: actorId,
      idempotencyKey: ledgerKey('sale', options.idempotencyKey),
    });
    await allocatePayment(tx, {
      organizationId,
      studentId,
      target,
      amountKopecks: payment.amountKopecks,
      ledgerEntryId: entry.id,
      actorId,
    });
  }

  // Settles only when the organization's `settle_debts_on_sale` is on (default: no row → on).
  await settleDebts(tx, { organizationId, subscriptionId: sold.id, actorId });
  await recordAudit(tx, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'billing.subscription.sold',
    details: {
      studentId,
      subscriptionId: sold.id,
      number: sold.number,
      priceKopecks: price,
      originalPriceKopecks: type.priceKopecks,
      paidKopecks: payment ? ('fromBalance' in payment ? fromBalance : payment.amountKopecks) : 0,
      fromBalance: Boolean(payment && 'fromBalance' in payment),
    },
  });
  const result = await findSubscription(tx, organizationId, sold.id);
  if (!result) throw new Error('sold subscription vanished');
  return result;
}
