import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZCreatePushSubscriptionResponse,
  ZNotificationListResponse,
  ZNotificationPreferencesResponse,
  ZTestNotificationResponse,
  ZVapidPublicKeyResponse,
  type CreatePushSubscriptionRequest,
  type NotificationPreference,
  type NotificationPreferencesResponse,
} from '../../shared/contracts/notifications.js';
import { apiCommand, apiRequest } from './client.js';

/** Everything of the person's own notifications. */
const notificationsKey = ['notifications'] as const;
const preferencesKey = [...notificationsKey, 'preferences'] as const;
const ownLogKey = [...notificationsKey, 'log'] as const;
const staffLogKey = (userId: string) => ['staff', 'notifications', userId] as const;

/** How many log entries one page brings. */
const LOG_PAGE = 20;

/** The VAPID public key for `pushManager.subscribe` (`GET /api/notifications/vapid-public-key`). */
export function fetchVapidPublicKey(): Promise<string> {
  return apiRequest('/api/notifications/vapid-public-key', ZVapidPublicKeyResponse).then(
    (answer) => answer.publicKey,
  );
}

/**
 * Registers this browser's push subscription for the signed-in person
 * (`POST /api/notifications/push-subscriptions`); resolves with its id on the server.
 */
export function registerPushSubscription(body: CreatePushSubscriptionRequest): Promise<string> {
  return apiRequest('/api/notifications/push-subscriptions', ZCreatePushSubscriptionResponse, {
    method: 'POST',
    body,
  }).then((answer) => answer.id);
}

/** Forgets a push subscription on the server (`DELETE /api/notifications/push-subscriptions/:id`). */
export function deletePushSubscription(id: string): Promise<void> {
  return apiCommand(`/api/notifications/push-subscriptions/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
}

/** Preferences, device count, email fallback and quiet hours (`GET /api/notifications/preferences`). */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) =>
      apiRequest('/api/notifications/preferences', ZNotificationPreferencesResponse, { signal }),
  });
}

/** Refetches the preferences (their device count changes when this device subscribes). */
export function useRefreshNotificationPreferences() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationsKey });
}

/**
 * Saves changed switches (`PUT /api/notifications/preferences`). The switch moves at once and
 * moves back if the server refuses, so the grid never lies about what is stored.
 */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: NotificationPreference[]) =>
      apiRequest('/api/notifications/preferences', ZNotificationPreferencesResponse, {
        method: 'PUT',
        body: { preferences },
      }),
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey: preferencesKey });
      const before = queryClient.getQueryData<NotificationPreferencesResponse>(preferencesKey);
      if (before) {
        const changed = (p: NotificationPreference) =>
          changes.find((c) => c.type === p.type && c.channel === p.channel);
        queryClient.setQueryData<NotificationPreferencesResponse>(preferencesKey, {
          ...before,
          preferences: before.preferences.map((p) => changed(p) ?? p),
        });
      }
      return { before };
    },
    onError: (_error, _changes, context) => {
      if (context?.before) queryClient.setQueryData(preferencesKey, context.before);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(preferencesKey, saved);
    },
  });
}

/** Queues a test push to the person's devices (`POST /api/notifications/test`). */
export function useSendTestNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest('/api/notifications/test', ZTestNotificationResponse, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ownLogKey }),
  });
}

/** The person's own notification log, newest first, a page at a time (`GET /api/notifications`). */
export function useOwnNotificationLog() {
  return useInfiniteQuery({
    queryKey: ownLogKey,
    queryFn: ({ pageParam, signal }) =>
      apiRequest('/api/notifications', ZNotificationListResponse, {
        query: { before: pageParam, limit: LOG_PAGE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** One person's notification log for staff (`GET /api/staff/notifications?userId=`). */
export function useStaffNotificationLog(userId: string) {
  return useInfiniteQuery({
    queryKey: staffLogKey(userId),
    queryFn: ({ pageParam, signal }) =>
      apiRequest('/api/staff/notifications', ZNotificationListResponse, {
        query: { userId, before: pageParam, limit: LOG_PAGE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled: userId !== '',
  });
}
