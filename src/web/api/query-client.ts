import { MutationCache, onlineManager, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isTransientError } from './client.js';
import { sessionKey } from './keys.js';
import type { SessionResponse } from '../../shared/contracts/session.js';

/** Forgets the signed-in person when the server says the session is gone. */
function forgetUserOnUnauthenticated(client: QueryClient, error: unknown): void {
  if (!(error instanceof ApiError) || error.code !== 'unauthenticated') return;
  client.setQueryData<SessionResponse>(sessionKey, (old) => (old ? { ...old, user: null } : old));
}

/** One QueryClient per app: retries only transient failures, never 4xx answers. */
export function createQueryClient(): QueryClient {
  // TanStack Query assumes "online" until an event says otherwise; a page opened offline
  // (from the service worker's cache) must pause its queries instead of failing them.
  onlineManager.setOnline(navigator.onLine);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        forgetUserOnUnauthenticated(client, error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        forgetUserOnUnauthenticated(client, error);
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
