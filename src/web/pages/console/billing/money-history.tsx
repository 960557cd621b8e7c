import { Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMoneyHistory } from '../../../api/billing.js';
import { QueryState } from '../../../components/query-state.js';
import { describeEntry, formatLocalTime, money } from './billing-format.js';

/** The student's ledger, newest first: each entry explained, with the balance after it. */
export function MoneyHistory({ studentId, ownerName }: { studentId: string; ownerName: string }) {
  const { t } = useTranslation();
  const history = useMoneyHistory(studentId);
  if (!history.data) return <QueryState query={history} />;
  const items = history.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{t('billingConsole.money.historyEmpty')}</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={t('billingConsole.money.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('billingConsole.money.when')}</Table.Th>
              <Table.Th>{t('billingConsole.money.what')}</Table.Th>
              <Table.Th ta="right">{t('billingConsole.money.change')}</Table.Th>
              <Table.Th ta="right">{t('billingConsole.money.after')}</Table.Th>
              <Table.Th>{t('billingConsole.money.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id} data-kind={entry.kind}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatLocalTime(entry.createdAt)}
                </Table.Td>
                <Table.Td>{describeEntry(entry, t, ownerName)}</Table.Td>
                <Table.Td
                  ta="right"
                  c={entry.amountKopecks < 0 ? 'red' : 'green'}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {entry.amountKopecks > 0 ? '+' : ''}
                  {money(entry.amountKopecks)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(entry.balanceAfterKopecks)}
                </Table.Td>
                <Table.Td>{entry.createdByName ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {history.hasNextPage && (
        <Button
          variant="default"
          loading={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('billingConsole.common.more')}
        </Button>
      )}
    </Stack>
  );
}
