import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PaymentView } from '../../../shared/contracts/payments.js';
import { isFinalStatus, usePayment } from '../../api/payments.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { NotFoundPage } from '../not-found.page.js';
import { ApiError } from '../../api/client.js';
import { OutcomeLinks, PaymentDeclined, PaymentSucceeded } from './payment-outcome.js';
import { PaymentStatusBadge } from './payment-status-badge.js';

/** «Проверяем оплату…» while the provider has not said the last word. */
function Checking({ payment }: { payment: PaymentView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Title order={2} size="h3">
            {t('payments.result.checking')}
          </Title>
        </Group>
        <Text size="sm">{t('payments.result.checkingText')}</Text>
        {payment.confirmationUrl && payment.status === 'pending' && (
          <Text size="sm">
            {t('payments.result.continueHint')}{' '}
            <Anchor href={payment.confirmationUrl}>{t('payments.result.continue')}</Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The page the provider sends the person back to (`/payments/:id`): it asks the server until the
 * payment is final, then shows the success with the receipt, or the decline with what to do.
 * Status changes are announced (aria-live), and focus moves to the result when it arrives.
 */
export function PaymentResultPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = usePayment(id);
  const payment = query.data;
  usePageTitle(
    payment
      ? t('payments.result.title', { number: payment.number })
      : t('payments.result.titleLoading'),
  );
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const final = payment !== undefined && isFinalStatus(payment.status);
  const wasWaiting = useRef(false);
  useEffect(() => {
    if (!payment) return;
    if (!final) wasWaiting.current = true;
    // Only a change seen on this page moves focus; on arrival the layout focuses the page.
    else if (wasWaiting.current) resultHeading.current?.focus();
  }, [payment, final]);

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  return (
    <Stack gap="md" maw={640}>
      <Group gap="sm" align="center">
        <Title order={1}>
          {payment
            ? t('payments.result.title', { number: payment.number })
            : t('payments.result.titleLoading')}
        </Title>
        {payment && <PaymentStatusBadge status={payment.status} />}
      </Group>
      <div aria-live="polite" aria-atomic="false">
        {!payment ? (
          <QueryState query={query} />
        ) : payment.status === 'succeeded' ? (
          <PaymentSucceeded payment={payment} headingRef={resultHeading} />
        ) : payment.status === 'canceled' ? (
          <PaymentDeclined payment={payment} headingRef={resultHeading} />
        ) : (
          <Checking payment={payment} />
        )}
      </div>
      {final && <OutcomeLinks />}
    </Stack>
  );
}
