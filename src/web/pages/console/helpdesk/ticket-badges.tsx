import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  StaffTicketPriority,
  StaffTicketStatus,
  TicketSla,
} from '../../../../shared/contracts/helpdesk-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';

const STATUS_COLOR: Record<StaffTicketStatus, string> = {
  new: 'blue',
  open: 'cyan',
  awaiting_customer: 'grape',
  resolved: 'teal',
  closed: 'gray',
};

const PRIORITY_COLOR: Record<StaffTicketPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** A ticket's status as a badge («Ждёт ответа клиента»). */
export function TicketStatusBadge({ status }: { status: StaffTicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {t(`helpdeskConsole.status.${status}`)}
    </Badge>
  );
}

/** A ticket's priority as a badge; high and urgent carry a marker, not only a colour. */
export function TicketPriorityBadge({ priority }: { priority: StaffTicketPriority }) {
  const { t } = useTranslation();
  const marker = priority === 'urgent' ? '‼ ' : priority === 'high' ? '↑ ' : '';
  return (
    <Badge variant="outline" color={PRIORITY_COLOR[priority]}>
      {marker}
      {t(`helpdeskConsole.priority.${priority}`)}
    </Badge>
  );
}

/**
 * The nearest running SLA deadline: red with «Просрочено» when breached, orange with «Скоро
 * срок» when due soon, otherwise the plain time. Text and an icon carry the meaning, the colour
 * only repeats it.
 */
export function SlaDue({ sla }: { sla: TicketSla }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!sla.nextDueAt) return <Text c="dimmed">—</Text>;
  const time = formatDateTime(sla.nextDueAt, locale);
  if (sla.breached || sla.dueSoon) {
    const breached = sla.breached;
    return (
      <Badge
        variant="filled"
        color={breached ? 'red.8' : 'orange.8'}
        title={time}
        data-sla={breached ? 'breached' : 'due_soon'}
        style={{ textTransform: 'none' }}
      >
        <span aria-hidden>{breached ? '⚠ ' : '⏰ '}</span>
        {t(breached ? 'helpdeskConsole.sla.breached' : 'helpdeskConsole.sla.dueSoon')} · {time}
      </Badge>
    );
  }
  return <Text size="sm">{time}</Text>;
}

/** One SLA target on the ticket page: its deadline and how it stands. */
export function SlaTargetLine({
  label,
  target,
}: {
  label: string;
  target: TicketSla['firstResponse'];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const color =
    target.state === 'breached' || target.state === 'met_late'
      ? 'red.8'
      : target.state === 'due_soon'
        ? 'orange.8'
        : target.state === 'met'
          ? 'teal.8'
          : 'gray.7';
  const icon =
    target.state === 'breached'
      ? '⚠ '
      : target.state === 'due_soon'
        ? '⏰ '
        : target.state === 'met'
          ? '✓ '
          : '';
  return (
    <Text size="sm">
      {label}:{' '}
      <Badge variant="light" color={color} style={{ textTransform: 'none' }}>
        <span aria-hidden>{icon}</span>
        {t(`helpdeskConsole.slaState.${target.state}`)}
      </Badge>{' '}
      {target.dueAt ? formatDateTime(target.dueAt, locale) : ''}
    </Text>
  );
}
