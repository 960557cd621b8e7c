import { Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SellRequest } from '../../../../shared/contracts/billing.js';
import type { StudentMoney } from '../../../../shared/contracts/billing-history.js';
import { discountFromPercent, formatMoneyInput, parseMoney } from '../../../../shared/money.js';
import { useSubscriptionTypes } from '../../../api/billing.js';
import { money, todayInOrganization } from './billing-format.js';
import { DialogFooter, MethodSelect, useDialogAction } from './dialog-parts.js';
import { MoneyInput } from './money-input.js';

type DiscountKind = 'none' | 'amount' | 'percent';
type PaymentKind = 'money' | 'balance' | 'later';

/** Sells a subscription to the student: type, first day, discount, and how it is paid. */
export function SellDialog({ data, onDone }: { data: StudentMoney; onDone: () => void }) {
  const { t } = useTranslation();
  const types = useSubscriptionTypes();
  const { action, key } = useDialogAction();
  const [typeId, setTypeId] = useState<string | null>(null);
  const [beginsOn, setBeginsOn] = useState(todayInOrganization);
  const [discountKind, setDiscountKind] = useState<DiscountKind>('none');
  const [discount, setDiscount] = useState('');
  const [paymentKind, setPaymentKind] = useState<PaymentKind>('money');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<'cash' | 'bank_transfer' | 'card'>('cash');
  const [tried, setTried] = useState(false);

  const type = types.data?.items.find((item) => item.id === typeId);
  const percent = Number(discount.replace(',', '.'));
  const discountKopecks =
    discountKind === 'amount'
      ? (parseMoney(discount) ?? 0)
      : discountKind === 'percent' && type && Number.isFinite(percent)
        ? discountFromPercent(type.priceKopecks, percent)
        : 0;
  const price = type ? Math.max(0, type.priceKopecks - discountKopecks) : 0;
  const free = data.student.freeBalanceKopecks;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    if (!type) return;
    const body: SellRequest & { idempotencyKey: string } = {
      studentId: data.student.id,
      typeId: type.id,
      beginsOn,
      idempotencyKey: key,
    };
    if (discountKind === 'amount') {
      const kopecks = parseMoney(discount);
      if (kopecks === null) return;
      body.discount = { kind: 'amount', kopecks };
    } else if (discountKind === 'percent') {
      if (!(percent >= 0 && percent <= 100)) return;
      body.discount = { kind: 'percent', percent };
    }
    if (paymentKind === 'money') {
      const paid = parseMoney(amount === '' ? formatMoneyInput(price) : amount);
      if (paid === null || paid <= 0) return;
      body.payment = { kind: 'money', amountKopecks: paid, method };
    } else if (paymentKind === 'balance') {
      body.payment = { kind: 'balance', amountKopecks: Math.min(price, free) };
    }
    action.mutate({ kind: 'sell', body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select
          label={t('billingConsole.sell.type')}
          required
          searchable
          data-autofocus
          data={(types.data?.items ?? []).map((item) => ({
            value: item.id,
            label: `${item.name} — ${money(item.priceKopecks)}`,
          }))}
          value={typeId}
          onChange={setTypeId}
          error={tried && !type ? t('billingConsole.sell.type') : undefined}
        />
        <TextInput
          type="date"
          required
          label={t('billingConsole.sell.beginsOn')}
          description={t('billingConsole.sell.beginsOnHint')}
          value={beginsOn}
          onChange={(e) => {
            setBeginsOn(e.currentTarget.value);
          }}
        />
        <Text size="sm" fw={500}>
          {t('billingConsole.sell.discount')}
        </Text>
        <SegmentedControl
          value={discountKind}
          onChange={(value) => {
            setDiscountKind(value === 'amount' || value === 'percent' ? value : 'none');
          }}
          data={[
            { value: 'none', label: t('billingConsole.sell.noDiscount') },
            { value: 'amount', label: t('billingConsole.sell.discountAmount') },
            { value: 'percent', label: t('billingConsole.sell.discountPercent') },
          ]}
        />
        {discountKind === 'amount' && (
          <MoneyInput
            label={t('billingConsole.sell.discountValue')}
            value={discount}
            onChange={setDiscount}
            showInvalid={tried}
          />
        )}
        {discountKind === 'percent' && (
          <TextInput
            label={t('billingConsole.sell.percentValue')}
            inputMode="decimal"
            value={discount}
            onChange={(e) => {
              setDiscount(e.currentTarget.value);
            }}
          />
        )}
        {type && (
          <Text size="sm" aria-live="polite">
            {t('billingConsole.sell.finalPrice', {
              price: money(price),
              original: money(type.priceKopecks),
            })}
          </Text>
        )}
        <Radio.Group
          label={t('billingConsole.sell.payment')}
          value={paymentKind}
          onChange={(value) => {
            setPaymentKind(value === 'balance' || value === 'later' ? value : 'money');
          }}
        >
          <Stack gap={6} mt="xs">
            <Radio value="money" label={t('billingConsole.sell.payNow')} />
            <Radio
              value="balance"
              disabled={free <= 0}
              label={t('billingConsole.sell.payFromBalance', { free: money(Math.max(0, free)) })}
            />
            <Radio value="later" label={t('billingConsole.sell.payLater')} />
          </Stack>
        </Radio.Group>
        {paymentKind === 'money' && (
          <>
            <MoneyInput
              label={t('billingConsole.common.amount')}
              placeholder={type ? formatMoneyInput(price) : undefined}
              value={amount}
              onChange={setAmount}
              showInvalid={tried && amount !== ''}
            />
            <MethodSelect value={method} onChange={setMethod} />
          </>
        )}
        <Text size="sm" c="dimmed">
          {t('billingConsole.sell.settles')}
        </Text>
        <DialogFooter
          error={action.error}
          pending={action.isPending}
          submit={t('billingConsole.sell.submit')}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
