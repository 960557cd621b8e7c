import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZCertificateImportResponse,
  ZIssueCertificateResponse,
  ZNewActivationCodeResponse,
  ZStaffCertificateListResponse,
  type CertificateStatus,
  type IssueCertificateRequest,
} from '../../shared/contracts/helpdesk-certificates.js';
import {
  ZCannedResponse,
  ZCannedResponseListResponse,
  ZDepartment,
  ZHelpdeskSettings,
  ZStaffAgentsResponse,
  ZStaffBulkResponse,
  ZStaffQueueResponse,
  ZStaffTicketDetail,
  ZSupportLevel,
  ZTicketField,
  type CannedResponseInput,
  type DepartmentInput,
  type StaffBulkRequest,
  type StaffMessageRequest,
  type StaffQueueSort,
  type StaffTicketPriority,
  type StaffTicketStatus,
  type SupportLevelInput,
  type TicketFieldInput,
} from '../../shared/contracts/helpdesk-staff.js';
import { apiCommand, apiRequest } from './client.js';

const BASE = '/api/staff/helpdesk';

/** Everything of the staff help desk; invalidating it refreshes the queue and open tickets. */
export const staffHelpdeskKey = ['staff', 'helpdesk'] as const;
const queueKey = [...staffHelpdeskKey, 'queue'] as const;
const ticketsKey = [...staffHelpdeskKey, 'ticket'] as const;
const settingsKey = [...staffHelpdeskKey, 'settings'] as const;
const cannedKey = [...staffHelpdeskKey, 'canned'] as const;
const certificatesKey = [...staffHelpdeskKey, 'certificates'] as const;

/** The queue's filters, as kept in the address bar. */
export interface QueueFilters {
  department?: string | undefined;
  status: StaffTicketStatus[];
  priority: StaffTicketPriority[];
  /** `me`, `unassigned`, or a staff member's id; undefined: anyone. */
  assignee?: string | undefined;
  certificate?: string | undefined;
  sla?: 'due_soon' | 'breached' | undefined;
  q?: string | undefined;
  sort: StaffQueueSort;
}

/** The number of rows on one page of the queue. */
export const QUEUE_PAGE_SIZE = 50;

/** One page of the queue (`GET /api/staff/helpdesk/tickets`), keyset-paginated by cursor. */
export function useStaffQueue(filters: QueueFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: [...queueKey, filters, cursor ?? null],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/tickets`, ZStaffQueueResponse, {
        query: {
          department: filters.department,
          status: filters.status.length > 0 ? filters.status.join(',') : undefined,
          priority: filters.priority.length > 0 ? filters.priority.join(',') : undefined,
          assignee: filters.assignee,
          certificate: filters.certificate,
          sla: filters.sla,
          q: filters.q,
          sort: filters.sort,
          cursor,
          limit: QUEUE_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/staff/helpdesk/tickets/:number`. */
export const staffTicketKey = (number: number) => [...ticketsKey, number] as const;

/** One ticket with its conversation, internal notes and history. */
export function useStaffTicket(number: number) {
  return useQuery({
    queryKey: staffTicketKey(number),
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/tickets/${String(number)}`, ZStaffTicketDetail, { signal }),
    enabled: Number.isInteger(number) && number > 0,
  });
}

/** Refreshes the queue and every open ticket after a change. */
function useInvalidateTickets() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queueKey }),
      queryClient.invalidateQueries({ queryKey: ticketsKey }),
    ]);
}

/** A reply, an internal note or a status action with a message (`POST …/messages`). */
export function useStaffMessage(number: number) {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: StaffMessageRequest) =>
      apiCommand(`${BASE}/tickets/${String(number)}/messages`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** Any of the one-ticket changes without a message: status, assignee, fields, merge. */
export type TicketChange =
  | { kind: 'status'; to: StaffTicketStatus }
  | { kind: 'assign'; assigneeId: string | null }
  | {
      kind: 'update';
      priority?: StaffTicketPriority;
      departmentId?: string;
      type?: 'question' | 'incident' | 'request';
    }
  | { kind: 'merge'; into: number; confirmDifferentCustomers: boolean };

/** Changes one ticket (`…/status`, `…/assign`, `PATCH …`, `…/merge`). */
export function useChangeTicket(number: number) {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (change: TicketChange) => {
      const path = `${BASE}/tickets/${String(number)}`;
      switch (change.kind) {
        case 'status':
          return apiCommand(`${path}/status`, { method: 'POST', body: { to: change.to } });
        case 'assign':
          return apiCommand(`${path}/assign`, {
            method: 'POST',
            body: { assigneeId: change.assigneeId },
          });
        case 'update': {
          const { priority, departmentId, type } = change;
          return apiCommand(path, { method: 'PATCH', body: { priority, departmentId, type } });
        }
        case 'merge': {
          const { into, confirmDifferentCustomers } = change;
          return apiCommand(`${path}/merge`, {
            method: 'POST',
            body: { into, confirmDifferentCustomers },
          });
        }
      }
    },
    onSuccess: invalidate,
  });
}

/** A bulk action on the selected tickets (`POST /api/staff/helpdesk/tickets/bulk`). */
export function useBulkTickets() {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: StaffBulkRequest) =>
      apiRequest(`${BASE}/tickets/bulk`, ZStaffBulkResponse, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** Staff who can be assigned tickets (`GET /api/staff/helpdesk/agents`). */
export function useAgents() {
  return useQuery({
    queryKey: [...staffHelpdeskKey, 'agents'],
    queryFn: ({ signal }) => apiRequest(`${BASE}/agents`, ZStaffAgentsResponse, { signal }),
    staleTime: 60_000,
  });
}

/** Canned responses for the reply box (`GET /api/staff/helpdesk/canned-responses`). */
export function useCannedResponses() {
  return useQuery({
    queryKey: cannedKey,
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/canned-responses`, ZCannedResponseListResponse, { signal }),
  });
}

