import { Select, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentRequest } from '../../../../shared/contracts/billing.js';
import type { StudentMoney } from '../../../../shared/contracts/billing-history.js';
import { parseMoney } from '../../../../shared/money.js';
import { money } from './billing-format.js';
import { DialogFooter, MethodSelect, useDialogAction } from './dialog-parts.js';
import { MoneyInput } from './money-input.js';

/** What the payment dialog opens with: a subscription, a fee, or the balance. */
export type PaymentPreset = { subscriptionId: string } | { enrollmentId: string } | 'balance';

const BALANCE = 'balance';

/** Accepts money for a subscription, an enrolment fee, or onto the balance. */
export function PaymentDialog({
  data,
  preset,
  onDone,
}: {
  data: StudentMoney;
  preset: PaymentPreset;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { action, key } = useDialogAction();
  const dueSubscriptions = data.subscriptions.filter(
    (s) => s.priceKopecks > s.paidKopecks && s.status !== 'cancelled',
  );
  const dueFees = data.feeEnrollments.filter((f) => f.feeKopecks > f.feePaidKopecks);
  const options = [
    { value: BALANCE, label: t('billingConsole.pay.toBalance'), due: null as number | null },
    ...dueSubscriptions.map((s) => ({
      value: `s:${s.id}`,
      label: t('billingConsole.pay.forSubscription', {
        number: s.number,
        name: s.name,
        due: money(s.priceKopecks - s.paidKopecks),
      }),
      due: s.priceKopecks - s.paidKopecks,
    })),
    ...dueFees.map((f) => ({
      value: `e:${f.id}`,
      label: t('billingConsole.pay.forFee', {
        group: f.groupName,
        due: money(f.feeKopecks - f.feePaidKopecks),
      }),
      due: f.feeKopecks - f.feePaidKopecks,
    })),
  ];
  const initial =
    preset === 'balance'
      ? BALANCE
      : 'subscriptionId' in preset
        ? `s:${preset.subscriptionId}`
        : `e:${preset.enrollmentId}`;
  const [target, setTarget] = useState(initial);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<'cash' | 'bank_transfer' | 'card'>('cash');
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const due = options.find((option) => option.value === target)?.due ?? null;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const kopecks = parseMoney(amount);
    if (kopecks === null || kopecks <= 0) return;
    const body: PaymentRequest & { idempotencyKey: string } = {
      amountKopecks: kopecks,
      method,
      idempotencyKey: key,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    if (target.startsWith('s:')) body.target = { subscriptionId: target.slice(2) };
    if (target.startsWith('e:')) body.target = { enrollmentId: target.slice(2) };
    action.mutate({ kind: 'payment', studentId: data.student.id, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select
          label={t('billingConsole.pay.target')}
          allowDeselect={false}
          data={options.map(({ value, label }) => ({ value, label }))}
          value={target}
          onChange={(value) => {
            if (value) setTarget(value);
          }}
        />
        <MoneyInput
          label={t('billingConsole.common.amount')}
          required
          data-autofocus
          placeholder={due === null ? undefined : String(due / 100).replace('.', ',')}
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
          submit={t('billingConsole.pay.submit')}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
