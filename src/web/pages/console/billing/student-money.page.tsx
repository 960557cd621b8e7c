import { Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SoldSubscription } from '../../../../shared/contracts/billing.js';
import type { StudentMoney } from '../../../../shared/contracts/billing-history.js';
import { useStudentMoney } from '../../../api/billing.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { money } from './billing-format.js';
import { CorrectionDialog } from './correction-dialog.js';
import { MoneyHistory } from './money-history.js';
import { PaymentDialog, type PaymentPreset } from './payment-dialog.js';
import { RefundDialog } from './refund-dialog.js';
import { SellDialog } from './sell-dialog.js';
import { CancelSaleDialog, FreezeDialog } from './subscription-dialogs.js';
import { SubscriptionsTable } from './subscriptions-table.js';

type Dialog =
  | { kind: 'sell' }
  | { kind: 'pay'; preset: PaymentPreset }
  | { kind: 'refund' }
  | { kind: 'correction' }
  | { kind: 'freeze'; subscription: SoldSubscription }
  | { kind: 'cancel'; subscription: SoldSubscription };

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** `/console/students/:id/money`: a student's money, its history and every money action. */
export function StudentMoneyPage() {
  const { id = '' } = useParams();
  const money$ = useStudentMoney(id);
  const { t } = useTranslation();
  usePageTitle(t('billingConsole.common.moneyHistory'));
  if (!money$.data) return <QueryState query={money$} />;
  return <StudentMoneyView data={money$.data} />;
}

function StudentMoneyView({ data }: { data: StudentMoney }) {
  const { t } = useTranslation();
  usePageTitle(t('billingConsole.money.title', { name: data.student.fullName }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
  };
  const titles: Record<Dialog['kind'], string> = {
    sell: t('billingConsole.sell.title'),
    pay: t('billingConsole.pay.title'),
    refund: t('billingConsole.refund.title'),
    correction: t('billingConsole.correction.title'),
    freeze:
      dialog?.kind === 'freeze'
        ? t('billingConsole.freeze.title', { number: dialog.subscription.number })
        : '',
    cancel:
      dialog?.kind === 'cancel'
        ? t('billingConsole.cancel.title', { number: dialog.subscription.number })
        : '',
  };
  const open = (s: SoldSubscription) => s.status !== 'ended' && s.status !== 'cancelled';

  return (
    <Stack gap="lg">
      <Title order={1}>{t('billingConsole.money.title', { name: data.student.fullName })}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure
          label={t('billingConsole.money.balance')}
          value={money(data.student.balanceKopecks)}
        />
        <Figure
          label={t('billingConsole.money.free')}
          value={money(data.student.freeBalanceKopecks)}
          hint={t('billingConsole.money.freeHint')}
        />
        <Figure
          label={t('billingConsole.money.debtLessons')}
          value={String(data.student.debtLessons)}
        />
      </SimpleGrid>
      <Group gap="sm">
        <Button
          onClick={() => {
            setDialog({ kind: 'sell' });
          }}
        >
          {t('billingConsole.money.sell')}
        </Button>
        <Button
          variant="light"
          onClick={() => {
            setDialog({ kind: 'pay', preset: 'balance' });
          }}
        >
          {t('billingConsole.money.pay')}
        </Button>
        <Button
          variant="light"
          onClick={() => {
            setDialog({ kind: 'refund' });
          }}
        >
          {t('billingConsole.money.refund')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setDialog({ kind: 'correction' });
          }}
        >
          {t('billingConsole.money.correction')}
        </Button>
      </Group>

      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('billingConsole.money.subscriptions')}
        </Title>
        {data.subscriptions.length === 0 ? (
          <Text c="dimmed">{t('billingConsole.money.noSubscriptions')}</Text>
        ) : (
          <SubscriptionsTable
            items={data.subscriptions}
            actions={(s) => (
              <Group gap={4} wrap="nowrap">
                {s.paidKopecks < s.priceKopecks && s.status !== 'cancelled' && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={t('billingConsole.money.payForNamed', { number: s.number })}
                    onClick={() => {
                      setDialog({ kind: 'pay', preset: { subscriptionId: s.id } });
                    }}
                  >
                    {t('billingConsole.money.payFor')}
                  </Button>
                )}
                {open(s) && (
                  <>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={t('billingConsole.money.freezeNamed', { number: s.number })}
                      onClick={() => {
                        setDialog({ kind: 'freeze', subscription: s });
                      }}
                    >
                      {t('billingConsole.money.freeze')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('billingConsole.money.cancelNamed', { number: s.number })}
                      onClick={() => {
                        setDialog({ kind: 'cancel', subscription: s });
                      }}
                    >
                      {t('billingConsole.money.cancelSale')}
                    </Button>
                  </>
                )}
              </Group>
            )}
          />
        )}
      </Stack>

      {data.feeEnrollments.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('billingConsole.money.fees')}
          </Title>
          <Table striped>
            <Table.Tbody>
              {data.feeEnrollments.map((fee) => (
                <Table.Tr key={fee.id}>
                  <Table.Td>{fee.groupName}</Table.Td>
                  <Table.Td>
                    {t('billingConsole.money.feeValue', {
                      paid: money(fee.feePaidKopecks),
                      fee: money(fee.feeKopecks),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {fee.feePaidKopecks < fee.feeKopecks && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => {
                          setDialog({ kind: 'pay', preset: { enrollmentId: fee.id } });
                        }}
                      >
                        {t('billingConsole.money.payFor')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('billingConsole.money.history')}
        </Title>
        <MoneyHistory studentId={data.student.id} ownerName={data.student.fullName} />
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog ? titles[dialog.kind] : ''}
        size="lg"
      >
        {dialog?.kind === 'sell' && <SellDialog data={data} onDone={close} />}
        {dialog?.kind === 'pay' && (
          <PaymentDialog data={data} preset={dialog.preset} onDone={close} />
        )}
        {dialog?.kind === 'refund' && <RefundDialog data={data} onDone={close} />}
        {dialog?.kind === 'correction' && <CorrectionDialog data={data} onDone={close} />}
        {dialog?.kind === 'freeze' && (
          <FreezeDialog subscription={dialog.subscription} onDone={close} />
        )}
        {dialog?.kind === 'cancel' && (
          <CancelSaleDialog subscription={dialog.subscription} onDone={close} />
        )}
      </Modal>
    </Stack>
  );
}
