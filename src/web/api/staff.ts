import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZFailedJobsResponse,
  ZOutboxListResponse,
  ZOutboxMessage,
} from '../../shared/contracts/staff.js';
import { apiCommand, apiRequest } from './client.js';
import { ZSmsOutboxListResponse } from '../../shared/contracts/sms.js';
import { failedJobsKey, outboxKey, outboxMessageKey, smsOutboxKey } from './keys.js';

const OUTBOX_PAGE_SIZE = 50;

/** Outbox emails, newest first, fetched page by page (`GET /api/staff/outbox`). */
export function useOutbox() {
  return useInfiniteQuery({
    queryKey: outboxKey,
    queryFn: ({ pageParam, signal }) =>
      apiRequest('/api/staff/outbox', ZOutboxListResponse, {
        query: { before: pageParam, limit: OUTBOX_PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  });
}

/** Outbox SMS, newest first, page by page (`GET /api/staff/sms-outbox`). */
export function useSmsOutbox() {
  return useInfiniteQuery({
    queryKey: smsOutboxKey,
    queryFn: ({ pageParam, signal }) =>
      apiRequest('/api/staff/sms-outbox', ZSmsOutboxListResponse, {
        query: { before: pageParam, limit: OUTBOX_PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  });
}

/** One outbox email with its text and HTML bodies (`GET /api/staff/outbox/:id`). */
export function useOutboxMessage(id: string) {
  return useQuery({
    queryKey: outboxMessageKey(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/staff/outbox/${encodeURIComponent(id)}`, ZOutboxMessage, { signal }),
  });
}

/** Jobs that failed every retry (`GET /api/staff/jobs/failed`). */
export function useFailedJobs() {
  return useQuery({
    queryKey: failedJobsKey,
    queryFn: ({ signal }) => apiRequest('/api/staff/jobs/failed', ZFailedJobsResponse, { signal }),
  });
}

/** Puts a failed job back in its queue (`POST /api/staff/jobs/:name/:id/retry`). */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: { name: string; id: string }) =>
      apiCommand(
        `/api/staff/jobs/${encodeURIComponent(job.name)}/${encodeURIComponent(job.id)}/retry`,
        { method: 'POST' },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: failedJobsKey }),
  });
}
