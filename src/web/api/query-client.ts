import { MutationCache, onlineManager, QueryCache, QueryClient } from '@tanstack/react-query';
import type { AuthSessionResponse } from '../../shared/contracts/auth.js';
import { noteSessionError } from '../auth/auth-notice.js';
import { isTransientError } from './client.js';
import { sessionKey } from './keys.js';

/**
 * Forgets the signed-in person when the server says the session is gone (expired, ended
 * elsewhere, account blocked); the reason is kept for the sign-in page.
 */
function forgetUserWhenSessionGone(client: QueryClient, error: unknown): void {
  if (!noteSessionError(error)) return;
  client.setQueryData<AuthSessionResponse>(sessionKey, (old) =>
    old ? { ...old, account: null, session: null } : old,
  );
}

/** One QueryClient per app: retries only transient failures, never 4xx answers. */
export function createQueryClient(): QueryClient {
  // TanStack Query assumes "online" until an event says otherwise; a page opened offline
  // (from the service worker's cache) must pause its queries instead of failing them.
  onlineManager.setOnline(navigator.onLine);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        forgetUserWhenSessionGone(client, error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        // Also a refused sign-in: its `account_blocked` becomes the notice the sign-in
        // page shows as the blocked screen, the same as for a session blocked later.
        forgetUserWhenSessionGone(client, error);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isTransientError(error) && failureCount < 2,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