/** Departments, support levels, ticket fields and canned responses (owner, admin). */
export function useHelpdeskSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiRequest(`${BASE}/settings`, ZHelpdeskSettings, { signal }),
  });
}

/** The settings collections with their input and output shapes. */
const SETTINGS = {
  departments: ZDepartment,
  'support-levels': ZSupportLevel,
  'ticket-fields': ZTicketField,
  'canned-responses': ZCannedResponse,
} as const;

/** What each settings collection accepts. */
export interface SettingsInputs {
  departments: DepartmentInput;
  'support-levels': SupportLevelInput;
  'ticket-fields': TicketFieldInput;
  'canned-responses': CannedResponseInput;
}

/** Creates (no `id`), updates or deletes one item of a settings collection. */
export function useSaveSetting<K extends keyof SettingsInputs>(collection: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change: { id?: string; input: SettingsInputs[K] } | { id: string; remove: true },
    ) => {
      const path = `${BASE}/${collection}`;
      if ('remove' in change) {
        return apiCommand(`${path}/${encodeURIComponent(change.id)}`, { method: 'DELETE' });
      }
      return apiRequest(
        change.id ? `${path}/${encodeURIComponent(change.id)}` : path,
        SETTINGS[collection] as z.ZodType,
        { method: change.id ? 'PUT' : 'POST', body: change.input },
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: settingsKey }),
        queryClient.invalidateQueries({ queryKey: cannedKey }),
      ]),
  });
}

/** The certificates list's filters. */
export interface CertificateFilters {
  q?: string | undefined;
  status?: CertificateStatus | undefined;
  registered?: 'yes' | 'no' | undefined;
}

/** Certificates page by page (`GET /api/staff/helpdesk/certificates`, «Показать ещё»). */
export function useStaffCertificates(filters: CertificateFilters) {
  return useInfiniteQuery({
    queryKey: [...certificatesKey, filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`${BASE}/certificates`, ZStaffCertificateListResponse, {
        query: { ...filters, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Issues one certificate; the answer carries the activation code, shown once. */
export function useIssueCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueCertificateRequest) =>
      apiRequest(`${BASE}/certificates`, ZIssueCertificateResponse, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificatesKey }),
  });
}

/** A new activation code for a certificate (the old one stops working). */
export function useNewActivationCode() {
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(
        `${BASE}/certificates/${encodeURIComponent(id)}/activation-code`,
        ZNewActivationCodeResponse,
        { method: 'POST' },
      ),
  });
}

/** Imports a CSV file (multipart, field `file`); the answer has counts and per-line errors. */
export function useImportCertificates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return apiRequest(`${BASE}/certificates/import`, ZCertificateImportResponse, {
        method: 'POST',
        formData,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificatesKey }),
  });
}
