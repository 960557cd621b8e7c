import type { StaffRole } from '../../../shared/contracts/session.js';

/** Staff roles that may change accounts (support agents may only look). */
export const ADMINISTERING_ROLES: StaffRole[] = ['owner', 'admin', 'manager'];
/** Staff roles that may look at accounts and the audit log. */
export const VIEWING_ROLES: StaffRole[] = ['owner', 'admin', 'manager', 'support_agent'];

interface Person {
  id: string;
  staffRole: StaffRole | null;
}

/**
 * Whether `actor` may change `subject` (block, end sessions, change the access period,
 * re-invite). Nobody administers their own account (a slip would lock them out); staff
 * accounts need an owner or admin, and an owner's account needs another owner.
 */
export function canAdministerAccount(actor: Person, subject: Person): boolean {
  if (!actor.staffRole || !ADMINISTERING_ROLES.includes(actor.staffRole)) return false;
  if (actor.id === subject.id) return false;
  if (subject.staffRole === 'owner') return actor.staffRole === 'owner';
  if (subject.staffRole) return actor.staffRole === 'owner' || actor.staffRole === 'admin';
  return true;
}

/**
 * Who makes a change: a signed-in staff member (checked by `canAdministerAccount`), the
 * operator at the command line, or a job (both trusted like the server itself and audited
 * without an actor).
 */
export type Actor =
  | { kind: 'staff'; id: string; staffRole: StaffRole | null; ip: string | null }
  | { kind: 'operator' }
  | { kind: 'system' };

/** The audit fields of an actor; the operator's entries say they came from the command line. */
export const auditActor = (actor: Actor) =>
  actor.kind === 'staff'
    ? { actorId: actor.id, ip: actor.ip, via: {} }
    : { actorId: null, ip: null, via: { via: actor.kind === 'operator' ? 'cli' : 'job' } };

/** Whether `actor` may change `subject`; the operator and jobs always may. */
export const actorMayAdminister = (actor: Actor, subject: Person) =>
  actor.kind !== 'staff' || canAdministerAccount(actor, subject);
