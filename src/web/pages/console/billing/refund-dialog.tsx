import { Checkbox, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefundRequest } from '../../../../shared/contracts/billing.js';
import type { StudentMoney } from '../../../../shared/contracts/billing-history.js';
import { parseMoney } from '../../../../shared/money.js';
import { money } from './billing-format.js';
import { DialogFooter, MethodSelect, useDialogAction } from './dialog-parts.js';
import { MoneyInput } from './money-input.js';

/** Returns money from the free balance or from a subscription's paid, unused part. */
export function RefundDialog({ data, onDone }: { data: StudentMoney; onDone: () => void }) {
  const { t } = useTranslation();
  const { action, key } = useDialogAction();
  const refundable = data.subscriptions.filter((s) => s.paidKopecks > s.chargedKopecks);
  const [source, setSource] = useState('balance');
  const [close, setClose] = useState(false);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<'cash' | 'bank_transfer' | 'card'>('cash');
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const kopecks = parseMoney(amount);
    if (kopecks === null || kopecks <= 0) return;
    const body: RefundRequest & { idempotencyKey: string } = {
      amountKopecks: kopecks,
      method,
      source:
        source === 'balance'
          ? { kind: 'balance' }
          : { kind: 'subscription', subscriptionId: source, close },
      idempotencyKey: key,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    action.mutate({ kind: 'refund', studentId: data.student.id, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">{t('billingConsole.refund.explain')}</Text>
        <Select
          label={t('billingConsole.refund.source')}
          allowDeselect={false}
          data={[
            {
              value: 'balance',
              label: t('billingConsole.refund.fromBalance', {
                free: money(Math.max(0, data.student.freeBalanceKopecks)),
              }),
            },
            ...refundable.map((s) => ({
              value: s.id,
              label: t('billingConsole.refund.fromSubscription', {
                number: s.number,
                unused: money(s.paidKopecks - s.chargedKopecks),
              }),
            })),
          ]}
          value={source}
          onChange={(value) => {
            if (value) setSource(value);
          }}
        />
        {source !== 'balance' && (
          <Checkbox
            label={t('billingConsole.refund.close')}
            checked={close}
            onChange={(e) => {
              setClose(e.currentTarget.checked);
            }}
          />
        )}
        <MoneyInput
          label={t('billingConsole.common.amount')}
          required
          value={amount}
          onChange={setAmount}
          showInvalid={tried}
        />
        <MethodSelect value={method} onChange={setMethod} />
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
          submit={t('billingConsole.refund.submit')}
          onCancel={onDone}
          color="red"
        />
      </Stack>
    </form>
  );
}
