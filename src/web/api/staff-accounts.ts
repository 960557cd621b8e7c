import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZOrganizationSettings,
  type UpdateOrganizationSettings,
} from '../../shared/contracts/org-settings.js';
import {
  ZAccessSheetResponse,
  ZAuditListResponse,
  ZBlockResponse,
  ZOpenAccessResponse,
  ZResendInvitationResponse,
  ZRevokeSessionsResponse,
  ZStaffAccountDetail,
  ZStaffAccountListResponse,
  ZStaffAccountSummary,
  type AccountStatus,
  type OpenAccessRequest,
  type SetBlockRequest,
  type UpdateAccountRequest,
} from '../../shared/contracts/staff-accounts.js';
import { apiCommand, apiRequest } from './client.js';

const accountsKey = ['staff', 'accounts'] as const;
const accountKey = (id: string) => [...accountsKey, 'detail', id] as const;
const settingsKey = ['staff', 'organization', 'settings'] as const;
const path = (id: string) => `/api/staff/accounts/${encodeURIComponent(id)}`;

/** Accounts by search text and status (`GET /api/staff/accounts`). */
export function useStaffAccounts(query: string, status: AccountStatus | null) {
  return useQuery({
    queryKey: [...accountsKey, 'list', query, status],
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/accounts', ZStaffAccountListResponse, {
        query: { query: query.trim() || undefined, status: status ?? undefined, limit: 100 },
        signal,
      }),
  });
}

/** One account with blocks, sessions, sign-ins and audit (`GET /api/staff/accounts/:id`). */
export function useStaffAccount(id: string) {
  return useQuery({
    queryKey: accountKey(id),
    queryFn: ({ signal }) => apiRequest(path(id), ZStaffAccountDetail, { signal }),
  });
}

/** A change to one account; refreshes the list and the account afterwards. */
function useAccountChange<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}

/** Creates an account or opens access for an existing one (`POST /api/staff/accounts`). */
export function useOpenAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenAccessRequest) =>
      apiRequest('/api/staff/accounts', ZOpenAccessResponse, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}

/** Name, access period, session limit (`PATCH /api/staff/accounts/:id`). */
export function useUpdateAccount(id: string) {
  return useAccountChange((body: UpdateAccountRequest) =>
    apiRequest(path(id), ZStaffAccountSummary, {
      method: 'PATCH',
      body,
    }),
  );
}

/** A new invitation email and link (`POST …/invitation`). */
export function useResendInvitation(id: string) {
  return useAccountChange(() =>
    apiRequest(`${path(id)}/invitation`, ZResendInvitationResponse, { method: 'POST' }),
  );
}

/** A fresh access-sheet code (`POST …/access-sheet`). */
export function useIssueAccessSheet(id: string) {
  return useAccountChange(() =>
    apiRequest(`${path(id)}/access-sheet`, ZAccessSheetResponse, { method: 'POST' }),
  );
}

/** Ends all the account's sessions (`POST …/sessions/revoke`). */
export function useRevokeAccountSessions(id: string) {
  return useAccountChange(() =>
    apiRequest(`${path(id)}/sessions/revoke`, ZRevokeSessionsResponse, { method: 'POST' }),
  );
}

/** Blocks the account with a reason (`POST …/blocks`). */
export function useSetBlock(id: string) {
  return useAccountChange((body: SetBlockRequest) =>
    apiRequest(`${path(id)}/blocks`, ZBlockResponse, { method: 'POST', body }),
  );
}

/** Shortens or extends a block (`PATCH …/blocks/:blockId`). */
export function useChangeBlock(id: string) {
  return useAccountChange((change: { blockId: string; endsAt: string | null }) =>
    apiRequest(`${path(id)}/blocks/${encodeURIComponent(change.blockId)}`, ZBlockResponse, {
      method: 'PATCH',
      body: { endsAt: change.endsAt },
    }),
  );
}

/** Lifts a block (`DELETE …/blocks/:blockId`). */
export function useLiftBlock(id: string) {
  return useAccountChange((blockId: string) =>
    apiCommand(`${path(id)}/blocks/${encodeURIComponent(blockId)}`, { method: 'DELETE' }),
  );
}

/** The organization's security audit log (`GET /api/staff/audit`). */
export function useAudit(subjectId?: string) {
  return useQuery({
    queryKey: ['staff', 'audit', subjectId ?? 'all'],
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/audit', ZAuditListResponse, {
        query: { subjectId, limit: 100 },
        signal,
      }),
  });
}

/** Access settings of the organization (`GET /api/staff/organization/settings`). */
export function useOrganizationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/organization/settings', ZOrganizationSettings, { signal }),
  });
}

/** Changes access settings (`PATCH /api/staff/organization/settings`). */
export function useUpdateOrganizationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationSettings) =>
      apiRequest('/api/staff/organization/settings', ZOrganizationSettings, {
        method: 'PATCH',
        body,
      }),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      // The public organization (support contacts, minimum length) is part of the session.
      void queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
}
