import { RESOLVED_STATUSES, ZTicketStatus } from '../../../shared/contracts/helpdesk-tickets.js';
import type { TicketListFilters } from '../../api/helpdesk.js';

/** Columns «Мои обращения» can be sorted by (the server's `sort`). */
export const SORTS = ['number', 'lastUpdate', 'status', 'priority'] as const;

/** Reads the list's state from the address bar, so it survives reloads and can be shared. */
export function readFilters(params: URLSearchParams): TicketListFilters {
  const status = ZTicketStatus.safeParse(params.get('status'));
  const sort = SORTS.find((value) => value === params.get('sort')) ?? 'lastUpdate';
  const page = Number(params.get('page'));
  const statusValue = status.success ? status.data : undefined;
  return {
    status: statusValue,
    // Choosing «Решено» or «Закрыто» in the filter means showing them.
    includeResolved:
      params.get('resolved') === '1' ||
      (statusValue !== undefined && (RESOLVED_STATUSES as readonly string[]).includes(statusValue)),
    q: params.get('q') ?? undefined,
    sort,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
