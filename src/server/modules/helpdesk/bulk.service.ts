import { sql, type SQL } from 'drizzle-orm';
import type {
  StaffBulkRequest,
  StaffBulkResponse,
} from '../../../shared/contracts/helpdesk-staff.js';
import type { AppContext } from '../../infra/context.js';
import type { Organization } from '../orgs/index.js';
import { assertAssignable, assertDepartment, type DeskActor } from './desk-actions.service.js';

// Statuses a bulk status change may start from (the same rules as one ticket's status action).
const BULK_FROM = {
  open: ['new', 'awaiting_customer', 'resolved', 'closed'],
  resolved: ['new', 'open', 'awaiting_customer'],
  closed: ['new', 'open', 'awaiting_customer', 'resolved'],
} as const;

const intArray = (numbers: number[]) => sql`${`{${numbers.join(',')}}`}::int[]`;
const textArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;

/**
 * One statement per action: a CTE locks the matching tickets that would change, updates them,
 * and inserts their history events (`details.bulk: true`) — set-based, so thousands of tickets
 * take one round trip. Tickets already in the asked state, unknown numbers and (for status)
 * tickets that may not move there are skipped and listed.
 * Bulk status changes write events but send no customer emails: they are housekeeping (spam,
 * stale tickets); per-ticket actions email the customer.
 */
export async function runBulkAction(
  ctx: AppContext,
  organization: Organization,
  actor: DeskActor,
  request: StaffBulkRequest,
  now = new Date(),
): Promise<StaffBulkResponse> {
  const numbers = [...new Set(request.numbers)];
  let column: SQL;
  let value: SQL;
  let kind: string;
  let extraWhere = sql`true`;
  let extraSet = sql``;
  switch (request.action) {
    case 'assign':
      if (request.value) await assertAssignable(ctx.db, organization.id, request.value);
      column = sql.raw('assignee_id');
      value = sql`${request.value}::uuid`;
      kind = 'assigned';
      break;
    case 'priority':
      column = sql.raw('priority');
      value = sql`${request.value}::ticket_priority`;
      kind = 'priority_changed';
      break;
    case 'department':
      await assertDepartment(ctx.db, organization.id, request.value);
      column = sql.raw('department_id');
      value = sql`${request.value}::uuid`;
      kind = 'department_changed';
      break;
    case 'status': {
      column = sql.raw('status');
      value = sql`${request.value}::ticket_status`;
      kind = 'status_changed';
      extraWhere = sql`status::text = any(${textArray(BULK_FROM[request.value])})`;
      const at = sql`${now.toISOString()}::timestamptz`;
      // The same timestamps a single status action sets; leaving the wait clears its timers.
      extraSet = sql`, awaiting_since = null, awaiting_reason = null, awaiting_reminder_at = null,
        auto_close_at = null, awaiting_reminder_sent_at = null`;
      if (request.value === 'resolved') extraSet = sql`${extraSet}, resolved_at = ${at}`;
      if (request.value === 'closed')
        extraSet = sql`${extraSet}, closed_at = ${at}, closed_by = 'staff'`;
      if (request.value === 'open')
        extraSet = sql`${extraSet}, resolved_at = null, closed_at = null, closed_by = null`;
      break;
    }
  }
  const result = (await ctx.db.execute<{ number: number }>(sql`
    with target as (
      select id, number, ${column}::text as old
      from helpdesk_tickets
      where organization_id = ${organization.id}
        and number = any(${intArray(numbers)})
        and ${column} is distinct from ${value}
        and merged_into_id is null
        and ${extraWhere}
      order by id
      for update
    ), changed as (
      update helpdesk_tickets t
      set ${column} = ${value}, updated_at = ${now.toISOString()}::timestamptz ${extraSet}
      from target
      where t.id = target.id
      returning t.id, t.number, target.old
    ), events as (
      insert into helpdesk_ticket_events (organization_id, ticket_id, actor_id, kind, details, created_at)
      select ${organization.id}::uuid, changed.id, ${actor.id}::uuid, ${kind}::text,
        jsonb_build_object('from', changed.old, 'to', ${value}, 'bulk', true),
        ${now.toISOString()}::timestamptz
      from changed
    )
    select number from changed
  `)) as { rows: { number: number }[] };
  // node-postgres and PGlite both return int4 as a JS number.
  const changed = new Set(result.rows.map((row) => row.number));
  return {
    updated: changed.size,
    skipped: numbers.filter((number) => !changed.has(number)).sort((a, b) => a - b),
  };
}
