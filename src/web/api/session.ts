import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZSessionResponse,
  ZSetupStatusResponse,
  type SessionResponse,
  type SetupRequest,
  type SignInRequest,
} from '../../shared/contracts/session.js';
import { apiCommand, apiRequest } from './client.js';
import { sessionKey, setupKey } from './keys.js';

/** Who is signed in, in which organization (`GET /api/session`). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => apiRequest('/api/session', ZSessionResponse, { signal }),
  });
}

/** Signs in with email and password (`POST /api/session`). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) =>
      apiRequest('/api/session', ZSessionResponse, { method: 'POST', body }),
    onSuccess: (session) => {
      // Nothing cached for a previous person may leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData<SessionResponse>(sessionKey, session);
    },
  });
}

/** Signs out (`DELETE /api/session`) and drops everything cached for the person. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCommand('/api/session', { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData<SessionResponse>(sessionKey, (old) =>
        old ? { ...old, user: null } : old,
      );
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
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
    mutationFn: (body: SetupRequest) =>
      apiRequest(`/api/setup/${encodeURIComponent(token)}`, ZSessionResponse, {
        method: 'POST',
        body,
      }),
    onSuccess: (session) => {
      // The link is now used up; the page navigates away, so its cached status is left as is
      // (refetching it here would only earn a 410).
      queryClient.setQueryData<SessionResponse>(sessionKey, session);
    },
  });
}
