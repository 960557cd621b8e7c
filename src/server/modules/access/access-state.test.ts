import { describe, expect, it } from 'vitest';
import { evaluateAccess, type AccessSubject, type BlockWindow } from './access-state.js';

const now = new Date('2026-11-21T12:00:00Z');
const customer: AccessSubject = {
  staffRole: null,
  accessOpenedAt: new Date('2026-01-01T00:00:00Z'),
  accessValidUntil: null,
  accessGrantedBy: 'payment',
};
const block = (overrides: Partial<BlockWindow>): BlockWindow => ({
  reason: 'staff_decision',
  startsAt: new Date('2026-11-01T00:00:00Z'),
  endsAt: null,
  liftedAt: null,
  ...overrides,
});

describe('evaluateAccess', () => {
  it('lets an opened customer account without blocks in', () => {
    expect(evaluateAccess(customer, [], now)).toEqual([]);
  });

  it('refuses a customer whose access was never opened, but not staff', () => {
    const unopened = { ...customer, accessOpenedAt: null };
    expect(evaluateAccess(unopened, [], now)).toEqual([{ code: 'access_not_opened', until: null }]);
    expect(evaluateAccess({ ...unopened, staffRole: 'admin' }, [], now)).toEqual([]);
  });

  it('ends a paid or employer-granted access period exactly at its end', () => {
    const paid = { ...customer, accessValidUntil: now };
    expect(evaluateAccess(paid, [], now)).toEqual([{ code: 'access_period_ended', until: null }]);
    const employer = { ...paid, accessGrantedBy: 'employer' as const };
    expect(evaluateAccess(employer, [], now)[0]?.code).toBe('employer_access_ended');
    const oneMsBefore = new Date(now.getTime() - 1);
    expect(evaluateAccess(paid, [], oneMsBefore)).toEqual([]);
  });

  it('reports every block in force with its end, and ignores lifted, ended and future ones', () => {
    const until = new Date('2026-11-22T00:00:00Z');
    const blocks = [
      block({ reason: 'suspicious_activity', endsAt: until }),
      block({ reason: 'policy_violation' }),
      block({ reason: 'staff_decision', liftedAt: new Date('2026-11-10T00:00:00Z') }),
      block({ reason: 'staff_decision', endsAt: new Date('2026-11-20T00:00:00Z') }),
      block({ reason: 'staff_decision', startsAt: new Date('2026-12-01T00:00:00Z') }),
    ];
    expect(evaluateAccess(customer, blocks, now)).toEqual([
      { code: 'suspicious_activity', until },
      { code: 'policy_violation', until: null },
    ]);
  });

  it('lifts a block with an end by itself once the end passes', () => {
    const blocks = [block({ endsAt: new Date('2026-11-21T12:00:00Z') })];
    expect(evaluateAccess(customer, blocks, new Date('2026-11-21T11:59:59Z'))).toHaveLength(1);
    expect(evaluateAccess(customer, blocks, now)).toEqual([]);
  });
});
