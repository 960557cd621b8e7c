import type { Workload } from '../lib/workload.js';
import { BENCH_TOKENS, benchId, cookieOf, startHelpdeskKabinet } from './helpdesk-shared.js';

const queue = '/api/staff/helpdesk/tickets';
const department = (k: number) => `department=${benchId(`bench-dept-${k}`)}`;

/** The staff queue over HTTP: the filters an agent switches between, in turn. */
export const helpdeskStaffQueue: Workload = {
  name: 'helpdesk-staff-queue',
  title: 'Kabinet GET /api/staff/helpdesk/tickets (staff queue), PostgreSQL',
  notes:
    'The staff queue on the generated help desk (same data as helpdesk-my-tickets), signed in ' +
    'as an administrator, 50 rows a page. Cycles through 12 views: in progress (default), new, ' +
    'awaiting the customer, a department, priority urgent+high, assigned to me, unassigned, SLA ' +
    'breached, by SLA deadline, department+status+priority, closed history, another agent’s ' +
    'open tickets; all sorted by last activity except the deadline view. Target p99 ≤ 30 ms.',
  kind: 'http',
  connections: 10,
  pacedShare: 0.5,
  needs: ['postgres'],
  request: {
    method: 'GET',
    path: queue,
    headers: cookieOf(BENCH_TOKENS.staff),
    variants: [
      { path: queue },
      { path: `${queue}?status=new` },
      { path: `${queue}?status=awaiting_customer` },
      { path: `${queue}?${department(1)}` },
      { path: `${queue}?priority=urgent,high` },
      { path: `${queue}?assignee=me` },
      { path: `${queue}?assignee=unassigned` },
      { path: `${queue}?sla=breached` },
      { path: `${queue}?sort=due_asc` },
      { path: `${queue}?${department(2)}&status=open&priority=high` },
      { path: `${queue}?status=closed` },
      { path: `${queue}?assignee=${benchId('bench-staff-5')}&status=open` },
    ],
  },
  async start(resources) {
    const { server } = await startHelpdeskKabinet(resources);
    return server;
  },
};
