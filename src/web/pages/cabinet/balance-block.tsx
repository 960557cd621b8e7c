import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  BuyFromBalanceResponse,
  DashboardBalance,
} from '../../../shared/contracts/cabinet.js';
import { PayDialog } from '../payments/pay-dialog.js';
import { BuyFromBalanceDialog } from './buy-from-balance.js';
import { money } from './cabinet-format.js';

/** Props of BalanceBlock. */
interface BalanceBlockProps {
  studentId: string;
  balance: DashboardBalance;
  /** Show the link to the ledger (the home page); the balance page has it below. */
  withLedgerLink?: boolean;
}

/** What the money on the balance is doing, in one sentence. */
function useBalanceSentence(balance: DashboardBalance): string | null {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  if (balance.freeKopecks < 0)
    return t('cabinet.balance.owes', { amount: m(-balance.freeKopecks) });
  if (balance.freeKopecks === 0) return null;
  if (balance.hasActiveSubscription) {
    return t('cabinet.balance.freeWithSubscription', { amount: m(balance.freeKopecks) });
  }
  return balance.offerPurchaseFromBalance
    ? t('cabinet.balance.freeNoSubscription', { amount: m(balance.freeKopecks) })
    : t('cabinet.balance.freeNoOffers', { amount: m(balance.freeKopecks) });
}

/**
 * The balance: how much, how much of it already pays for subscriptions, and — when free money
 * sits there with no active subscription — says exactly that and offers to buy one from it.
 */
export function BalanceBlock({ studentId, balance, withLedgerLink = true }: BalanceBlockProps) {
  const { t, i18n } = useTranslation();
  const [buying, setBuying] = useState(false);
  const [toppingUp, setToppingUp] = useState(false);
  const [bought, setBought] = useState<BuyFromBalanceResponse | null>(null);
  const sentence = useBalanceSentence(balance);
  const noFreeMoneyWarning = balance.freeKopecks > 0 && !balance.hasActiveSubscription;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="balance-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="balance-heading">
          {t('cabinet.balance.title')}
        </Title>
        <Text size="xl" fw={700} c={balance.balanceKopecks < 0 ? 'red.8' : undefined}>
          {money(balance.balanceKopecks, i18n.language)}
        </Text>
        {balance.reservedKopecks > 0 && (
          <Text size="sm">
            {t('cabinet.balance.reserved', {
              amount: money(balance.reservedKopecks, i18n.language),
            })}
          </Text>
        )}
        {sentence &&
          (noFreeMoneyWarning ? (
            <Alert color="orange" variant="light">
              {sentence}
            </Alert>
          ) : (
            <Text size="sm">{sentence}</Text>
          ))}
        {bought && (
          <Alert color="teal" variant="light" role="status">
            {t('cabinet.buy.done', {
              number: bought.subscription.number,
              name: bought.subscription.name,
            })}
          </Alert>
        )}
        <Group gap="sm">
          {balance.offerPurchaseFromBalance && (
            <Button
              onClick={() => {
                setBuying(true);
              }}
            >
              {t('cabinet.balance.buy')}
            </Button>
          )}
          <Button
            variant={balance.offerPurchaseFromBalance ? 'default' : 'filled'}
            onClick={() => {
              setToppingUp(true);
            }}
          >
            {t('payments.pay.topUp')}
          </Button>
        </Group>
        {withLedgerLink && (
          <Anchor component={Link} to="/cabinet/balance" size="sm">
            {t('cabinet.balance.history')}
          </Anchor>
        )}
      </Stack>
      <BuyFromBalanceDialog
        studentId={studentId}
        opened={buying}
        onClose={() => {
          setBuying(false);
        }}
        onBought={setBought}
      />
      <PayDialog
        intent={
          toppingUp
            ? {
                title: t('payments.pay.topUpTitle'),
                target: { purpose: 'balance_top_up', targetId: studentId, studentId },
                amount: { kind: 'top_up' },
              }
            : null
        }
        onClose={() => {
          setToppingUp(false);
        }}
      />
    </Paper>
  );
}
