import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZRecoveryListResponse,
  ZRecoveryPublicStatus,
  ZRecoveryRequestDetail,
  ZRecoveryResendResponse,
  ZRecoverySubmitResponse,
} from '../../shared/contracts/recovery.js';
import { ZStaffAccountListResponse } from '../../shared/contracts/staff-accounts.js';
import { apiRequest } from './client.js';

const recoveryKey = ['recovery'] as const;
const staffRecoveryKey = ['staff', 'recovery'] as const;

/** Sends the public form with its documents (`POST /api/recovery-requests`, multipart). */
export function useSubmitRecovery() {
  return useMutation({
    mutationFn: (formData: FormData) =>
      apiRequest('/api/recovery-requests', ZRecoverySubmitResponse, { method: 'POST', formData }),
  });
}

/** A request's status by number and secret (`GET /api/recovery-requests/:number`). */
export function useRecoveryStatus(number: string, secret: string) {
  return useQuery({
    queryKey: [...recoveryKey, number, secret],
    queryFn: ({ signal }) =>
      apiRequest(`/api/recovery-requests/${encodeURIComponent(number)}`, ZRecoveryPublicStatus, {
        query: { secret },
        signal,
      }),
    enabled: number.length > 0 && secret.length > 0,
  });
}

/** The confirmation link from the email (`POST /api/recovery-requests/confirm`). */
export function useConfirmRecovery() {
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest('/api/recovery-requests/confirm', ZRecoveryPublicStatus, {
        method: 'POST',
        body: { token },
      }),
  });
}

/**
 * The SMS code of a phone-only request (`POST /api/recovery-requests/:number/confirm-phone`).
 * Fails with 400 `code_invalid` (`details.triesLeft`) or 410 `code_expired` (ask for a new code).
 */
export function useConfirmRecoveryPhone(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { secret: string; code: string }) =>
      apiRequest(
        `/api/recovery-requests/${encodeURIComponent(number)}/confirm-phone`,
        ZRecoveryPublicStatus,
        { method: 'POST', body },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recoveryKey }),
  });
}

/**
 * A new confirmation link or SMS code (`POST /api/recovery-requests/:number/resend-confirmation`);
 * 429 `rate_limited` carries `retryAfterSeconds`.
 */
export function useResendRecoveryConfirmation(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (secret: string) =>
      apiRequest(
        `/api/recovery-requests/${encodeURIComponent(number)}/resend-confirmation`,
        ZRecoveryResendResponse,
        { method: 'POST', body: { secret } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recoveryKey }),
  });
}

/** Staff queue (`GET /api/staff/recovery-requests`). */
export function useRecoveryRequests(status: 'pending' | 'approved' | 'rejected') {
  return useQuery({
    queryKey: [...staffRecoveryKey, 'list', status],
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/recovery-requests', ZRecoveryListResponse, {
        query: { status },
        signal,
      }),
  });
}

/** One request with its documents (`GET /api/staff/recovery-requests/:id`). */
export function useRecoveryRequest(id: string) {
  return useQuery({
    queryKey: [...staffRecoveryKey, 'detail', id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/staff/recovery-requests/${encodeURIComponent(id)}`, ZRecoveryRequestDetail, {
        signal,
      }),
  });
}

/** Where a document is viewed inline. */
export const recoveryDocumentUrl = (id: string, docId: string) =>
  `/api/staff/recovery-requests/${encodeURIComponent(id)}/documents/${encodeURIComponent(docId)}`;

/** Approve (`…/approve`) or reject (`…/reject`) a request. */
export function useDecideRecovery(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: { approve: string } | { reject: string }) =>
      'approve' in decision
        ? apiRequest(
            `/api/staff/recovery-requests/${encodeURIComponent(id)}/approve`,
            ZRecoveryRequestDetail,
            { method: 'POST', body: { userId: decision.approve } },
          )
        : apiRequest(
            `/api/staff/recovery-requests/${encodeURIComponent(id)}/reject`,
            ZRecoveryRequestDetail,
            { method: 'POST', body: { reason: decision.reject } },
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffRecoveryKey }),
  });
}

/** Accounts found by email, phone, personal code or name (`GET /api/staff/accounts`). */
export function useAccountSearch(query: string) {
  return useQuery({
    queryKey: ['staff', 'accounts', 'search', query],
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/accounts', ZStaffAccountListResponse, {
        query: { query, limit: 10 },
        signal,
      }),
    enabled: query.trim().length >= 2,
  });
}
