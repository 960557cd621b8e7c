import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TOP_UP_MAX_KOPECKS,
  TOP_UP_MIN_KOPECKS,
  type CreatePaymentRequest,
  type OnlinePaymentMethod,
} from '../../../shared/contracts/payments.js';
import { money } from '../cabinet/cabinet-format.js';
import { readAmount, type AmountRule } from './payment-amount.js';
import { useStartPayment } from './use-start-payment.js';

/** What is being paid for: the request without the method and the amount. */
export type PaymentTarget = Omit<CreatePaymentRequest, 'method' | 'amountKopecks'>;

/** Props of PaymentForm. */
interface PaymentFormProps {
  /** Null while nothing is chosen yet (e.g. no subscription type picked). */
  target: PaymentTarget | null;
  amount: AmountRule;
  /** A sentence under the amount (e.g. how a debt's sum is computed). */
  note?: string | undefined;
  onCancel: () => void;
}

/**
 * The body of every «Оплатить» dialog: the method (card or СБП), the amount (fixed, all or a part
 * of what is due, or a top-up), then `POST /api/payments` and off to the provider's page.
 */
export function PaymentForm({ target, amount: rule, note, onCancel }: PaymentFormProps) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  const [method, setMethod] = useState<OnlinePaymentMethod>('card');
  const [tried, setTried] = useState(false);
  const [whole, setWhole] = useState(true);
  const [text, setText] = useState('');
  const amount = readAmount(rule, whole, text);
  const payment = useStartPayment();
  const limits = { min: m(TOP_UP_MIN_KOPECKS), max: m(TOP_UP_MAX_KOPECKS) };

  const submit = () => {
    setTried(true);
    if (!target || !amount.valid) return;
    const request: CreatePaymentRequest = { ...target, method };
    if (amount.send !== undefined) request.amountKopecks = amount.send;
    payment.start(request);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {rule.kind === 'fixed' && rule.kopecks !== null && (
          <Text fw={700} size="lg">
            {t('payments.pay.amount', { amount: m(rule.kopecks) })}
          </Text>
        )}
        {rule.kind === 'partial' && (
          <Radio.Group
            label={t('payments.pay.amountOf')}
            value={whole ? 'whole' : 'part'}
            onChange={(value) => {
              setWhole(value === 'whole');
            }}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="whole" label={t('payments.pay.full', { amount: m(rule.dueKopecks) })} />
              <Radio value="part" label={t('payments.pay.part')} />
            </Stack>
          </Radio.Group>
        )}
        {rule.kind === 'partial' && !whole && (
          <TextInput
            label={t('payments.pay.partAmount')}
            inputMode="decimal"
            autoComplete="off"
            required
            data-autofocus
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
            }}
            description={t('payments.pay.partHint', { max: m(rule.dueKopecks) })}
            error={
              tried && !amount.valid
                ? t('payments.pay.partInvalid', { max: m(rule.dueKopecks) })
                : undefined
            }
          />
        )}
        {rule.kind === 'top_up' && (
          <TextInput
            label={t('payments.pay.topUpAmount')}
            inputMode="decimal"
            autoComplete="off"
            required
            data-autofocus
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
            }}
            description={t('payments.pay.topUpHint', limits)}
            error={tried && !amount.valid ? t('payments.pay.topUpInvalid', limits) : undefined}
          />
        )}
        {note && <Text size="sm">{note}</Text>}
        <Radio.Group
          label={t('payments.method.label')}
          value={method}
          onChange={(value) => {
            setMethod(value === 'sbp' ? 'sbp' : 'card');
          }}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="card"
              label={t('payments.method.card')}
              description={t('payments.method.cardHint')}
            />
            <Radio
              value="sbp"
              label={t('payments.method.sbp')}
              description={t('payments.method.sbpHint')}
            />
          </Stack>
        </Radio.Group>
        <Text size="xs" c="dimmed">
          {t('payments.pay.secure')}
        </Text>
        {payment.error && (
          <Alert color="red" variant="light" role="alert">
            {payment.error.message}
          </Alert>
        )}
        {payment.redirecting && (
          <Text role="status" size="sm">
            {t('payments.pay.redirecting')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={payment.redirecting}>
            {t('payments.pay.cancel')}
          </Button>
          <Button type="submit" loading={payment.busy} disabled={!target}>
            {amount.shown !== null
              ? t('payments.pay.submit', { amount: m(amount.shown) })
              : t('payments.pay.submitNoAmount')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
