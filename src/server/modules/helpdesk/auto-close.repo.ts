import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../infra/db.js';

/** A ticket the sweep closed or reminded, with what its email needs. */
export interface SweptTicket {
  id: string;
  organizationId: string;
  organizationName: string;
  timeZone: string;
  number: number;
  subject: string;
  customerId: string;
  email: string | null;
  displayName: string;
  locale: string;
  reopenWindowDays: number;
  /** For a reminder: when the ticket closes. For a close: when it closed. */
  atMs: number;
}

// Both statements are set-based: one CTE picks a batch with `for update skip locked` (so
// several instances share the work and never touch a row twice), updates it, writes the
// events, and returns what the emails need, joined in the same statement.

/**
 * Closes up to `batch` waiting tickets whose `auto_close_at` has passed (closed by `auto`,
 * wait cleared) and writes their `status_changed` events, in `tx`.
 */
export async function closeDueTickets(tx: DbOrTx, now: Date, batch: number) {
  const at = now.toISOString();
  return rowsOf<SweptTicket>(
    tx,
    sql`
    with due as (
      select id from helpdesk_tickets
      where status = 'awaiting_customer' and auto_close_at <= ${at}::timestamptz
      order by auto_close_at
      limit ${batch}
      for update skip locked
    ), closed as (
      update helpdesk_tickets t
      set status = 'closed', closed_at = ${at}::timestamptz, closed_by = 'auto',
          awaiting_since = null, awaiting_reason = null, awaiting_reminder_at = null,
          awaiting_reminder_sent_at = null, auto_close_at = null, updated_at = ${at}::timestamptz
      from due where t.id = due.id
      returning t.id, t.organization_id, t.number, t.subject, t.customer_id, t.department_id
    ), events as (
      insert into helpdesk_ticket_events (organization_id, ticket_id, actor_id, kind, details, created_at)
      select organization_id, id, null, 'status_changed',
        '{"from":"awaiting_customer","to":"closed","cause":"auto_close","closedBy":"auto"}'::jsonb,
        ${at}::timestamptz
      from closed
    )
    select c.id, c.organization_id as "organizationId", o.name as "organizationName",
      o.timezone as "timeZone", c.number, c.subject, c.customer_id as "customerId", u.email,
      u.display_name as "displayName", u.locale, d.reopen_window_days as "reopenWindowDays",
      (extract(epoch from ${at}::timestamptz) * 1000)::float8 as "atMs"
    from closed c
    join organizations o on o.id = c.organization_id
    join users u on u.id = c.customer_id
    join helpdesk_departments d on d.id = c.department_id
  `,
  );
}

/**
 * Marks up to `batch` waiting tickets whose reminder is due (and that are not due to close
 * already) as reminded, and writes `reminder_sent` events, in `tx`.
 */
export async function remindDueTickets(tx: DbOrTx, now: Date, batch: number) {
  const at = now.toISOString();
  return rowsOf<SweptTicket>(
    tx,
    sql`
    with due as (
      select id from helpdesk_tickets
      where status = 'awaiting_customer' and awaiting_reminder_sent_at is null
        and awaiting_reminder_at <= ${at}::timestamptz
        and (auto_close_at is null or auto_close_at > ${at}::timestamptz)
      order by awaiting_reminder_at
      limit ${batch}
      for update skip locked
    ), reminded as (
      update helpdesk_tickets t set awaiting_reminder_sent_at = ${at}::timestamptz
      from due where t.id = due.id
      returning t.id, t.organization_id, t.number, t.subject, t.customer_id, t.department_id,
        t.auto_close_at
    ), events as (
      insert into helpdesk_ticket_events (organization_id, ticket_id, actor_id, kind, details, created_at)
      select organization_id, id, null, 'reminder_sent', '{}'::jsonb, ${at}::timestamptz
      from reminded
    )
    select r.id, r.organization_id as "organizationId", o.name as "organizationName",
      o.timezone as "timeZone", r.number, r.subject, r.customer_id as "customerId", u.email,
      u.display_name as "displayName", u.locale, d.reopen_window_days as "reopenWindowDays",
      (extract(epoch from r.auto_close_at) * 1000)::float8 as "atMs"
    from reminded r
    join organizations o on o.id = r.organization_id
    join users u on u.id = r.customer_id
    join helpdesk_departments d on d.id = r.department_id
  `,
  );
}
