import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  StaffTicketDetail,
  TicketEvent,
} from '../../../../shared/contracts/helpdesk-staff.js';
import { useAgents, useHelpdeskSettings } from '../../../api/helpdesk-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';

const STATUS_KEYS = new Set(['new', 'open', 'awaiting_customer', 'resolved', 'closed']);
const PRIORITY_KEYS = new Set(['low', 'normal', 'high', 'urgent']);
const TYPE_KEYS = new Set(['question', 'incident', 'request']);

/** The full history: every status change, assignment, priority, department, merge, reopen. */
export function TicketHistory({ ticket }: { ticket: StaffTicketDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const agents = useAgents();
  const settings = useHelpdeskSettings();

  const person = (id: unknown): string => {
    if (typeof id !== 'string') return t('helpdeskConsole.history.nobody');
    return (
      agents.data?.agents.find((agent) => agent.id === id)?.displayName ??
      t('helpdeskConsole.history.someone')
    );
  };
  const department = (id: unknown): string => {
    const found = settings.data?.departments.find((item) => item.id === id);
    if (!found) return typeof id === 'string' ? id : '—';
    return locale === 'en' ? found.nameEn : found.nameRu;
  };
  const label = (group: string, keys: Set<string>, value: unknown): string =>
    typeof value === 'string' && keys.has(value)
      ? t(`helpdeskConsole.${group}.${value}` as 'helpdeskConsole.status.new')
      : typeof value === 'string'
        ? value
        : '—';

  const describe = (event: TicketEvent): string => {
    const { from, to, number } = event.details;
    switch (event.kind) {
      case 'created':
        return t('helpdeskConsole.history.created');
      case 'status_changed':
        return t('helpdeskConsole.history.status', {
          from: label('status', STATUS_KEYS, from),
          to: label('status', STATUS_KEYS, to),
        });
      case 'assigned':
        return to
          ? t('helpdeskConsole.history.assigned', { to: person(to) })
          : t('helpdeskConsole.history.unassigned');
      case 'priority_changed':
        return t('helpdeskConsole.history.priority', {
          from: label('priority', PRIORITY_KEYS, from),
          to: label('priority', PRIORITY_KEYS, to),
        });
      case 'type_changed':
        return t('helpdeskConsole.history.type', {
          from: label('type', TYPE_KEYS, from),
          to: label('type', TYPE_KEYS, to),
        });
      case 'department_changed':
        return t('helpdeskConsole.history.department', {
          from: department(from),
          to: department(to),
        });
      case 'merged_into':
        return t('helpdeskConsole.history.mergedInto', { number: String(number) });
      case 'merged_from':
        return t('helpdeskConsole.history.mergedFrom', { number: String(number) });
      case 'reopened':
        return t('helpdeskConsole.history.reopened');
      case 'auto_closed':
        return t('helpdeskConsole.history.autoClosed');
      default:
        return t('helpdeskConsole.history.other', { kind: event.kind.replace(/_/g, ' ') });
    }
  };

  if (ticket.events.length === 0)
    return <Text c="dimmed">{t('helpdeskConsole.history.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={ticket.events.length - 1}>
      {ticket.events.map((event) => (
        <Timeline.Item key={event.id} title={describe(event)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.createdAt, locale)} ·{' '}
            {event.actor?.displayName ?? t('helpdeskConsole.history.systemActor')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
