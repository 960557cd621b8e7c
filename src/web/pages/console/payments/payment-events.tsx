import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  PaymentEventView,
  StaffRefundView,
} from '../../../../shared/contracts/payments-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { money } from '../../cabinet/cabinet-format.js';
import { outcomeLabel, sourceLabel } from './payment-labels.js';

/** The payment's timeline: every creation, notification, return, check and refund event. */
export function PaymentEvents({ events }: { events: PaymentEventView[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <Text c="dimmed">{t('paymentsConsole.detail.noEvents')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('paymentsConsole.detail.events')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paymentsConsole.detail.when')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.source')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.event')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.statusChange')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.outcome')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(event.createdAt, i18n.language)}
              </Table.Td>
              <Table.Td>{sourceLabel(event.source, t)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {event.event}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {event.fromStatus || event.toStatus
                  ? `${event.fromStatus ?? '—'} → ${event.toStatus ?? '—'}`
                  : '—'}
              </Table.Td>
              <Table.Td>{outcomeLabel(event.outcome, t)}</Table.Td>
              <Table.Td>{event.sourceIp ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const REFUND_COLORS: Record<StaffRefundView['status'], string> = {
  created: 'gray',
  pending: 'yellow',
  succeeded: 'teal',
  canceled: 'red',
};

/** The payment's refunds: amount, reason, who made it, and the provider's answer. */
export function PaymentRefunds({ refunds }: { refunds: StaffRefundView[] }) {
  const { t, i18n } = useTranslation();
  if (refunds.length === 0) return <Text c="dimmed">{t('paymentsConsole.detail.noRefunds')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('paymentsConsole.detail.refunds')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paymentsConsole.detail.when')}</Table.Th>
            <Table.Th ta="right">{t('paymentsConsole.detail.amount')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.reason')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.by')}</Table.Th>
            <Table.Th>{t('paymentsConsole.detail.refundState')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {refunds.map((refund) => (
            <Table.Tr key={refund.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(refund.createdAt, i18n.language)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(refund.amountKopecks, i18n.language)}
              </Table.Td>
              <Table.Td>{refund.reason}</Table.Td>
              <Table.Td>{refund.createdBy?.displayName ?? '—'}</Table.Td>
              <Table.Td>
                <Badge
                  color={REFUND_COLORS[refund.status]}
                  variant="light"
                  style={{ textTransform: 'none' }}
                >
                  {t(`paymentsConsole.refundStatus.${refund.status}`)}
                </Badge>
                {refund.cancellationReason && (
                  <Text size="xs" ff="monospace">
                    {refund.cancellationReason}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
