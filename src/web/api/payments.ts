import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import {
  ZCreatePaymentResponse,
  ZPaymentList,
  ZPaymentView,
  type CreatePaymentRequest,
  type PaymentStatus,
  type PaymentView,
} from '../../shared/contracts/payments.js';
import { cabinetKey } from './cabinet.js';
import { apiRequest } from './client.js';

/** Everything of the payer's online payments; a new payment invalidates it all. */
export const paymentsKey = ['payments'] as const;

/** Final statuses: nothing changes after them except refunds. */
export function isFinalStatus(status: PaymentStatus): boolean {
  return status === 'succeeded' || status === 'canceled';
}

/**
 * Nothing more to wait for: declined, or succeeded and the money already applied (the ledger,
 * hence the cabinet's blocks, shows it). A succeeded payment is applied a moment later at most.
 */
export function isSettled(payment: Pick<PaymentView, 'status' | 'appliedAs'>): boolean {
  return (
    payment.status === 'canceled' || (payment.status === 'succeeded' && payment.appliedAs !== null)
  );
}

/** One payment intent as sent: the body and the key that makes a retry of it safe. */
export interface CreatePaymentCall {
  request: CreatePaymentRequest;
  /** Made once per intent and reused when the same click is retried (see usePaymentIntentKey). */
  idempotencyKey: string;
}

/**
 * `POST /api/payments`. The caller sends the person to `confirmationUrl` (the provider's
 * page); the payment list is refreshed so «Платежи» shows the new attempt.
 */
export function useCreatePayment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: CreatePaymentCall) =>
      apiRequest('/api/payments', ZCreatePaymentResponse, {
        method: 'POST',
        body: request,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: paymentsKey }),
  });
}

/**
 * The idempotency key of the intent being paid: the same body sent again (a retry after a lost
 * answer, a double click) keeps its key, so the server returns the same payment; any change of
 * purpose, amount or method is another intent and gets a fresh key, because the server refuses a
 * known key with another body.
 */
export function usePaymentIntentKey(): (request: CreatePaymentRequest) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (request) => {
    const body = JSON.stringify(request);
    if (last.current?.body !== body) last.current = { body, key: crypto.randomUUID() };
    return last.current.key;
  };
}

/** How often the return page asks: soon at first, then less often while the bank is slow. */
function pollDelay(attempt: number): number {
  return Math.min(1_000 * 1.5 ** attempt, 10_000);
}

/**
 * `GET /api/payments/{id}`, polled until the payment is final. When it becomes final the
 * cabinet's queries are invalidated, so the home blocks (debt, balance) are current at once.
 */
export function usePayment(id: string) {
  const client = useQueryClient();
  const polls = useRef(0);
  const query = useQuery({
    queryKey: [...paymentsKey, 'one', id],
    queryFn: ({ signal }) => apiRequest(`/api/payments/${id}`, ZPaymentView, { signal }),
    refetchInterval: (q) => {
      const data: PaymentView | undefined = q.state.data;
      if (data && isSettled(data)) return false;
      polls.current += 1;
      return pollDelay(polls.current);
    },
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  const settled = query.data !== undefined && isSettled(query.data);
  useEffect(() => {
    if (settled) void client.invalidateQueries({ queryKey: cabinetKey });
  }, [settled, client]);
  return query;
}

/** One page of the payer's payments (`GET /api/payments?page=`), newest first. */
export function usePaymentHistory(page: number) {
  return useQuery({
    queryKey: [...paymentsKey, 'list', page],
    queryFn: ({ signal }) => apiRequest('/api/payments', ZPaymentList, { query: { page }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The printable receipt of a succeeded payment: `html` to read and print, `pdf` to keep. */
export function receiptUrl(id: string, format: 'html' | 'pdf'): string {
  return `/api/payments/${id}/receipt.${format}`;
}
