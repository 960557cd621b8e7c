import {
  Alert,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/contracts/helpdesk-tickets.js';
import { useMyTickets, type TicketListFilters } from '../../api/helpdesk.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SORTS, readFilters } from './ticket-list-filters.js';
import { TicketCards, TicketTable } from './ticket-list-view.js';

/** «Мои обращения»: the customer's tickets, newest activity first, resolved ones behind a toggle. */
export function TicketsListPage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdesk.list.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const tickets = useMyTickets(filters);
  const phone = useMediaQuery('(max-width: 48em)');
  const [search, setSearch] = useState(filters.q ?? '');

  /** Changes some parameters; any change but paging goes back to page 1. */
  const update = (change: Record<string, string | null>) => {
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(change)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in change)) next.delete('page');
        return next;
      },
      { replace: !('page' in change) },
    );
  };
  const updateSearch = useDebouncedCallback((value: string) => {
    update({ q: value.trim() });
  }, 350);

  const onSort = (column: TicketListFilters['sort']) => {
    const order = filters.sort === column && filters.order === 'desc' ? 'asc' : 'desc';
    update({
      sort: column === 'lastUpdate' ? null : column,
      order: order === 'desc' ? null : order,
    });
  };

  const data = tickets.data;
  const filtered = Boolean(filters.q) || filters.status !== undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const resolvedToggle = data && data.resolvedCount > 0 && !filters.status && (
    <Button
      variant="subtle"
      size="sm"
      aria-pressed={filters.includeResolved}
      onClick={() => {
        update({ resolved: filters.includeResolved ? null : '1' });
      }}
    >
      {filters.includeResolved
        ? t('helpdesk.list.hideResolved')
        : t('helpdesk.list.showResolved', { count: data.resolvedCount })}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('helpdesk.list.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to="/tickets/preferences" variant="default">
            {t('helpdesk.preferences.link')}
          </Button>
          <Button component={Link} to="/tickets/new">
            {t('helpdesk.list.newTicket')}
          </Button>
        </Group>
      </Group>
      <Text>{t('helpdesk.list.intro')}</Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('helpdesk.list.search')}
          placeholder={t('helpdesk.list.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            updateSearch(event.currentTarget.value);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label={t('helpdesk.list.status')}
          clearable
          placeholder={
            filters.includeResolved
              ? t('helpdesk.list.anyStatusWithResolved')
              : t('helpdesk.list.anyStatus')
          }
          value={filters.status ?? null}
          onChange={(value) => {
            update({ status: value });
          }}
          data={TICKET_STATUSES.map((value: TicketStatus) => ({
            value,
            label: t(`helpdesk.status.${value}`),
          }))}
          w={{ base: '100%', xs: 240 }}
        />
        {phone && (
          <Select
            label={t('helpdesk.list.sort')}
            value={`${filters.sort}:${filters.order}`}
            allowDeselect={false}
            onChange={(value) => {
              const [sort = 'lastUpdate', order = 'desc'] = (value ?? '').split(':');
              update({
                sort: sort === 'lastUpdate' ? null : sort,
                order: order === 'desc' ? null : order,
              });
            }}
            data={SORTS.flatMap((sort) =>
              (['desc', 'asc'] as const).map((order) => ({
                value: `${sort}:${order}`,
                label: t(`helpdesk.list.sortOptions.${sort}_${order}`),
              })),
            )}
            w={{ base: '100%', xs: 240 }}
          />
        )}
        {resolvedToggle}
      </Group>
      {!data ? (
        <QueryState query={tickets} />
      ) : data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            {filtered ? (
              <>
                <Text>{t('helpdesk.list.nothingFound')}</Text>
                <Button
                  variant="default"
                  onClick={() => {
                    setSearch('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  {t('helpdesk.list.resetFilters')}
                </Button>
              </>
            ) : data.resolvedCount > 0 && !filters.includeResolved ? (
              <Text>{t('helpdesk.list.emptyActiveText')}</Text>
            ) : (
              <>
                <Title order={2} size="h3">
                  {t('helpdesk.list.emptyTitle')}
                </Title>
                <Text>{t('helpdesk.list.emptyText')}</Text>
                <Button component={Link} to="/tickets/new">
                  {t('helpdesk.list.newTicket')}
                </Button>
              </>
            )}
          </Stack>
        </Paper>
      ) : (
        <>
          <Text c="dimmed" size="sm" role="status">
            {t('helpdesk.list.found', { count: data.total })}
          </Text>
          {phone ? (
            <TicketCards tickets={data.items} />
          ) : (
            <TicketTable
              tickets={data.items}
              sort={filters.sort}
              order={filters.order}
              onSort={onSort}
            />
          )}
          {tickets.isError && (
            <Alert color="red" variant="light" role="alert">
              {tickets.error.message}
            </Alert>
          )}
          {pages > 1 && (
            <nav aria-label={t('helpdesk.list.pagination')}>
              <Pagination
                total={pages}
                value={Math.min(filters.page, pages)}
                onChange={(page) => {
                  update({ page: page === 1 ? null : String(page) });
                }}
              />
            </nav>
          )}
        </>
      )}
    </Stack>
  );
}
