import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SoldSubscription } from '../../../../shared/contracts/billing.js';
import { formatDay, money } from './billing-format.js';
import { SubscriptionBadge } from './subscription-badge.js';

/** Props of SubscriptionsTable. */
interface SubscriptionsTableProps {
  items: SoldSubscription[];
  /** Show the student's name (and link to their money page). */
  withStudent?: boolean;
  /** Buttons for one row (the student's money page). */
  actions?: (subscription: SoldSubscription) => ReactNode;
}

/** Sold subscriptions: number, name, dates, lessons used, price and what is paid, status. */
export function SubscriptionsTable({
  items,
  withStudent = false,
  actions,
}: SubscriptionsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billingConsole.sales.number')}</Table.Th>
            {withStudent && <Table.Th>{t('billingConsole.common.student')}</Table.Th>}
            <Table.Th>{t('billingConsole.sales.name')}</Table.Th>
            <Table.Th>{t('billingConsole.sales.dates')}</Table.Th>
            <Table.Th>{t('billingConsole.sales.lessons')}</Table.Th>
            <Table.Th>{t('billingConsole.sales.price')}</Table.Th>
            <Table.Th>{t('billingConsole.sales.paid')}</Table.Th>
            <Table.Th>{t('billingConsole.sales.statusLabel')}</Table.Th>
            {actions && (
              <Table.Th>
                <span className="visually-hidden">{t('billingConsole.common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.number}</Table.Td>
              {withStudent && (
                <Table.Td>
                  <Anchor component={Link} to={`/console/students/${s.studentId}/money`}>
                    {s.studentName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>
                {t('billingConsole.sales.datesValue', {
                  from: formatDay(s.beginsOn),
                  to: formatDay(s.endsOn),
                })}
                {s.frozenFrom && s.frozenTo && (
                  <Text size="xs" c="dimmed">
                    {t('billingConsole.sales.frozen', {
                      from: formatDay(s.frozenFrom),
                      to: formatDay(s.frozenTo),
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {s.lessonsTotal === null
                  ? t('billingConsole.sales.usedUnlimited', { used: s.lessonsUsed })
                  : t('billingConsole.sales.used', { used: s.lessonsUsed, total: s.lessonsTotal })}
              </Table.Td>
              <Table.Td>
                {money(s.priceKopecks)}
                {s.originalPriceKopecks > s.priceKopecks && (
                  <Text size="xs" c="dimmed">
                    {t('billingConsole.sales.discount', {
                      amount: money(s.originalPriceKopecks - s.priceKopecks),
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{money(s.paidKopecks)}</Table.Td>
              <Table.Td>
                <SubscriptionBadge status={s.status} />
              </Table.Td>
              {actions && <Table.Td>{actions(s)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
