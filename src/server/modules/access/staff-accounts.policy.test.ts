import { describe, expect, it } from 'vitest';
import { canAdministerAccount } from './staff-accounts.policy.js';

const person = (
  id: string,
  staffRole: Parameters<typeof canAdministerAccount>[0]['staffRole'],
) => ({
  id,
  staffRole,
});

describe('canAdministerAccount', () => {
  it('lets owners, admins and managers administer customers, but not support agents or teachers', () => {
    const customer = person('c', null);
    expect(canAdministerAccount(person('a', 'owner'), customer)).toBe(true);
    expect(canAdministerAccount(person('a', 'admin'), customer)).toBe(true);
    expect(canAdministerAccount(person('a', 'manager'), customer)).toBe(true);
    expect(canAdministerAccount(person('a', 'support_agent'), customer)).toBe(false);
    expect(canAdministerAccount(person('a', 'teacher'), customer)).toBe(false);
    expect(canAdministerAccount(person('a', null), customer)).toBe(false);
  });

  it('refuses administering your own account', () => {
    expect(canAdministerAccount(person('a', 'owner'), person('a', 'owner'))).toBe(false);
  });

  it('keeps staff accounts to owners and admins, and an owner to other owners', () => {
    expect(canAdministerAccount(person('a', 'manager'), person('b', 'teacher'))).toBe(false);
    expect(canAdministerAccount(person('a', 'admin'), person('b', 'teacher'))).toBe(true);
    expect(canAdministerAccount(person('a', 'admin'), person('b', 'owner'))).toBe(false);
    expect(canAdministerAccount(person('a', 'owner'), person('b', 'owner'))).toBe(true);
  });
});
