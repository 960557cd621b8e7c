import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  ZReconciliationReport,
  ZStaffPaymentList,
  ZStaffPaymentResponse,
  ZStaffRefundResponse,
  type ReconciliationQuery,
  type StaffPaymentListQuery,
  type StaffRefundRequest,
} from '../../../../shared/contracts/payments-staff.js';
import { apiRequest } from '../../../api/client.js';

const BASE = '/api/staff/payments';

/** Everything of the staff payments console; a refund invalidates it all. */
export const staffPaymentsKey = ['staff', 'payments'] as const;

/** The list filters as kept in the address bar (no paging cursor). */
export type StaffPaymentFilters = Omit<StaffPaymentListQuery, 'before' | 'limit'>;

/** Payments matching the filters, newest first, page after page («Показать ещё»). */
export function useStaffPayments(filters: StaffPaymentFilters) {
  return useInfiniteQuery({
    queryKey: [...staffPaymentsKey, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(BASE, ZStaffPaymentList, {
        query: { ...filters, before: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One payment with its provider events and refunds; polled while something is in flight. */
export function useStaffPayment(id: string) {
  return useQuery({
    queryKey: [...staffPaymentsKey, 'one', id],
    queryFn: ({ signal }) => apiRequest(`${BASE}/${id}`, ZStaffPaymentResponse, { signal }),
    refetchInterval: (query) => {
      const payment = query.state.data?.payment;
      if (!payment) return false;
      const moving =
        payment.status === 'created' ||
        payment.status === 'pending' ||
        payment.status === 'waiting_for_capture' ||
        payment.refunds.some((r) => r.status === 'created' || r.status === 'pending');
      return moving ? 3_000 : false;
    },
  });
}

/** A refund through the provider; the key is made once per refund form. */
export function useRefundPayment(paymentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: StaffRefundRequest; idempotencyKey: string }) =>
      apiRequest(`${BASE}/${paymentId}/refunds`, ZStaffRefundResponse, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffPaymentsKey }),
  });
}

/** The reconciliation report of a period. */
export function useReconciliation(period: ReconciliationQuery | null) {
  return useQuery({
    queryKey: [...staffPaymentsKey, 'reconciliation', period],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/reconciliation`, ZReconciliationReport, {
        query: period ?? undefined,
        signal,
      }),
    enabled: period !== null,
  });
}
