import { Anchor, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketSummary } from '../../../shared/contracts/helpdesk-tickets.js';
import type { TicketListFilters } from '../../api/helpdesk.js';
import { RelativeTime } from './relative-time.js';
import { TicketPriorityBadge, TicketStatusBadge } from './ticket-badges.js';

type SortColumn = TicketListFilters['sort'];

/** Props of the two views of «Мои обращения». */
interface TicketListViewProps {
  tickets: TicketSummary[];
  sort: SortColumn;
  order: 'asc' | 'desc';
  onSort: (column: SortColumn) => void;
}

/** «Вы», a staff member's name, or «Система». */
function useReplierName() {
  const { t } = useTranslation();
  return (ticket: TicketSummary) => {
    const replier = ticket.lastReplier;
    if (!replier) return '—';
    if (replier.role === 'customer') return t('helpdesk.replier.you');
    if (replier.role === 'system') return t('helpdesk.replier.system');
    return replier.name;
  };
}

function SortableTh({
  column,
  label,
  sort,
  order,
  onSort,
}: {
  column: SortColumn;
  label: string;
  sort: SortColumn;
  order: 'asc' | 'desc';
  onSort: (column: SortColumn) => void;
}) {
  const { t } = useTranslation();
  const active = sort === column;
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => {
          onSort(column);
        }}
        title={t('helpdesk.list.sortBy', { column: label })}
        fw={700}
        fz="sm"
      >
        {label}
        <span aria-hidden>{active ? (order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The desktop table: one row per ticket, sortable column headers. */
export function TicketTable({ tickets, sort, order, onSort }: TicketListViewProps) {
  const { t } = useTranslation();
  const replierName = useReplierName();
  const sortable = { sort, order, onSort };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="number" label={t('helpdesk.list.columns.number')} {...sortable} />
            <Table.Th>{t('helpdesk.list.columns.subject')}</Table.Th>
            <SortableTh
              column="lastUpdate"
              label={t('helpdesk.list.columns.lastUpdate')}
              {...sortable}
            />
            <Table.Th>{t('helpdesk.list.columns.lastReplier')}</Table.Th>
            <Table.Th>{t('helpdesk.list.columns.department')}</Table.Th>
            <Table.Th>{t('helpdesk.list.columns.type')}</Table.Th>
            <SortableTh column="status" label={t('helpdesk.list.columns.status')} {...sortable} />
            <SortableTh
              column="priority"
              label={t('helpdesk.list.columns.priority')}
              {...sortable}
            />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => (
            <Table.Tr key={ticket.number}>
              <Table.Td>
                <Anchor component={Link} to={`/tickets/${String(ticket.number)}`}>
                  {ticket.number}
                </Anchor>
              </Table.Td>
              <Table.Td maw={320}>
                <Anchor component={Link} to={`/tickets/${String(ticket.number)}`} lineClamp={2}>
                  {ticket.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <RelativeTime iso={ticket.lastUpdateAt} />
              </Table.Td>
              <Table.Td>{replierName(ticket)}</Table.Td>
              <Table.Td>{ticket.department.name}</Table.Td>
              <Table.Td>{t(`helpdesk.type.${ticket.type}`)}</Table.Td>
              <Table.Td>
                <TicketStatusBadge status={ticket.status} />
              </Table.Td>
              <Table.Td>
                <TicketPriorityBadge priority={ticket.priority} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The phone view: a card per ticket with the same facts, no horizontal scrolling. */
export function TicketCards({ tickets }: Pick<TicketListViewProps, 'tickets'>) {
  const { t } = useTranslation();
  const replierName = useReplierName();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {tickets.map((ticket) => (
        <Paper component="li" key={ticket.number} withBorder p="sm" radius="md">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('helpdesk.ticketNumber', { number: ticket.number })}
              </Text>
              <TicketStatusBadge status={ticket.status} />
            </Group>
            <Anchor component={Link} to={`/tickets/${String(ticket.number)}`} fw={600}>
              {ticket.subject}
            </Anchor>
            <Group gap="xs">
              <TicketPriorityBadge priority={ticket.priority} />
              <Text size="sm">
                {t(`helpdesk.type.${ticket.type}`)} · {ticket.department.name}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              <RelativeTime iso={ticket.lastUpdateAt} /> · {replierName(ticket)}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
