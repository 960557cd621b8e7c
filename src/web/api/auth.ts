import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  ZAuthSessionResponse,
  ZSessionsResponse,
  ZSignInResponse,
  type AuthSessionResponse,
  type SignInRequest,
} from '../../shared/contracts/auth.js';
import { ZSetupStatusResponse, type SetupRequest } from '../../shared/contracts/session.js';
import { clearAuthNotice, noteSessionError } from '../auth/auth-notice.js';
import { ApiError, apiCommand, apiRequest } from './client.js';
import { sessionKey, sessionsKey, setupKey } from './keys.js';

function isBlocked(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'account_blocked';
}

function fetchSession(signal: AbortSignal): Promise<AuthSessionResponse> {
  return apiRequest('/api/auth/session', ZAuthSessionResponse, { signal });
}

/**
 * Who is signed in, in which organization (`GET /api/auth/session`). When the server says
 * the session was ended (signed in elsewhere, password changed, account blocked), the
 * reason is kept for the sign-in page and the session is read again as a guest.
 */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }) => {
      try {
        return await fetchSession(signal);
      } catch (error) {
        // The server drops an ended session's cookie with that answer: ask once more, as a
        // guest. A blocked account keeps its cookie (the session resumes once the block
        // lifts), so that error stands and the layout shows the blocked screen.
        if (noteSessionError(error) && !isBlocked(error)) return fetchSession(signal);
        throw error;
      }
    },
  });
}

/** Drops everything cached for the previous person, keeping only the session itself. */
function forgetPersonalData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

/** Signs in with email, phone or personal code (`POST /api/auth/sign-in`). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) =>
      apiRequest('/api/auth/sign-in', ZSignInResponse, { method: 'POST', body }),
    onSuccess: (result) => {
      clearAuthNotice();
      forgetPersonalData(queryClient);
      queryClient.setQueryData<AuthSessionResponse>(sessionKey, result);
    },
  });
}

/** Signs out (`POST /api/auth/sign-out`) and drops everything cached for the person. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCommand('/api/auth/sign-out', { method: 'POST' }),
    onSuccess: () => {
      forgetPersonalData(queryClient);
      queryClient.setQueryData<AuthSessionResponse>(sessionKey, (old) =>
        old ? { ...old, account: null, session: null } : old,
      );
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** The person's signed-in devices (`GET /api/auth/sessions`). */
export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => apiRequest('/api/auth/sessions', ZSessionsResponse, { signal }),
  });
}

/** Ends one of the person's other sessions (`DELETE /api/auth/sessions/:id`). */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiCommand(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Ends every session but this one (`POST /api/auth/sessions/revoke-others`). */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCommand('/api/auth/sessions/revoke-others', { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Whether a first-administrator link is still valid (`GET /api/setup/:token`). */
export function useSetupStatus(token: string) {
  return useQuery({
    queryKey: setupKey(token),
    queryFn: ({ signal }) =>
      apiRequest(`/api/setup/${encodeURIComponent(token)}`, ZSetupStatusResponse, { signal }),
    staleTime: Infinity,
  });
}

/** Creates the first administrator and signs in as them (`POST /api/setup/:token`). */
export function useCompleteSetup(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The answer's shape belongs to the setup contract; the session is read afresh instead.
    mutationFn: (body: SetupRequest) =>
      apiCommand(`/api/setup/${encodeURIComponent(token)}`, { method: 'POST', body }),
    // Awaited before the page navigates, so the console sees the new owner, not a guest.
    // The used link's cached status is left alone (refetching it would only earn a 410).
    onSuccess: () => queryClient.refetchQueries({ queryKey: sessionKey }),
  });
}
