import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../../../shared/contracts/helpdesk-tickets.js';
import { nextTicketStatus, reopenDeadline, type TicketEvent } from './ticket-status.js';

const staff = (
  action: 'reply' | 'propose_solution' | 'request_info' | 'resolve',
  internal = false,
): TicketEvent => ({
  kind: 'staff_message',
  action,
  internal,
});

describe('the ticket state machine', () => {
  it('moves a waiting or resolved ticket back to open on a customer reply, keeps a new one new', () => {
    expect(nextTicketStatus('awaiting_customer', { kind: 'customer_reply' })).toBe('open');
    expect(nextTicketStatus('resolved', { kind: 'customer_reply' })).toBe('open');
    expect(nextTicketStatus('open', { kind: 'customer_reply' })).toBe('open');
    expect(nextTicketStatus('new', { kind: 'customer_reply' })).toBe('new');
    expect(nextTicketStatus('closed', { kind: 'customer_reply' })).toBeNull();
  });

  it('opens a new ticket on the first staff reply and leaves other statuses alone', () => {
    expect(nextTicketStatus('new', staff('reply'))).toBe('open');
    expect(nextTicketStatus('awaiting_customer', staff('reply'))).toBe('awaiting_customer');
    expect(nextTicketStatus('closed', staff('reply'))).toBeNull();
  });

  it('puts the ticket into awaiting_customer when staff propose a solution or ask for information', () => {
    for (const from of ['new', 'open', 'awaiting_customer', 'resolved'] as const) {
      expect(nextTicketStatus(from, staff('propose_solution'))).toBe('awaiting_customer');
      expect(nextTicketStatus(from, staff('request_info'))).toBe('awaiting_customer');
    }
    expect(nextTicketStatus('closed', staff('request_info'))).toBeNull();
  });

  it('lets internal notes through on any ticket without moving it, but only as plain notes', () => {
    for (const status of TICKET_STATUSES)
      expect(nextTicketStatus(status, staff('reply', true))).toBe(status);
    expect(nextTicketStatus('open', staff('resolve', true))).toBeNull();
  });

  it('resolves only active tickets and closes anything not closed', () => {
    expect(nextTicketStatus('open', staff('resolve'))).toBe('resolved');
    expect(nextTicketStatus('resolved', staff('resolve'))).toBeNull();
    expect(nextTicketStatus('closed', { kind: 'set_status', to: 'resolved' })).toBeNull();
    expect(nextTicketStatus('resolved', { kind: 'set_status', to: 'closed' })).toBe('closed');
    expect(nextTicketStatus('closed', { kind: 'set_status', to: 'closed' })).toBeNull();
    expect(nextTicketStatus('open', { kind: 'customer_close' })).toBe('closed');
    expect(nextTicketStatus('closed', { kind: 'customer_close' })).toBeNull();
  });

  it('never enters awaiting_customer or new without a message', () => {
    for (const status of TICKET_STATUSES) {
      expect(nextTicketStatus(status, { kind: 'set_status', to: 'awaiting_customer' })).toBeNull();
      expect(nextTicketStatus(status, { kind: 'set_status', to: 'new' })).toBeNull();
    }
  });

  it('auto-closes only waiting tickets and reopens only closed or resolved ones', () => {
    expect(nextTicketStatus('awaiting_customer', { kind: 'auto_close' })).toBe('closed');
    expect(nextTicketStatus('open', { kind: 'auto_close' })).toBeNull();
    expect(nextTicketStatus('closed', { kind: 'reopen' })).toBe('open');
    expect(nextTicketStatus('resolved', { kind: 'reopen' })).toBe('open');
    expect(nextTicketStatus('open', { kind: 'reopen' })).toBeNull();
  });

  it('gives the reopen deadline in calendar days after closing', () => {
    expect(reopenDeadline(null, 30)).toBeNull();
    expect(reopenDeadline(new Date('2026-01-01T00:00:00Z'), 30)?.toISOString()).toBe(
      '2026-01-31T00:00:00.000Z',
    );
  });
});
