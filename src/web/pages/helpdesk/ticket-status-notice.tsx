import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../shared/contracts/helpdesk-tickets.js';
import { formatDateTime } from '../../components/format.js';
import { currentLocale } from '../../i18n/index.js';

const COLORS = {
  new: 'blue',
  open: 'indigo',
  awaiting_customer: 'orange',
  resolved: 'teal',
  closed: 'gray',
} as const;

/** What the ticket's status means for the person and what happens next, with dates. */
export function TicketStatusNotice({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const date = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '');
  const lines: string[] = [];
  switch (ticket.status) {
    case 'awaiting_customer':
      lines.push(
        ticket.awaitingReason && ticket.autoCloseAt
          ? t(`helpdesk.ticket.explain.${ticket.awaitingReason}`, {
              date: date(ticket.autoCloseAt),
            })
          : t('helpdesk.ticket.explain.awaiting'),
      );
      break;
    case 'closed':
      lines.push(
        ticket.closedBy === 'auto'
          ? t('helpdesk.ticket.explain.closedAuto', { date: date(ticket.closedAt) })
          : t('helpdesk.ticket.explain.closed', { date: date(ticket.closedAt) }),
      );
      if (ticket.reopen.allowed && ticket.reopen.until) {
        lines.push(t('helpdesk.ticket.explain.reopenUntil', { date: date(ticket.reopen.until) }));
      } else if (!ticket.reopen.allowed && ticket.continuedByNumber === null) {
        lines.push(t('helpdesk.ticket.explain.reopenExpired'));
      }
      break;
    default:
      lines.push(t(`helpdesk.ticket.explain.${ticket.status}`));
  }
  return (
    <Alert
      color={COLORS[ticket.status]}
      variant="light"
      role="status"
      data-testid="ticket-status-notice"
    >
      <Stack gap={4}>
        {lines.map((line) => (
          <Text size="sm" key={line}>
            {line}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
