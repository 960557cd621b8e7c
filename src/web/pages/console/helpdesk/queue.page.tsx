import { Anchor, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useStaffQueue, type QueueFilters } from '../../../api/helpdesk-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { currentLocale } from '../../../i18n/index.js';
import { BulkBar } from './bulk-bar.js';
import { QueueFiltersBar } from './queue-filters-bar.js';
import { readQueueFilters, writeQueueFilters } from './queue-filters.js';
import { SlaDue, TicketPriorityBadge, TicketStatusBadge } from './ticket-badges.js';

/** Console → Очередь обращений: filters in the address bar, keyset pages, bulk actions. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdeskConsole.queue.title'));
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const filters = readQueueFilters(params);
  const filterKey = writeQueueFilters(filters).toString();
  // Cursors of the pages before the current one; a new filter starts from the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: string[]; selected: Set<number> }>({
    key: filterKey,
    cursors: [],
    selected: new Set(),
  });
  const current =
    paging.key === filterKey
      ? paging
      : { key: filterKey, cursors: [], selected: new Set<number>() };
  const { cursors, selected } = current;
  const setCursors = (update: (old: string[]) => string[]) => {
    setPaging({ ...current, cursors: update(cursors), selected: new Set() });
  };
  const setSelected = (update: Set<number> | ((old: Set<number>) => Set<number>)) => {
    setPaging({ ...current, selected: typeof update === 'function' ? update(selected) : update });
  };
  const cursor = cursors.at(-1);
  const queue = useStaffQueue(filters, cursor);
  const rows = queue.data?.tickets ?? [];

  const change = (next: QueueFilters) => {
    setParams(writeQueueFilters(next));
  };
  const toggle = (number: number) => {
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(number)) next.delete(number);
      else next.add(number);
      return next;
    });
  };
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.number));

  return (
    <Stack gap="md">
      <Title order={1}>{t('helpdeskConsole.queue.title')}</Title>
      <QueueFiltersBar
        key={`${filters.q ?? ''}|${filters.certificate ?? ''}`}
        filters={filters}
        onChange={change}
      />
      {selected.size > 0 && (
        <BulkBar
          selected={[...selected]}
          onDone={() => {
            setSelected(new Set());
          }}
        />
      )}
      {!queue.data ? (
        <QueryState query={queue} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('helpdeskConsole.queue.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover aria-label={t('helpdeskConsole.queue.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Checkbox
                    aria-label={t('helpdeskConsole.queue.selectAll')}
                    checked={allSelected}
                    indeterminate={!allSelected && rows.some((row) => selected.has(row.number))}
                    onChange={() => {
                      setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.number)));
                    }}
                  />
                </Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.number')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.subject')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.customer')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.priority')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.status')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.assignee')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.lastUpdate')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.queue.slaDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.number}
                  data-sla={
                    row.sla.breached ? 'breached' : row.sla.dueSoon ? 'due_soon' : undefined
                  }
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={t('helpdeskConsole.queue.select', { number: row.number })}
                      checked={selected.has(row.number)}
                      onChange={() => {
                        toggle(row.number);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/tickets/${String(row.number)}`}>
                      № {row.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/tickets/${String(row.number)}`}>
                      {row.subject}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {locale === 'en' ? row.department.nameEn : row.department.nameRu}
                      {row.certificate ? ` · ${row.certificate.serial}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.customer.displayName}</Table.Td>
                  <Table.Td>
                    <TicketPriorityBadge priority={row.priority} />
                  </Table.Td>
                  <Table.Td>
                    <TicketStatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td>
                    {row.assignee?.displayName ?? (
                      <Text c="dimmed" size="sm">
                        {t('helpdeskConsole.queue.unassigned')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(row.lastMessageAt, locale)}</Text>
                    <Text size="xs" c="dimmed">
                      {row.lastReplierRole === 'customer'
                        ? t('helpdeskConsole.queue.byCustomer')
                        : (row.lastReplier?.displayName ?? t('helpdeskConsole.queue.bySystem'))}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SlaDue sla={row.sla} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {queue.data && queue.isError && <QueryState query={queue} />}
      <Group gap="sm">
        <Button
          variant="default"
          disabled={cursors.length === 0}
          onClick={() => {
            setCursors((old) => old.slice(0, -1));
          }}
        >
          {t('helpdeskConsole.queue.previous')}
        </Button>
        <Button
          variant="default"
          disabled={!queue.data?.nextCursor}
          loading={queue.isFetching}
          onClick={() => {
            const next = queue.data?.nextCursor;
            if (next) setCursors((old) => [...old, next]);
          }}
        >
          {t('helpdeskConsole.queue.next')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('helpdeskConsole.queue.page', { page: cursors.length + 1 })}
        </Text>
      </Group>
    </Stack>
  );
}
