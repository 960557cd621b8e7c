import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../infra/db.js';
import {
  courseAccessGrants,
  organizations,
  paymentAttempts,
  paymentRefunds,
  students,
  users,
} from '../../../schema.js';
import type { ReceiptView } from './receipt-format.js';

/** A payment's receipt, with what deciding who may see it needs; null when there is none. */
export interface ReceiptRecord {
  view: ReceiptView;
  status: (typeof paymentAttempts.$inferSelect)['status'];
  payerId: string | null;
  /** The account a paid course created or extended (it may read a receipt it did not pay). */
  grantedUserId: string | null;
}

/** Reads one payment of the organization for its receipt; another organization's id finds null. */
export async function findReceipt(
  db: DbOrTx,
  organizationId: string,
  paymentId: string,
): Promise<ReceiptRecord | null> {
  const [row] = await db
    .select({
      attempt: paymentAttempts,
      organization: {
        name: organizations.name,
        timezone: organizations.timezone,
        supportEmail: organizations.supportEmail,
        supportPhone: organizations.supportPhone,
        defaultLocale: organizations.defaultLocale,
      },
      payerName: users.displayName,
      payerEmail: users.email,
      payerLocale: users.locale,
      studentName: students.fullName,
      grantedUserId: courseAccessGrants.userId,
    })
    .from(paymentAttempts)
    .innerJoin(organizations, eq(organizations.id, paymentAttempts.organizationId))
    .leftJoin(users, eq(users.id, paymentAttempts.payerId))
    .leftJoin(students, eq(students.id, paymentAttempts.studentId))
    .leftJoin(courseAccessGrants, eq(courseAccessGrants.attemptId, paymentAttempts.id))
    .where(
      and(eq(paymentAttempts.organizationId, organizationId), eq(paymentAttempts.id, paymentId)),
    )
    .limit(1);
  if (!row) return null;
  const refunds = await db
    .select({
      amountKopecks: paymentRefunds.amountKopecks,
      appliedAt: paymentRefunds.appliedAt,
      updatedAt: paymentRefunds.updatedAt,
    })
    .from(paymentRefunds)
    .where(and(eq(paymentRefunds.paymentId, paymentId), eq(paymentRefunds.status, 'succeeded')))
    .orderBy(asc(paymentRefunds.createdAt), asc(paymentRefunds.id));
  const { attempt, organization } = row;
  // A course bought without an account names its buyer in the details (payments service).
  const buyerName =
    typeof attempt.details.buyerName === 'string' && attempt.details.buyerName
      ? attempt.details.buyerName
      : null;
  const buyerLocale =
    typeof attempt.details.locale === 'string'
      ? attempt.details.locale
      : organization.defaultLocale;
  const locale = row.payerLocale ?? buyerLocale;
  return {
    status: attempt.status,
    payerId: attempt.payerId,
    grantedUserId: row.grantedUserId,
    view: {
      id: attempt.id,
      number: attempt.number,
      organization,
      purpose: attempt.purpose,
      description: attempt.description,
      amountKopecks: attempt.amountKopecks,
      method: attempt.method,
      paidWith: attempt.paidWith,
      provider: attempt.provider,
      providerPaymentId: attempt.providerPaymentId,
      paidAt: attempt.finishedAt ?? attempt.updatedAt,
      payerName: row.payerName ?? buyerName,
      payerEmail: row.payerEmail ?? attempt.receiptEmail,
      payerLocale: locale === 'en' ? 'en' : locale === 'ru' ? 'ru' : null,
      studentName: row.studentName,
      refunds: refunds.map((refund) => ({
        amountKopecks: refund.amountKopecks,
        at: refund.appliedAt ?? refund.updatedAt,
      })),
    },
  };
}
