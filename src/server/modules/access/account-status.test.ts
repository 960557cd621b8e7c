import { describe, expect, it } from 'vitest';
import { deriveAccountStatus } from './account-status.js';

const now = new Date('2026-05-10T12:00:00Z');
const base = {
  staffRole: null,
  accessOpenedAt: new Date('2026-01-01T00:00:00Z'),
  accessValidUntil: null,
  accessGrantedBy: 'payment' as const,
  passwordHash: 'hash',
};
const block = (endsAt: Date | null, liftedAt: Date | null = null) => ({
  reason: 'staff_decision' as const,
  startsAt: new Date('2026-05-01T00:00:00Z'),
  endsAt,
  liftedAt,
});

describe('deriveAccountStatus', () => {
  it('calls an opened, activated account without blocks active', () => {
    expect(deriveAccountStatus(base, [], now)).toBe('active');
  });

  it('puts a block in force before everything else', () => {
    expect(deriveAccountStatus({ ...base, accessOpenedAt: null }, [block(null)], now)).toBe(
      'blocked',
    );
  });

  it('ignores blocks that ended or were lifted', () => {
    expect(deriveAccountStatus(base, [block(new Date('2026-05-10T11:59:59Z'))], now)).toBe(
      'active',
    );
    expect(deriveAccountStatus(base, [block(null, new Date('2026-05-02T00:00:00Z'))], now)).toBe(
      'active',
    );
  });

  it('tells not opened, access ended and invited apart', () => {
    expect(deriveAccountStatus({ ...base, accessOpenedAt: null }, [], now)).toBe('not_opened');
    expect(deriveAccountStatus({ ...base, accessValidUntil: now }, [], now)).toBe('access_ended');
    expect(deriveAccountStatus({ ...base, passwordHash: null }, [], now)).toBe('invited');
  });

  it('does not apply opened access or access periods to staff', () => {
    const staff = { ...base, staffRole: 'admin', accessOpenedAt: null, accessValidUntil: now };
    expect(deriveAccountStatus(staff, [], now)).toBe('active');
  });
});
