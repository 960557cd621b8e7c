import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoldSubscription } from '../../../../shared/contracts/billing.js';
import { money } from './billing-format.js';
import { DialogFooter, MethodSelect, useDialogAction } from './dialog-parts.js';

/** Freezes a subscription from one day to another, or lifts its freeze. */
export function FreezeDialog({
  subscription,
  onDone,
}: {
  subscription: SoldSubscription;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { action } = useDialogAction();
  const [from, setFrom] = useState(subscription.frozenFrom ?? '');
  const [to, setTo] = useState(subscription.frozenTo ?? '');

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!from || !to) return;
    action.mutate(
      { kind: 'freeze', subscriptionId: subscription.id, freeze: { from, to } },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">{t('billingConsole.freeze.explain')}</Text>
        <Group grow>
          <TextInput
            type="date"
            required
            label={t('billingConsole.freeze.from')}
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
            }}
          />
          <TextInput
            type="date"
            required
            label={t('billingConsole.freeze.to')}
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
            }}
          />
        </Group>
        {subscription.frozenFrom && (
          <Button
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              action.mutate(
                { kind: 'freeze', subscriptionId: subscription.id, freeze: null },
                { onSuccess: onDone },
              );
            }}
          >
            {t('billingConsole.freeze.lift')}
          </Button>
        )}
        <DialogFooter
          error={action.error}
          pending={action.isPending}
          submit={t('billingConsole.freeze.submit')}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Cancels a sale: the money stays on the balance, or is refunded. */
export function CancelSaleDialog({
  subscription,
  onDone,
}: {
  subscription: SoldSubscription;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { action, key } = useDialogAction();
  const [refund, setRefund] = useState<'keep' | 'refund'>('keep');
  const [method, setMethod] = useState<'cash' | 'bank_transfer' | 'card'>('cash');
  const [comment, setComment] = useState('');

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    action.mutate(
      {
        kind: 'cancel',
        subscriptionId: subscription.id,
        body: {
          refund: refund === 'refund' ? { method } : null,
          idempotencyKey: key,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">{t('billingConsole.cancel.explain')}</Text>
        <Radio.Group
          value={refund}
          onChange={(value) => {
            setRefund(value === 'refund' ? 'refund' : 'keep');
          }}
        >
          <Stack gap={6}>
            <Radio value="keep" label={t('billingConsole.cancel.keep')} />
            <Radio
              value="refund"
              disabled={subscription.paidKopecks <= 0}
              label={t('billingConsole.cancel.refund', { amount: money(subscription.paidKopecks) })}
            />
          </Stack>
        </Radio.Group>
        {refund === 'refund' && <MethodSelect value={method} onChange={setMethod} />}
        <TextInput
          label={t('billingConsole.common.comment')}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
          }}
        />
        <DialogFooter
          error={action.error}
          pending={action.isPending}
          submit={t('billingConsole.cancel.submit')}
          onCancel={onDone}
          color="red"
        />
      </Stack>
    </form>
  );
}
