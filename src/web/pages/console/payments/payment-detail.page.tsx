import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StaffPaymentDetail } from '../../../../shared/contracts/payments-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { money } from '../../cabinet/cabinet-format.js';
import { PaymentStatusBadge } from '../../payments/payment-status-badge.js';
import { PaymentEvents, PaymentRefunds } from './payment-events.js';
import { purposeLabel } from './payment-labels.js';
import { RefundForm } from './refund-form.js';
import { useStaffPayment } from './use-staff-payments.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Facts({ payment: p }: { payment: StaffPaymentDetail }) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const applied =
    p.appliedAs === 'purpose'
      ? t('paymentsConsole.detail.appliedAsPurpose')
      : p.appliedAs === 'balance'
        ? t('paymentsConsole.detail.appliedAsBalance')
        : t('paymentsConsole.detail.notApplied');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
      <Fact label={t('paymentsConsole.detail.description')}>{p.description}</Fact>
      <Fact label={t('paymentsConsole.detail.purpose')}>{purposeLabel(p.purpose, t)}</Fact>
      <Fact label={t('paymentsConsole.detail.amount')}>
        {m(p.amountKopecks)} {p.currency !== 'RUB' ? p.currency : ''}
      </Fact>
      {p.refundedKopecks > 0 && (
        <Fact label={t('paymentsConsole.detail.refunded')}>{m(p.refundedKopecks)}</Fact>
      )}
      <Fact label={t('paymentsConsole.detail.payer')}>
        {p.payer ? `${p.payer.displayName}${p.payer.email ? `, ${p.payer.email}` : ''}` : '—'}
      </Fact>
      <Fact label={t('paymentsConsole.detail.student')}>
        {p.studentId ? (
          <Anchor component={Link} to={`/console/students/${p.studentId}/money`} size="sm">
            {p.studentName ?? p.studentId}
          </Anchor>
        ) : (
          '—'
        )}
      </Fact>
      <Fact label={t('paymentsConsole.detail.receiptEmail')}>{p.receiptEmail ?? '—'}</Fact>
      {p.receiptPhone && (
        <Fact label={t('paymentsConsole.detail.receiptPhone')}>{p.receiptPhone}</Fact>
      )}
      <Fact label={t('paymentsConsole.detail.paidWith')}>
        {p.paidWith ?? t(`paymentsConsole.methods.${p.method}`)}
      </Fact>
      <Fact label={t('paymentsConsole.detail.provider')}>{p.provider}</Fact>
      <Fact label={t('paymentsConsole.detail.providerPaymentId')}>
        {p.providerPaymentId ?? '—'}
      </Fact>
      <Fact label={t('paymentsConsole.detail.providerKey')}>{p.providerKey}</Fact>
      <Fact label={t('paymentsConsole.detail.created')}>{when(p.createdAt)}</Fact>
      <Fact label={t('paymentsConsole.detail.finished')}>{when(p.finishedAt)}</Fact>
      <Fact label={t('paymentsConsole.detail.applied')}>
        {p.appliedAt ? `${when(p.appliedAt)} — ${applied}` : applied}
      </Fact>
      <Fact label={t('paymentsConsole.detail.checks')}>
        {t('paymentsConsole.detail.checksValue', { count: p.checks })}
        {p.nextCheckAt &&
          `, ${t('paymentsConsole.detail.nextCheck', { date: when(p.nextCheckAt) })}`}
      </Fact>
      {p.receipt && (
        <Fact label={t('paymentsConsole.detail.receipt')}>
          <Group gap="sm" component="span">
            <Anchor href={p.receipt.html} target="_blank" rel="noopener" size="sm">
              {t('paymentsConsole.detail.receiptHtml')}
            </Anchor>
            <Anchor href={p.receipt.pdf} download size="sm">
              {t('paymentsConsole.detail.receiptPdf')}
            </Anchor>
          </Group>
        </Fact>
      )}
    </SimpleGrid>
  );
}

/** The provider's own words of a decline: staff see them raw, customers see guidance. */
function Cancellation({ payment }: { payment: StaffPaymentDetail }) {
  const { t } = useTranslation();
  const c = payment.cancellation;
  if (!c || (!c.party && !c.reason)) return null;
  return (
    <Paper withBorder p="md" radius="md" bg="red.0">
      <Stack gap={4}>
        <Text fw={600}>{t('paymentsConsole.detail.cancellation')}</Text>
        {c.party && (
          <Text size="sm" ff="monospace">
            {t('paymentsConsole.detail.cancellationParty', { party: c.party })}
          </Text>
        )}
        {c.reason && (
          <Text size="sm" ff="monospace">
            {t('paymentsConsole.detail.cancellationReason', { reason: c.reason })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** `/console/payments/:id`: the facts, the raw decline, the events timeline, refunds. */
export function PaymentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useStaffPayment(id);
  const payment = query.data?.payment;
  usePageTitle(
    payment
      ? t('paymentsConsole.detail.title', { number: payment.number })
      : t('paymentsConsole.list.title'),
  );
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/console/payments" size="sm">
        {t('paymentsConsole.detail.back')}
      </Anchor>
      {!payment ? (
        <QueryState query={query} />
      ) : (
        <>
          <Group gap="sm" align="center">
            <Title order={1}>{t('paymentsConsole.detail.title', { number: payment.number })}</Title>
            <PaymentStatusBadge status={payment.status} />
          </Group>
          <Paper
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-label={t('paymentsConsole.detail.facts')}
          >
            <Facts payment={payment} />
          </Paper>
          <Cancellation payment={payment} />
          {payment.studentId && (
            <Anchor component={Link} to={`/console/students/${payment.studentId}/money`}>
              {t('paymentsConsole.detail.studentMoney')}
            </Anchor>
          )}
          <RefundForm payment={payment} />
          <Title order={2} size="h3">
            {t('paymentsConsole.detail.refunds')}
          </Title>
          <PaymentRefunds refunds={payment.refunds} />
          <Title order={2} size="h3">
            {t('paymentsConsole.detail.events')}
          </Title>
          <PaymentEvents events={payment.events} />
        </>
      )}
    </Stack>
  );
}
