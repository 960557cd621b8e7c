import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZBuyFromBalanceResponse,
  ZDashboardResponse,
  ZLedgerResponse,
  ZLessonsResponse,
  ZMyStudentsResponse,
  ZSubscriptionOffersResponse,
  ZSubscriptionsResponse,
  ZVisitsResponse,
  type AttendanceStatus,
  type BuyFromBalanceRequest,
} from '../../shared/contracts/cabinet.js';
import { apiRequest } from './client.js';

/** Everything of the cabinet; invalidating it refreshes every student's pages. */
export const cabinetKey = ['cabinet'] as const;
const studentKey = (id: string) => [...cabinetKey, 'student', id] as const;

/** The students this account sees (`GET /api/me/students`); empty for everyone else. */
export function useMyStudents(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...cabinetKey, 'me'],
    queryFn: ({ signal }) => apiRequest('/api/me/students', ZMyStudentsResponse, { signal }),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}

/** A student's home (`GET /api/students/{id}/dashboard`). */
export function useDashboard(studentId: string | null) {
  return useQuery({
    queryKey: [...studentKey(studentId ?? ''), 'dashboard'],
    queryFn: ({ signal }) =>
      apiRequest(`/api/students/${studentId ?? ''}/dashboard`, ZDashboardResponse, { signal }),
    enabled: studentId !== null,
  });
}

/** Lessons of local days `from`…`to` (`GET /api/students/{id}/lessons`). */
export function useLessons(studentId: string | null, period: { from: string; to: string }) {
  return useQuery({
    queryKey: [...studentKey(studentId ?? ''), 'lessons', period],
    queryFn: ({ signal }) =>
      apiRequest(`/api/students/${studentId ?? ''}/lessons`, ZLessonsResponse, {
        query: period,
        signal,
      }),
    enabled: studentId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Visit history filters as kept in the address bar. */
export interface VisitFilters {
  from?: string | undefined;
  to?: string | undefined;
  groupId?: string | undefined;
  status?: AttendanceStatus | undefined;
  page: number;
}

/** One page of visits (`GET /api/students/{id}/visits`). */
export function useVisits(studentId: string | null, filters: VisitFilters) {
  return useQuery({
    queryKey: [...studentKey(studentId ?? ''), 'visits', filters],
    queryFn: ({ signal }) =>
      apiRequest(`/api/students/${studentId ?? ''}/visits`, ZVisitsResponse, {
        query: { ...filters },
        signal,
      }),
    enabled: studentId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The student's subscriptions (`GET /api/students/{id}/subscriptions`). */
export function useSubscriptions(studentId: string | null) {
  return useQuery({
    queryKey: [...studentKey(studentId ?? ''), 'subscriptions'],
    queryFn: ({ signal }) =>
      apiRequest(`/api/students/${studentId ?? ''}/subscriptions`, ZSubscriptionsResponse, {
        signal,
      }),
    enabled: studentId !== null,
  });
}

/** One page of the money history (`GET /api/students/{id}/ledger`). */
export function useLedger(studentId: string | null, page: number) {
  return useQuery({
    queryKey: [...studentKey(studentId ?? ''), 'ledger', page],
    queryFn: ({ signal }) =>
      apiRequest(`/api/students/${studentId ?? ''}/ledger`, ZLedgerResponse, {
        query: { page },
        signal,
      }),
    enabled: studentId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Types the centre sells for the student's groups (`GET …/subscription-offers`). */
export function useSubscriptionOffers(studentId: string | null, enabled = true) {
  return useQuery({
    queryKey: [...studentKey(studentId ?? ''), 'offers'],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/students/${studentId ?? ''}/subscription-offers`,
        ZSubscriptionOffersResponse,
        { signal },
      ),
    enabled: studentId !== null && enabled,
  });
}

/**
 * «Купить абонемент с баланса» (`POST …/subscriptions/from-balance`). The caller makes the
 * idempotency key once per dialog, so a double click or a retry buys once.
 */
export function useBuyFromBalance(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BuyFromBalanceRequest) =>
      apiRequest(`/api/students/${studentId}/subscriptions/from-balance`, ZBuyFromBalanceResponse, {
        method: 'POST',
        body,
      }),
    // The family's pages change too (a shared subscription, the owner's balance).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cabinetKey }),
  });
}
