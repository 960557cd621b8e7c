import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PaymentView } from '../../../shared/contracts/payments.js';
import { useMyStudents } from '../../api/cabinet.js';
import { receiptUrl, usePaymentHistory } from '../../api/payments.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { money } from '../cabinet/cabinet-format.js';
import { PaymentStatusBadge } from './payment-status-badge.js';

function PaymentItem({ payment }: { payment: PaymentView }) {
  const { t, i18n } = useTranslation();
  const m = (kopecks: number) => money(kopecks, i18n.language);
  const number = payment.number;
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
            <Text size="xs" c="dimmed">
              {t('payments.history.number', { number })} ·{' '}
              {formatDateTime(payment.createdAt, i18n.language)} ·{' '}
              {payment.paidWith ?? t(`payments.history.${payment.method}`)}
            </Text>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {payment.description}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
              {m(payment.amountKopecks)}
            </Text>
            <PaymentStatusBadge status={payment.status} />
          </Stack>
        </Group>
        {payment.refundedKopecks > 0 && (
          <Text size="sm">
            {t('payments.history.refunded', { amount: m(payment.refundedKopecks) })}
          </Text>
        )}
        <Group gap="md">
          <Anchor
            component={Link}
            to={`/payments/${payment.id}`}
            size="sm"
            aria-label={t('payments.history.openLabel', { number })}
          >
            {t('payments.history.open')}
          </Anchor>
          {payment.receiptAvailable && (
            <>
              <Anchor
                href={receiptUrl(payment.id, 'html')}
                target="_blank"
                rel="noopener"
                size="sm"
                aria-label={t('payments.history.receiptLabel', { number })}
              >
                {t('payments.history.receiptHtml')}
              </Anchor>
              <Anchor
                href={receiptUrl(payment.id, 'pdf')}
                download
                size="sm"
                aria-label={t('payments.history.receiptPdfLabel', { number })}
              >
                {t('payments.history.receiptPdf')}
              </Anchor>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** «Платежи»: the payer's online payments, page by page, with status and receipts. */
export function PaymentsHistoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.history.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = usePaymentHistory(page);
  // Only a parent or learner has a balance history to point to.
  const seesStudents = (useMyStudents().data?.students.length ?? 0) > 0;
  const data = query.data;
  const goTo = (next: number) => {
    setParams(next > 1 ? { page: String(next) } : {});
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('payments.history.title')}</Title>
      <Text>{t('payments.history.intro')}</Text>
      {!data ? (
        <QueryState query={query} />
      ) : data.items.length === 0 ? (
        <Text c="dimmed">{t('payments.history.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((payment) => (
            <PaymentItem key={payment.id} payment={payment} />
          ))}
        </Stack>
      )}
      {data && (data.page > 1 || data.hasMore) && (
        <Group gap="sm" role="navigation" aria-label={t('payments.history.pages')}>
          <Button
            variant="default"
            disabled={page <= 1}
            onClick={() => {
              goTo(page - 1);
            }}
          >
            {t('payments.history.newer')}
          </Button>
          <Text size="sm">{t('payments.history.page', { page: data.page })}</Text>
          <Button
            variant="default"
            disabled={!data.hasMore}
            onClick={() => {
              goTo(page + 1);
            }}
          >
            {t('payments.history.older')}
          </Button>
        </Group>
      )}
      {seesStudents && (
        <Text size="sm" c="dimmed">
          {t('payments.history.cashNote')}{' '}
          <Anchor component={Link} to="/cabinet/balance" size="sm">
            {t('payments.history.toBalance')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
