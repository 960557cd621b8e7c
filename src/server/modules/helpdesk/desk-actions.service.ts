import { and, eq, isNotNull } from 'drizzle-orm';
import type { StaffTicketPriority } from '../../../shared/contracts/helpdesk-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { users } from '../access/access.schema.js';
import type { Organization } from '../orgs/index.js';
import { departments, ticketEvents, tickets } from './helpdesk.schema.js';

/** Staff acting in the desk. */
export interface DeskActor {
  id: string;
  displayName: string;
}

/** The roles tickets may be assigned to (the desk's own roles). */
export const ASSIGNABLE_ROLES = ['owner', 'admin', 'manager', 'support_agent'] as const;

/** Locks the organization's ticket by number for the rest of the transaction; 404 if none. */
export async function lockTicketByNumber(tx: DbOrTx, organizationId: string, number: number) {
  const [row] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), eq(tickets.number, number)))
    .for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/** 422 `ticket_assignee_invalid` unless the id is support staff of the organization. */
export async function assertAssignable(db: DbOrTx, organizationId: string, userId: string) {
  const [row] = await db
    .select({ role: users.staffRole })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.organizationId, organizationId),
        isNotNull(users.staffRole),
      ),
    );
  if (!row?.role || !(ASSIGNABLE_ROLES as readonly string[]).includes(row.role))
    throw new AppError('ticket_assignee_invalid');
}

/** 404 unless the department is the organization's. */
export async function assertDepartment(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.organizationId, organizationId)));
  if (!row)
    throw new AppError('validation_failed', [
      { path: ['departmentId'], code: 'unknown_department' },
    ]);
}

/** Assigns (or with null unassigns) a ticket; an `assigned` event records from and to. */
export async function assignTicket(
  ctx: AppContext,
  organization: Organization,
  actor: DeskActor,
  number: number,
  assigneeId: string | null,
  now = new Date(),
) {
  if (assigneeId) await assertAssignable(ctx.db, organization.id, assigneeId);
  await ctx.db.transaction(async (tx) => {
    const ticket = await lockTicketByNumber(tx, organization.id, number);
    if (ticket.assigneeId === assigneeId) return;
    await tx.update(tickets).set({ assigneeId, updatedAt: now }).where(eq(tickets.id, ticket.id));
    await tx.insert(ticketEvents).values({
      organizationId: organization.id,
      ticketId: ticket.id,
      actorId: actor.id,
      kind: 'assigned',
      details: { from: ticket.assigneeId, to: assigneeId },
      createdAt: now,
    });
  });
}

/** Changes priority, department and/or type; each change is its own history event. */
export async function updateTicketAttributes(
  ctx: AppContext,
  organization: Organization,
  actor: DeskActor,
  number: number,
  patch: {
    priority?: StaffTicketPriority;
    departmentId?: string;
    type?: 'question' | 'incident' | 'request';
  },
  now = new Date(),
) {
  if (patch.departmentId) await assertDepartment(ctx.db, organization.id, patch.departmentId);
  await ctx.db.transaction(async (tx) => {
    const ticket = await lockTicketByNumber(tx, organization.id, number);
    const changes = [
      { kind: 'priority_changed', from: ticket.priority, to: patch.priority },
      { kind: 'department_changed', from: ticket.departmentId, to: patch.departmentId },
      { kind: 'type_changed', from: ticket.type, to: patch.type },
    ].filter((change) => change.to !== undefined && change.to !== change.from);
    if (changes.length === 0) return;
    await tx
      .update(tickets)
      .set({
        ...(patch.priority ? { priority: patch.priority } : {}),
        ...(patch.departmentId ? { departmentId: patch.departmentId } : {}),
        ...(patch.type ? { type: patch.type } : {}),
        updatedAt: now,
      })
      .where(eq(tickets.id, ticket.id));
    await tx.insert(ticketEvents).values(
      changes.map((change) => ({
        organizationId: organization.id,
        ticketId: ticket.id,
        actorId: actor.id,
        kind: change.kind,
        details: { from: change.from, to: change.to },
        createdAt: now,
      })),
    );
  });
}
