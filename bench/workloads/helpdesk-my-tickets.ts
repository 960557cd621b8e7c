import type { Workload } from '../lib/workload.js';
import { BENCH_TOKENS, cookieOf, startHelpdeskKabinet } from './helpdesk-shared.js';

const busy = cookieOf(BENCH_TOKENS.busyCustomer);
const typical = cookieOf(BENCH_TOKENS.typicalCustomer);
const list = '/api/helpdesk/tickets';

/** «Мои обращения» over HTTP: the views a customer actually opens, in turn. */
export const helpdeskMyTickets: Workload = {
  name: 'helpdesk-my-tickets',
  title: 'Kabinet GET /api/helpdesk/tickets (customer list), PostgreSQL',
  notes:
    'Customer ticket lists on the generated help desk (BENCH_HELPDESK_TICKETS tickets, 5 messages ' +
    'each; BENCH_HELPDESK_DATABASE for a prepared full-size database). Cycles through 10 views: ' +
    'the busiest customer (thousands of tickets) with the default filter, page 2, «show resolved» ' +
    'pages 1 and 2, status closed and open, by number, a subject search; and a typical customer ' +
    '(about 10 tickets). Real session cookie; target p99 ≤ 30 ms at 2M tickets.',
  kind: 'http',
  connections: 10,
  pacedShare: 0.5,
  needs: ['postgres'],
  request: {
    method: 'GET',
    path: list,
    headers: busy,
    variants: [
      { path: list },
      { path: `${list}?page=2` },
      { path: `${list}?includeResolved=true` },
      { path: `${list}?includeResolved=true&page=2` },
      { path: `${list}?status=closed` },
      { path: `${list}?status=open` },
      { path: `${list}?includeResolved=true&sort=number&order=desc` },
      { path: `${list}?includeResolved=true&q=${encodeURIComponent('пароль')}` },
      { path: list, headers: typical },
      { path: `${list}?includeResolved=true`, headers: typical },
    ],
  },
  async start(resources) {
    const { server } = await startHelpdeskKabinet(resources);
    return server;
  },
};
