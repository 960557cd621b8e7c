import type { SlaState, TicketSla } from '../../../shared/contracts/helpdesk-staff.js';

/** A running SLA deadline within this many working minutes is «due soon». */
export const SLA_DUE_SOON_WORKING_MINUTES = 120;

/** One target's state: met (in time or late), or running (ok, due soon, breached). */
export function slaTargetState(
  dueAt: Date | null,
  metAt: Date | null,
  now: Date,
  dueSoonBefore: Date,
): SlaState {
  if (!dueAt) return 'none';
  if (metAt) return metAt <= dueAt ? 'met' : 'met_late';
  if (now > dueAt) return 'breached';
  return dueAt <= dueSoonBefore ? 'due_soon' : 'ok';
}

/** The SLA of a ticket row; `dueSoonBefore` is now plus two working hours of its organization. */
export function ticketSla(
  ticket: {
    firstResponseDueAt: Date | null;
    firstResponseAt: Date | null;
    resolutionDueAt: Date | null;
    resolvedAt: Date | null;
    closedAt: Date | null;
    slaNextDueAt: Date | null;
  },
  now: Date,
  dueSoonBefore: Date,
): TicketSla {
  const firstResponse = slaTargetState(
    ticket.firstResponseDueAt,
    ticket.firstResponseAt,
    now,
    dueSoonBefore,
  );
  // Closing without resolving (merge, customer) ends the clock too.
  const resolution = slaTargetState(
    ticket.resolutionDueAt,
    ticket.resolvedAt ?? ticket.closedAt,
    now,
    dueSoonBefore,
  );
  const states = [firstResponse, resolution];
  return {
    firstResponse: {
      dueAt: ticket.firstResponseDueAt?.toISOString() ?? null,
      state: firstResponse,
    },
    resolution: { dueAt: ticket.resolutionDueAt?.toISOString() ?? null, state: resolution },
    nextDueAt: ticket.slaNextDueAt?.toISOString() ?? null,
    dueSoon: states.includes('due_soon'),
    breached: states.includes('breached'),
  };
}
