import { Anchor, Button, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  useDebtLessons,
  useUnderpaidFees,
  useUnderpaidSubscriptions,
} from '../../../api/billing.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { money } from './billing-format.js';
import { SubscriptionsTable } from './subscriptions-table.js';

type Paged<T> = UseInfiniteQueryResult<InfiniteData<{ items: T[]; nextCursor: string | null }>>;

/** One paged section: its rows, «Показать ещё», or the query's state. */
function Section<T>({ query, render }: { query: Paged<T>; render: (items: T[]) => ReactNode }) {
  const { t } = useTranslation();
  if (!query.data) return <QueryState query={query} />;
  const items = query.data.pages.flatMap((page) => page.items);
  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Text c="dimmed">{t('billingConsole.debts.empty')}</Text>
      ) : (
        render(items)
      )}
      {query.hasNextPage && (
        <Button
          variant="default"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('billingConsole.common.more')}
        </Button>
      )}
    </Stack>
  );
}

const studentLink = (id: string, name: string) => (
  <Anchor component={Link} to={`/console/students/${id}/money`}>
    {name}
  </Anchor>
);

/** `/console/debts`: lessons in debt, underpaid subscriptions, underpaid one-time fees. */
export function DebtsPage() {
  const { t } = useTranslation();
  usePageTitle(t('billingConsole.debts.title'));
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'lessons';
  const lessons = useDebtLessons();
  const subscriptions = useUnderpaidSubscriptions();
  const fees = useUnderpaidFees();

  return (
    <Stack gap="md">
      <Title order={1}>{t('billingConsole.debts.title')}</Title>
      <Text>{t('billingConsole.debts.intro')}</Text>
      <Tabs
        value={tab}
        onChange={(value) => {
          setParams({ tab: value ?? 'lessons' }, { replace: true });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="lessons">{t('billingConsole.debts.lessonsTab')}</Tabs.Tab>
          <Tabs.Tab value="subscriptions">{t('billingConsole.debts.subscriptionsTab')}</Tabs.Tab>
          <Tabs.Tab value="fees">{t('billingConsole.debts.feesTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lessons" pt="md">
          <Section
            query={lessons}
            render={(items) => (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('billingConsole.common.student')}</Table.Th>
                    <Table.Th>{t('billingConsole.debts.debtLessons')}</Table.Th>
                    <Table.Th>{t('billingConsole.debts.balance')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((row) => (
                    <Table.Tr key={row.studentId}>
                      <Table.Td>{studentLink(row.studentId, row.fullName)}</Table.Td>
                      <Table.Td>
                        {t('billingConsole.common.lessons', { count: row.debtLessons })}
                      </Table.Td>
                      <Table.Td>{money(row.balanceKopecks)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          />
        </Tabs.Panel>
        <Tabs.Panel value="subscriptions" pt="md">
          <Section
            query={subscriptions}
            render={(items) => <SubscriptionsTable items={items} withStudent />}
          />
        </Tabs.Panel>
        <Tabs.Panel value="fees" pt="md">
          <Section
            query={fees}
            render={(items) => (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('billingConsole.common.student')}</Table.Th>
                    <Table.Th>{t('billingConsole.debts.group')}</Table.Th>
                    <Table.Th>{t('billingConsole.debts.fee')}</Table.Th>
                    <Table.Th>{t('billingConsole.debts.due')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>{studentLink(row.studentId, row.fullName)}</Table.Td>
                      <Table.Td>{row.groupName}</Table.Td>
                      <Table.Td>{money(row.feeKopecks)}</Table.Td>
                      <Table.Td>{money(row.feeKopecks - row.feePaidKopecks)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
