import {
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ReconciliationReport } from '../../../../shared/contracts/payments-staff.js';
import { formatDateTime, ORGANIZATION_TIME_ZONE } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { localDayOf, money } from '../../cabinet/cabinet-format.js';
import { PaymentStatusBadge } from '../../payments/payment-status-badge.js';
import { useReconciliation } from './use-staff-payments.js';

const DAY = /^\d{4}-\d\d-\d\d$/;

/** This month so far, in the organization's time zone. */
function defaultPeriod() {
  const today = localDayOf(new Date().toISOString(), ORGANIZATION_TIME_ZONE);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

type Ref = { id: string; number: number; amountKopecks: number };

/** A list of problem payments, each linking to its page; `extra` adds the row's specifics. */
function ProblemList<T extends Ref>({
  title,
  items,
  extra,
}: {
  title: string;
  items: T[];
  extra?: (item: T) => string;
}) {
  const { i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} c="red.8">
        {title} ({items.length})
      </Text>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={`/console/payments/${item.id}`} size="sm">
              №{item.number}
            </Anchor>{' '}
            — {money(item.amountKopecks, i18n.language)}
            {extra ? `; ${extra(item)}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Problems({ report: r }: { report: ReconciliationReport }) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  const count =
    r.succeededNotApplied.length +
    r.ledgerMismatches.length +
    r.stuck.length +
    r.amountMismatches.length +
    r.refundsPending.length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="problems-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="problems-heading">
          {t('paymentsConsole.reconciliation.problems')}
        </Title>
        {count === 0 && <Text c="teal.8">{t('paymentsConsole.reconciliation.allClear')}</Text>}
        <ProblemList
          title={t('paymentsConsole.reconciliation.succeededNotApplied')}
          items={r.succeededNotApplied}
        />
        <ProblemList
          title={t('paymentsConsole.reconciliation.ledgerMismatches')}
          items={r.ledgerMismatches}
          extra={(item) =>
            item.ledgerAmountKopecks === null
              ? t('paymentsConsole.reconciliation.ledgerMissing')
              : t('paymentsConsole.reconciliation.ledgerAmount', {
                  amount: m(item.ledgerAmountKopecks),
                })
          }
        />
        <ProblemList
          title={t('paymentsConsole.reconciliation.stuck')}
          items={r.stuck}
          extra={(item) => t('paymentsConsole.reconciliation.stuckChecks', { count: item.checks })}
        />
        <ProblemList
          title={t('paymentsConsole.reconciliation.amountMismatches')}
          items={r.amountMismatches}
          extra={(item) => `${item.event}, ${formatDateTime(item.eventAt, i18n.language)}`}
        />
        <ProblemList
          title={t('paymentsConsole.reconciliation.refundsPending')}
          items={r.refundsPending.map((refund) => ({
            id: refund.paymentId,
            number: refund.paymentNumber,
            amountKopecks: refund.amountKopecks,
            status: refund.status,
          }))}
          extra={(item) => t(`paymentsConsole.refundStatus.${item.status}`)}
        />
      </Stack>
    </Paper>
  );
}

function Report({ report: r }: { report: ReconciliationReport }) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  return (
    <Stack gap="md">
      <Problems report={r} />
      <Title order={2} size="h3">
        {t('paymentsConsole.reconciliation.totals')}
      </Title>
      <Table aria-label={t('paymentsConsole.reconciliation.totals')} maw={480}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('paymentsConsole.reconciliation.succeeded')}</Table.Th>
            <Table.Td ta="right">{m(r.totals.succeededKopecks)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('paymentsConsole.reconciliation.refunded')}</Table.Th>
            <Table.Td ta="right">{m(r.totals.refundedKopecks)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('paymentsConsole.reconciliation.net')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {m(r.totals.netKopecks)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={2} size="h3">
        {t('paymentsConsole.reconciliation.byStatus')}
      </Title>
      {r.byStatus.length === 0 ? (
        <Text c="dimmed">{t('paymentsConsole.reconciliation.noPayments')}</Text>
      ) : (
        <Table aria-label={t('paymentsConsole.reconciliation.byStatus')} maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('paymentsConsole.reconciliation.status')}</Table.Th>
              <Table.Th ta="right">{t('paymentsConsole.reconciliation.count')}</Table.Th>
              <Table.Th ta="right">{t('paymentsConsole.reconciliation.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.byStatus.map((row) => (
              <Table.Tr key={row.status}>
                <Table.Td>
                  <PaymentStatusBadge status={row.status} />
                </Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
                <Table.Td ta="right">{m(row.amountKopecks)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** `/console/payments/reconciliation`: a period's payments, totals and discrepancies. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  usePageTitle(t('paymentsConsole.reconciliation.title'));
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const period = {
    from: DAY.test(fromParam) ? fromParam : fallback.from,
    to: DAY.test(toParam) ? toParam : fallback.to,
  };
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const report = useReconciliation(period);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/console/payments" size="sm">
        {t('paymentsConsole.reconciliation.back')}
      </Anchor>
      <Title order={1}>{t('paymentsConsole.reconciliation.title')}</Title>
      <Text>{t('paymentsConsole.reconciliation.intro')}</Text>
      <form
        aria-label={t('paymentsConsole.reconciliation.period')}
        onSubmit={(event) => {
          event.preventDefault();
          if (DAY.test(from) && DAY.test(to)) setParams({ from, to }, { replace: true });
        }}
      >
        <Group align="flex-end" wrap="wrap" gap="sm">
          <TextInput
            type="date"
            label={t('paymentsConsole.reconciliation.from')}
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
            }}
          />
          <TextInput
            type="date"
            label={t('paymentsConsole.reconciliation.to')}
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
            }}
          />
          <Button type="submit">{t('paymentsConsole.reconciliation.show')}</Button>
        </Group>
      </form>
      {report.data ? <Report report={report.data} /> : <QueryState query={report} />}
    </Stack>
  );
}
