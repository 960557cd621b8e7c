import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus } from '../../../shared/contracts/helpdesk-tickets.js';

const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'indigo',
  awaiting_customer: 'orange',
  resolved: 'teal',
  closed: 'gray',
};

/** Whole words, never «Ожидает ва…»: the column grows instead. */
export const BADGE_STYLES = { label: { overflow: 'visible', textOverflow: 'clip' } } as const;

const PRIORITY_COLORS: Record<TicketPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** A ticket's status in words and colour («Ожидает вашего ответа» stands out). */
export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      style={{ textTransform: 'none' }}
      styles={BADGE_STYLES}
    >
      {t(`helpdesk.status.${status}`)}
    </Badge>
  );
}

/** A ticket's priority in words and colour. */
export function TicketPriorityBadge({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={PRIORITY_COLORS[priority]}
      variant="outline"
      style={{ textTransform: 'none' }}
      styles={BADGE_STYLES}
    >
      {t(`helpdesk.priority.${priority}`)}
    </Badge>
  );
}
