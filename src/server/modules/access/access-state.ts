import type { BlockReasonCode } from '../../../shared/block-reasons.js';

/** What decides whether an account may sign in now (a row of `users` has these fields). */
export interface AccessSubject {
  staffRole: string | null;
  accessOpenedAt: Date | null;
  accessValidUntil: Date | null;
  accessGrantedBy: 'payment' | 'employer';
}

/** A stored block as the evaluation needs it. */
export interface BlockWindow {
  reason: BlockReasonCode;
  startsAt: Date;
  endsAt: Date | null;
  liftedAt: Date | null;
}

export interface BlockingReason {
  code: BlockReasonCode;
  /** When it lifts by itself; null when it does not. */
  until: Date | null;
}

/**
 * Why `subject` cannot sign in at `now` — empty when it can. Access periods and block ends are
 * dates compared with the clock, never flags a job must flip: a period that ends at 12:00 stops
 * every request at 12:00. Staff accounts need no opened access and have no access period.
 */
export function evaluateAccess(
  subject: AccessSubject,
  blocks: BlockWindow[],
  now: Date,
): BlockingReason[] {
  const reasons: BlockingReason[] = [];
  if (subject.staffRole === null && subject.accessOpenedAt === null) {
    reasons.push({ code: 'access_not_opened', until: null });
  }
  if (subject.staffRole === null && subject.accessValidUntil && subject.accessValidUntil <= now) {
    const code =
      subject.accessGrantedBy === 'employer' ? 'employer_access_ended' : 'access_period_ended';
    reasons.push({ code, until: null });
  }
  for (const block of blocks) {
    const active =
      block.liftedAt === null &&
      block.startsAt <= now &&
      (block.endsAt === null || block.endsAt > now);
    if (active) reasons.push({ code: block.reason, until: block.endsAt });
  }
  return reasons;
}
