import { Alert, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPaymentDetail } from '../../../../shared/contracts/payments-staff.js';
import { parseMoney } from '../../../../shared/money.js';
import { money } from '../../cabinet/cabinet-format.js';
import { useRefundPayment } from './use-staff-payments.js';

/** A full or partial refund with a reason; what was already refunded cannot be refunded again. */
export function RefundForm({ payment }: { payment: StaffPaymentDetail }) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  const refund = useRefundPayment(payment.id);
  const inFlight = payment.refunds
    .filter((r) => r.status === 'created' || r.status === 'pending')
    .reduce((sum, r) => sum + r.amountKopecks, 0);
  const left = payment.amountKopecks - payment.refundedKopecks - inFlight;
  const [whole, setWhole] = useState(true);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  // One key per refund: a retry after a lost answer refunds once; the next refund gets a new one.
  const [key, setKey] = useState(() => crypto.randomUUID());

  if (payment.status !== 'succeeded') {
    return <Text c="dimmed">{t('paymentsConsole.refund.notSucceeded')}</Text>;
  }
  const parsed = whole ? left : parseMoney(text);
  const amountValid = parsed !== null && parsed >= 1 && parsed <= left;
  const reasonValid = reason.trim().length >= 3;

  const submit = () => {
    setTried(true);
    if (!amountValid || !reasonValid) return;
    refund.mutate(
      { body: { amountKopecks: parsed, reason: reason.trim() }, idempotencyKey: key },
      {
        onSuccess: () => {
          setDone(parsed);
          setTried(false);
          setText('');
          setReason('');
          setWhole(true);
          setKey(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="refund-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="refund-heading">
          {t('paymentsConsole.refund.title')}
        </Title>
        {done !== null && (
          <Alert color="teal" variant="light" role="status">
            {t('paymentsConsole.refund.done', { amount: m(done) })}
          </Alert>
        )}
        {left <= 0 ? (
          <Text c="dimmed">{t('paymentsConsole.refund.nothingLeft')}</Text>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('paymentsConsole.refund.explain')}</Text>
              <Radio.Group
                value={whole ? 'whole' : 'part'}
                onChange={(value) => {
                  setWhole(value === 'whole');
                }}
              >
                <Group gap="md">
                  <Radio
                    value="whole"
                    label={t('paymentsConsole.refund.full', { amount: m(left) })}
                  />
                  <Radio value="part" label={t('paymentsConsole.refund.part')} />
                </Group>
              </Radio.Group>
              {!whole && (
                <TextInput
                  label={t('paymentsConsole.refund.amount')}
                  description={t('paymentsConsole.refund.amountHint', { max: m(left) })}
                  inputMode="decimal"
                  autoComplete="off"
                  required
                  value={text}
                  onChange={(e) => {
                    setText(e.currentTarget.value);
                  }}
                  error={
                    tried && !amountValid
                      ? t('paymentsConsole.refund.amountInvalid', { max: m(left) })
                      : undefined
                  }
                />
              )}
              <TextInput
                label={t('paymentsConsole.refund.reason')}
                description={t('paymentsConsole.refund.reasonHint')}
                required
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                }}
                error={
                  tried && !reasonValid ? t('paymentsConsole.refund.reasonInvalid') : undefined
                }
              />
              {refund.error && (
                <Alert color="red" role="alert">
                  {refund.error.message}
                </Alert>
              )}
              <Button
                type="submit"
                color="red"
                loading={refund.isPending}
                style={{ alignSelf: 'flex-start' }}
              >
                {amountValid
                  ? t('paymentsConsole.refund.submit', { amount: m(parsed) })
                  : t('paymentsConsole.refund.submitNoAmount')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
