import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CabinetLedgerEntry, MyStudent } from '../../../shared/contracts/cabinet.js';
import { useDashboard, useLedger } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { BalanceBlock } from './balance-block.js';
import { formatDateTime, money } from './cabinet-format.js';
import { CabinetFrame } from './cabinet-frame.js';
import { describeLedgerEntry } from './ledger-entry-text.js';

function signed(kopecks: number, language: string): string {
  return kopecks > 0 ? `+${money(kopecks, language)}` : money(kopecks, language);
}

function LedgerList({ entries, timeZone }: { entries: CabinetLedgerEntry[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const language = i18n.language;
  const rows = entries.map((entry) => ({
    entry,
    when: formatDateTime(entry.createdAt, timeZone, language),
    what: describeLedgerEntry(entry, t, language, timeZone),
    amount: signed(entry.amountKopecks, language),
    after: money(entry.balanceAfterKopecks, language),
    color: entry.amountKopecks < 0 ? 'red.8' : 'teal.8',
  }));
  if (phone) {
    return (
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Paper key={row.entry.id} withBorder p="sm" radius="md" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {row.when}
                </Text>
                <Text size="sm">{row.what}</Text>
              </Stack>
              <Stack gap={2} align="flex-end">
                <Text fw={700} c={row.color} style={{ whiteSpace: 'nowrap' }}>
                  {row.amount}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('cabinet.ledger.after', { amount: row.after })}
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cabinet.ledger.when')}</Table.Th>
          <Table.Th>{t('cabinet.ledger.what')}</Table.Th>
          <Table.Th ta="right">{t('cabinet.ledger.amount')}</Table.Th>
          <Table.Th ta="right">{t('cabinet.ledger.balanceAfter')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.entry.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.when}</Table.Td>
            <Table.Td>{row.what}</Table.Td>
            <Table.Td ta="right" c={row.color} fw={600} style={{ whiteSpace: 'nowrap' }}>
              {row.amount}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {row.after}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Balance({ student }: { student: MyStudent }) {
  const { t } = useTranslation();
  const dashboard = useDashboard(student.id);
  const [page, setPage] = useState(1);
  const ledger = useLedger(student.id, page);
  const data = ledger.data;
  return (
    <Stack gap="md">
      {dashboard.data ? (
        <BalanceBlock
          studentId={student.id}
          balance={dashboard.data.balance}
          withLedgerLink={false}
        />
      ) : (
        <QueryState query={dashboard} />
      )}
      <Title order={2} size="h3">
        {t('cabinet.ledger.title')}
      </Title>
      {!data ? (
        <QueryState query={ledger} />
      ) : data.entries.length === 0 ? (
        <Text c="dimmed">{t('cabinet.ledger.none')}</Text>
      ) : (
        <LedgerList entries={data.entries} timeZone={data.timeZone} />
      )}
      {data && (data.page > 1 || data.hasMore) && (
        <Group gap="sm" role="navigation" aria-label={t('cabinet.pages')}>
          <Button
            variant="default"
            disabled={page <= 1}
            onClick={() => {
              setPage(page - 1);
            }}
          >
            {t('cabinet.newer')}
          </Button>
          <Text size="sm">{t('cabinet.page', { page: data.page })}</Text>
          <Button
            variant="default"
            disabled={!data.hasMore}
            onClick={() => {
              setPage(page + 1);
            }}
          >
            {t('cabinet.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** «Баланс»: the balance block (with the purchase from it) and the money history. */
export function BalancePage() {
  const { t } = useTranslation();
  return (
    <CabinetFrame title={t('cabinet.balance.pageTitle')}>
      {(student) => <Balance key={student.id} student={student} />}
    </CabinetFrame>
  );
}
