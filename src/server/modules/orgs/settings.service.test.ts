import { describe, expect, it } from 'vitest';
import type { OrganizationSettings } from '../../../shared/contracts/org-settings.js';
import { changedSettings } from './settings.service.js';

const current: OrganizationSettings = {
  sessionLimit: null,
  inactivityBlockDays: 180,
  accessWarningDays: 7,
  selfRegistration: false,
  passwordMinLength: 10,
  supportEmail: null,
  supportPhone: '+7 495 000-00-00',
};

describe('changedSettings', () => {
  it('lists only the fields whose value changes, with the old and new value', () => {
    expect(
      changedSettings(current, {
        sessionLimit: 1,
        inactivityBlockDays: null,
        accessWarningDays: 7,
        selfRegistration: true,
      }),
    ).toEqual({
      sessionLimit: { from: null, to: 1 },
      inactivityBlockDays: { from: 180, to: null },
      selfRegistration: { from: false, to: true },
    });
  });

  it('is empty for an empty change or one repeating the current values', () => {
    expect(changedSettings(current, {})).toEqual({});
    expect(changedSettings(current, { passwordMinLength: 10, supportEmail: null })).toEqual({});
  });
});
