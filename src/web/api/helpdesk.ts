import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZErrorResponse } from '../../shared/contracts/common.js';
import {
  ZCreateTicketResponse,
  ZHelpdeskPreferences,
  ZTicketDetail,
  ZTicketFormResponse,
  ZTicketListResponse,
  ZTicketReplyResponse,
  ZUploadAttachmentResponse,
  type CreateTicketRequest,
  type HelpdeskPreferences,
  type TicketAttachment,
  type TicketReplyRequest,
  type TicketStatus,
} from '../../shared/contracts/helpdesk-tickets.js';
import { currentLocale, i18n } from '../i18n/index.js';
import { ApiError, apiCommand, apiRequest } from './client.js';

/** Everything of the customer's help desk; invalidating it refreshes lists and tickets. */
export const helpdeskKey = ['helpdesk'] as const;
const ticketsKey = [...helpdeskKey, 'tickets'] as const;
/** `GET /api/helpdesk/tickets/:number`. */
export const ticketKey = (number: number) => [...ticketsKey, 'detail', number] as const;
const formKey = [...helpdeskKey, 'form'] as const;
const preferencesKey = [...helpdeskKey, 'preferences'] as const;

/** «Мои обращения» filters as kept in the address bar. */
export interface TicketListFilters {
  status?: TicketStatus | undefined;
  includeResolved: boolean;
  q?: string | undefined;
  sort: 'number' | 'lastUpdate' | 'status' | 'priority';
  order: 'asc' | 'desc';
  page: number;
}

/** The ticket form's certificates, fields, types and attachment limits (`GET /api/helpdesk/form`). */
export function useTicketForm() {
  return useQuery({
    queryKey: formKey,
    queryFn: ({ signal }) => apiRequest('/api/helpdesk/form', ZTicketFormResponse, { signal }),
  });
}

/** One page of «Мои обращения» (`GET /api/helpdesk/tickets`); the previous page stays while loading. */
export function useMyTickets(filters: TicketListFilters) {
  return useQuery({
    queryKey: [...ticketsKey, 'list', filters],
    queryFn: ({ signal }) =>
      apiRequest('/api/helpdesk/tickets', ZTicketListResponse, {
        query: {
          status: filters.status,
          includeResolved: String(filters.includeResolved),
          q: filters.q || undefined,
          sort: filters.sort,
          order: filters.order,
          page: filters.page,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A ticket with its conversation (`GET /api/helpdesk/tickets/:number`). */
export function useTicket(number: number) {
  return useQuery({
    queryKey: ticketKey(number),
    queryFn: ({ signal }) =>
      apiRequest(`/api/helpdesk/tickets/${String(number)}`, ZTicketDetail, { signal }),
    enabled: Number.isInteger(number) && number > 0,
  });
}

/**
 * Sends a new ticket (`POST /api/helpdesk/tickets`). The idempotency key is made once per form
 * by the caller: a double click or a retry after a lost answer gets the same ticket back.
 */
export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketRequest & { clientRequestId: string }) =>
      apiRequest('/api/helpdesk/tickets', ZCreateTicketResponse, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}

/** A customer reply (`POST /api/helpdesk/tickets/:number/messages`). */
export function useReplyToTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketReplyRequest) =>
      apiRequest(`/api/helpdesk/tickets/${String(number)}/messages`, ZTicketReplyResponse, {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}

/** Closes (`…/close`) or reopens (`…/reopen`) the customer's own ticket. */
export function useTicketAction(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'close' | 'reopen') =>
      apiCommand(`/api/helpdesk/tickets/${String(number)}/${action}`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}

/** Where an attachment is downloaded or shown inline. */
export const attachmentUrl = (id: string) => `/api/helpdesk/attachments/${encodeURIComponent(id)}`;

/** The person's non-essential help-desk emails (`GET /api/helpdesk/preferences`). */
export function useHelpdeskPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) =>
      apiRequest('/api/helpdesk/preferences', ZHelpdeskPreferences, { signal }),
  });
}

/** Saves the preferences (`PUT /api/helpdesk/preferences`). */
export function useSaveHelpdeskPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HelpdeskPreferences) =>
      apiRequest('/api/helpdesk/preferences', ZHelpdeskPreferences, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

function errorFromXhr(xhr: XMLHttpRequest): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText) as unknown;
  } catch {
    body = undefined;
  }
  const parsed = ZErrorResponse.safeParse(body);
  if (!parsed.success) {
    return new ApiError(xhr.status, 'unexpected_response', i18n.t('errors.unexpectedResponse'));
  }
  const { code, message, details } = parsed.data.error;
  return new ApiError(xhr.status, code, message, details);
}

/**
 * Uploads one attachment (`POST /api/helpdesk/attachments`, multipart field `file`). Uses
 * XMLHttpRequest rather than fetch because only it reports upload progress.
 */
export function uploadAttachment(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<TicketAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/helpdesk/attachments');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorFromXhr(xhr));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = undefined;
      }
      const parsed = ZUploadAttachmentResponse.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else
        reject(
          new ApiError(xhr.status, 'unexpected_response', i18n.t('errors.unexpectedResponse')),
        );
    };
    xhr.onerror = () => {
      reject(new ApiError(0, 'network_error', i18n.t('errors.network')));
    };
    xhr.onabort = () => {
      reject(new DOMException('aborted', 'AbortError'));
    };
    signal.addEventListener(
      'abort',
      () => {
        xhr.abort();
      },
      { once: true },
    );
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
