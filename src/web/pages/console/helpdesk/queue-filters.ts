import {
  STAFF_QUEUE_SORTS,
  STAFF_TICKET_PRIORITIES,
  STAFF_TICKET_STATUSES,
  type StaffQueueSort,
  type StaffTicketPriority,
  type StaffTicketStatus,
} from '../../../../shared/contracts/helpdesk-staff.js';
import type { QueueFilters } from '../../../api/helpdesk-staff.js';

function listOf<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter((value): value is T => (allowed as readonly string[]).includes(value));
  return [...new Set(values)];
}

function textOf(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}

/**
 * Reads the queue's filters from the address bar, so a filtered queue can be bookmarked and
 * shared; unknown values are dropped rather than sent to the server.
 */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  const sort = params.get('sort');
  const sla = params.get('sla');
  return {
    department: textOf(params, 'department'),
    status: listOf<StaffTicketStatus>(params, 'status', STAFF_TICKET_STATUSES),
    priority: listOf<StaffTicketPriority>(params, 'priority', STAFF_TICKET_PRIORITIES),
    assignee: textOf(params, 'assignee'),
    certificate: textOf(params, 'certificate'),
    sla: sla === 'due_soon' || sla === 'breached' ? sla : undefined,
    q: textOf(params, 'q'),
    sort: (STAFF_QUEUE_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as StaffQueueSort)
      : 'activity_desc',
  };
}

/** Writes the filters back as search params, leaving out the defaults. */
export function writeQueueFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.department) params.set('department', filters.department);
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.priority.length > 0) params.set('priority', filters.priority.join(','));
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.certificate) params.set('certificate', filters.certificate);
  if (filters.sla) params.set('sla', filters.sla);
  if (filters.q) params.set('q', filters.q);
  if (filters.sort !== 'activity_desc') params.set('sort', filters.sort);
  return params;
}
