import { z } from 'zod';
import type {
  StaffPaymentDetail,
  StaffPaymentItem,
  StaffPaymentList,
  StaffRefundView,
  ZStaffPaymentListQuery,
} from '../../../../shared/contracts/payments-staff.js';
import { AppError } from '../../../infra/app-error.js';
import type { DbOrTx } from '../../../infra/db.js';
import { startOfDay } from '../../calendar/index.js';
import type { Organization } from '../../orgs/index.js';
import { receiptPath } from '../receipts/index.js';
import {
  findPayerIds,
  findPayment,
  findStudentIds,
  listPaymentEvents,
  listPaymentRefunds,
  listPayments,
  type PaymentCursor,
  type PaymentListRow,
  type RefundRow,
} from './staff-payments.repo.js';

type ListQuery = z.output<typeof ZStaffPaymentListQuery>;

const ZCursor = z.object({
  createdAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/),
  id: z.uuid(),
});

const encodeCursor = (cursor: PaymentCursor) =>
  Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');

function decodeCursor(value: string): PaymentCursor {
  const [createdAt, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const parsed = ZCursor.safeParse({ createdAt, id });
  if (!parsed.success) {
    throw new AppError('validation_failed', [{ path: ['before'], code: 'invalid_cursor' }]);
  }
  return parsed.data;
}

/** The day after a `YYYY-MM-DD` day. */
export const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** «15», «№15», «#15» name a payment number. */
const NUMBER_TERM = /^(?:№|#|n(?:o\.?)?)?\s*(\d{1,9})$/i;

export function presentItem(row: PaymentListRow): StaffPaymentItem {
  const { attempt } = row;
  return {
    id: attempt.id,
    number: attempt.number,
    purpose: attempt.purpose,
    description: attempt.description,
    amountKopecks: attempt.amountKopecks,
    refundedKopecks: attempt.refundedKopecks,
    method: attempt.method,
    status: attempt.status,
    payer: attempt.payerId
      ? { id: attempt.payerId, displayName: row.payerName ?? '', email: row.payerEmail }
      : null,
    studentId: attempt.studentId,
    studentName: row.studentName,
    receiptEmail: attempt.receiptEmail,
    provider: attempt.provider,
    providerPaymentId: attempt.providerPaymentId,
    paidWith: attempt.paidWith,
    createdAt: attempt.createdAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    appliedAt: attempt.appliedAt?.toISOString() ?? null,
  };
}

export function presentRefund({ refund, createdByName }: RefundRow): StaffRefundView {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amountKopecks: refund.amountKopecks,
    reason: refund.reason,
    status: refund.status,
    providerRefundId: refund.providerRefundId,
    cancellationReason: refund.cancellationReason,
    createdBy: refund.createdBy ? { id: refund.createdBy, displayName: createdByName ?? '' } : null,
    createdAt: refund.createdAt.toISOString(),
    appliedAt: refund.appliedAt?.toISOString() ?? null,
  };
}

/** One page of the organization's payments for the staff console, newest first. */
export async function listStaffPayments(
  db: DbOrTx,
  organization: Organization,
  query: ListQuery,
): Promise<StaffPaymentList> {
  const term = query.q?.trim() ?? '';
  const number = NUMBER_TERM.exec(term)?.[1];
  const search = term
    ? {
        number: number ? Number(number) : null,
        providerPaymentId: term,
        receiptEmail: term.includes('@') ? term.toLowerCase() : null,
        // A bare number names a payment, not a person.
        payerIds: number ? [] : await findPayerIds(db, organization.id, term),
        studentIds: number ? [] : await findStudentIds(db, organization.id, term),
      }
    : null;
  const rows = await listPayments(db, organization.id, {
    status: query.status,
    purpose: query.purpose,
    createdFrom: query.from ? startOfDay(query.from, organization.timezone) : undefined,
    createdBefore: query.to ? startOfDay(nextDay(query.to), organization.timezone) : undefined,
    after: query.before ? decodeCursor(query.before) : undefined,
    search,
    limit: query.limit,
  });
  const last = rows.at(-1);
  return {
    items: rows.map(presentItem),
    nextBefore:
      rows.length === query.limit && last
        ? encodeCursor({ createdAt: last.cursorTime, id: last.attempt.id })
        : null,
  };
}

/** One payment with the provider's raw details, its event timeline and its refunds. */
export async function getStaffPayment(
  db: DbOrTx,
  organizationId: string,
  paymentId: string,
): Promise<StaffPaymentDetail> {
  const row = await findPayment(db, organizationId, paymentId);
  if (!row) throw new AppError('not_found');
  const { attempt } = row;
  const [events, refunds] = await Promise.all([
    listPaymentEvents(db, attempt.id),
    listPaymentRefunds(db, attempt.id),
  ]);
  const cancelled = attempt.cancellationParty !== null || attempt.cancellationReason !== null;
  return {
    ...presentItem(row),
    targetId: attempt.targetId,
    currency: attempt.currency,
    cancellation: cancelled
      ? { party: attempt.cancellationParty, reason: attempt.cancellationReason }
      : null,
    providerKey: attempt.providerKey,
    receiptPhone: attempt.receiptPhone,
    appliedAs: attempt.appliedAs,
    ledgerEntryId: attempt.ledgerEntryId,
    checks: attempt.checks,
    nextCheckAt: attempt.nextCheckAt?.toISOString() ?? null,
    events: events.map((event) => ({
      id: event.id,
      source: event.source,
      event: event.event,
      sourceIp: event.sourceIp,
      outcome: event.outcome,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      refundId: event.refundId,
      createdAt: event.createdAt.toISOString(),
    })),
    refunds: refunds.map(presentRefund),
    receipt:
      attempt.status === 'succeeded'
        ? { html: receiptPath(attempt.id, 'html'), pdf: receiptPath(attempt.id, 'pdf') }
        : null,
  };
}
