import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PaymentView } from '../../../shared/contracts/payments.js';
import { receiptUrl } from '../../api/payments.js';
import { money } from '../cabinet/cabinet-format.js';
import { retryRequest } from './retry-request.js';
import { useStartPayment } from './use-start-payment.js';

/**
 * The server's description in the middle of a sentence: «Оплачено 1 000 ₽ — абонемент …».
 * Only a capitalised ordinary word is lowered, never an abbreviation such as «СБП».
 */
function midSentence(description: string): string {
  const [first = '', second = ''] = description;
  return second && second === second.toLowerCase() && first !== first.toLowerCase()
    ? first.toLowerCase() + description.slice(1)
    : description;
}

/** Props of the outcome blocks; `headingRef` receives focus when the status turns final. */
interface OutcomeProps {
  payment: PaymentView;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

/** «Оплата прошла»: what was paid, how it was applied, the receipt (HTML and PDF). */
export function PaymentSucceeded({ payment, headingRef }: OutcomeProps) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  return (
    <Alert color="teal" variant="light">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
          {t('payments.result.succeededTitle')}
        </Title>
        <Text fw={600}>
          {t('payments.result.succeeded', {
            amount: m(payment.amountKopecks),
            description: midSentence(payment.description),
          })}
        </Text>
        {payment.appliedAs === null && (
          <Text size="sm" role="status">
            {t('payments.result.applying')}
          </Text>
        )}
        {payment.appliedAs === 'balance' && (
          <Text size="sm">{t('payments.result.appliedToBalance')}</Text>
        )}
        {payment.paidWith && (
          <Text size="sm">{t('payments.result.paidWith', { what: payment.paidWith })}</Text>
        )}
        {payment.refundedKopecks > 0 && (
          <Text size="sm">
            {t('payments.result.refunded', { amount: m(payment.refundedKopecks) })}
          </Text>
        )}
        {payment.receiptAvailable && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('payments.result.receipt')}
            </Text>
            <Group gap="md">
              <Anchor href={receiptUrl(payment.id, 'html')} target="_blank" rel="noopener">
                {t('payments.result.receiptHtml')}
              </Anchor>
              <Anchor href={receiptUrl(payment.id, 'pdf')} download>
                {t('payments.result.receiptPdf')}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {t('payments.result.receiptSent')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * «Оплата не прошла»: guidance for the decline code, the advice to try another card or СБП,
 * and the two ways to try again (a new attempt for the same purpose, target and amount).
 */
export function PaymentDeclined({ payment, headingRef }: OutcomeProps) {
  const { t, i18n } = useTranslation();
  const retry = useStartPayment();
  const code = payment.decline?.code ?? 'other';
  return (
    <Alert color="red" variant="light">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
          {t('payments.result.declinedTitle')}
        </Title>
        <Text fw={600}>{t(`payments.result.decline.${code}`)}</Text>
        <Text>{t('payments.result.tryAnother')}</Text>
        <Text size="sm">
          {t('payments.result.declinedAmount', {
            amount: money(payment.amountKopecks, i18n.language),
            description: midSentence(payment.description),
          })}
        </Text>
        {retry.error && (
          <Text role="alert" c="red.9" size="sm">
            {t('payments.result.retryFailed', { message: retry.error.message })}
          </Text>
        )}
        {retry.redirecting && (
          <Text role="status" size="sm">
            {t('payments.pay.redirecting')}
          </Text>
        )}
        <Group gap="sm">
          <Button
            loading={retry.busy}
            onClick={() => {
              retry.start(retryRequest(payment, 'card'));
            }}
          >
            {t('payments.result.retry')}
          </Button>
          <Button
            variant="default"
            disabled={retry.busy}
            onClick={() => {
              retry.start(retryRequest(payment, 'sbp'));
            }}
          >
            {t('payments.result.paySbp')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Where to go next from the result: home (the cabinet's blocks) and the payment history. */
export function OutcomeLinks() {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      <Button component={Link} to="/" variant="light">
        {t('payments.result.toHome')}
      </Button>
      <Anchor component={Link} to="/payments">
        {t('payments.result.toHistory')}
      </Anchor>
    </Group>
  );
}
