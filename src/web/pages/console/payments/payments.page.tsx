import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  PAYMENT_PURPOSES,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from '../../../../shared/contracts/payments.js';
import type { StaffPaymentItem } from '../../../../shared/contracts/payments-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { money } from '../../cabinet/cabinet-format.js';
import { PaymentStatusBadge } from '../../payments/payment-status-badge.js';
import { parsePurpose, purposeLabel } from './payment-labels.js';
import { useStaffPayments } from './use-staff-payments.js';

const DAY = /^\d{4}-\d\d-\d\d$/;

function PaymentRow({ item }: { item: StaffPaymentItem }) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/console/payments/${item.id}`}
          aria-label={t('paymentsConsole.list.open', { number: item.number })}
        >
          {item.number}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(item.createdAt, i18n.language)}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.payer?.displayName ?? t('paymentsConsole.list.noPayer')}</Text>
        <Text size="xs" c="dimmed">
          {item.payer?.email ?? item.receiptEmail ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.description}</Text>
        <Text size="xs" c="dimmed">
          {purposeLabel(item.purpose, t)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={600}>
          {m(item.amountKopecks)}
        </Text>
        {item.refundedKopecks > 0 && (
          <Text size="xs" c="dimmed">
            {t('paymentsConsole.list.refunded', { amount: m(item.refundedKopecks) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <PaymentStatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>{item.paidWith ?? t(`paymentsConsole.methods.${item.method}`)}</Table.Td>
    </Table.Tr>
  );
}

function PaymentsTable({ items }: { items: StaffPaymentItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={t('paymentsConsole.list.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paymentsConsole.list.number')}</Table.Th>
            <Table.Th>{t('paymentsConsole.list.created')}</Table.Th>
            <Table.Th>{t('paymentsConsole.list.payer')}</Table.Th>
            <Table.Th>{t('paymentsConsole.list.what')}</Table.Th>
            <Table.Th ta="right">{t('paymentsConsole.list.amount')}</Table.Th>
            <Table.Th>{t('paymentsConsole.list.status')}</Table.Th>
            <Table.Th>{t('paymentsConsole.list.method')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <PaymentRow key={item.id} item={item} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * `/console/payments`: online payments, newest first, with search and filters kept in the
 * address bar; manual cash and bank entries live on the student's money page.
 */
export function PaymentsConsolePage() {
  const { t } = useTranslation();
  usePageTitle(t('paymentsConsole.list.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const status = PAYMENT_STATUSES.find((s) => s === params.get('status'));
  const purpose = parsePurpose(params.get('purpose'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const filters = {
    q: q || undefined,
    status,
    purpose,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
  };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const list = useStaffPayments(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const setParam = (key: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('paymentsConsole.list.title')}</Title>
        <Anchor component={Link} to="/console/payments/reconciliation">
          {t('paymentsConsole.list.reconciliation')}
        </Anchor>
      </Group>
      <Text>{t('paymentsConsole.list.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('paymentsConsole.list.manualNote')}{' '}
        <Anchor component={Link} to="/console/students" size="sm">
          {t('paymentsConsole.list.toStudents')}
        </Anchor>
      </Text>
      <form
        role="search"
        aria-label={t('paymentsConsole.list.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setParam('q', search.trim() || null);
        }}
      >
        <Group align="flex-end" wrap="wrap" gap="sm">
          <TextInput
            label={t('paymentsConsole.list.search')}
            description={t('paymentsConsole.list.searchHint')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
            }}
            style={{ flex: '1 1 18rem' }}
          />
          <Button type="submit">{t('paymentsConsole.list.find')}</Button>
        </Group>
        <Group align="flex-end" wrap="wrap" gap="sm" mt="sm">
          <Select
            label={t('paymentsConsole.list.statusLabel')}
            data={[
              { value: '', label: t('paymentsConsole.list.anyStatus') },
              ...PAYMENT_STATUSES.map((s: PaymentStatus) => ({
                value: s,
                label: t(`payments.status.${s}`),
              })),
            ]}
            value={status ?? ''}
            allowDeselect={false}
            onChange={(value) => {
              setParam('status', value || null);
            }}
          />
          <Select
            label={t('paymentsConsole.list.purposeLabel')}
            data={[
              { value: '', label: t('paymentsConsole.list.anyPurpose') },
              ...PAYMENT_PURPOSES.map((p) => ({ value: p, label: purposeLabel(p, t) })),
            ]}
            value={purpose ?? ''}
            allowDeselect={false}
            onChange={(value) => {
              setParam('purpose', value || null);
            }}
          />
          <TextInput
            type="date"
            label={t('paymentsConsole.list.from')}
            value={from}
            onChange={(e) => {
              setParam('from', e.currentTarget.value || null);
            }}
          />
          <TextInput
            type="date"
            label={t('paymentsConsole.list.to')}
            value={to}
            onChange={(e) => {
              setParam('to', e.currentTarget.value || null);
            }}
          />
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch('');
                setParams({}, { replace: true });
              }}
            >
              {t('paymentsConsole.list.reset')}
            </Button>
          )}
        </Group>
      </form>
      {!list.data ? (
        <QueryState query={list} />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          {filtered ? t('paymentsConsole.list.nothingFound') : t('paymentsConsole.list.empty')}
        </Text>
      ) : (
        <PaymentsTable items={items} />
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('paymentsConsole.list.more')}
        </Button>
      )}
    </Stack>
  );
}
