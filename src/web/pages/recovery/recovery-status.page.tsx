import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { RecoveryPublicStatus } from '../../../shared/contracts/recovery.js';
import { ApiError } from '../../api/client.js';
import { useRecoveryStatus, useResendRecoveryConfirmation } from '../../api/recovery.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { currentLocale } from '../../i18n/index.js';
import { RecoveryPhoneCode, minutesFrom } from './recovery-phone-code.js';

const COLORS = {
  unconfirmed: 'yellow',
  pending: 'blue',
  approved: 'teal',
  rejected: 'red',
} as const;

/** What the request's state means for the person, and what happens next. */
function StatusText({ status }: { status: RecoveryPublicStatus }) {
  const { t } = useTranslation();
  // Phone-only requests are confirmed by SMS code and report by SMS: their texts say so.
  const texts = status.confirmationChannel === 'sms' ? 'recovery.status.sms' : 'recovery.status';
  if (status.status === 'unconfirmed') {
    return (
      <Text>
        {status.confirmationExpired ? t(`${texts}.expired`) : t(`${texts}.unconfirmedText`)}
      </Text>
    );
  }
  if (status.status === 'rejected') {
    return (
      <Stack gap={4}>
        <Text>{t('recovery.status.rejectedText')}</Text>
        {status.rejectReason && <Text fw={500}>{status.rejectReason}</Text>}
      </Stack>
    );
  }
  return <Text>{t(`${texts}.${status.status}Text`)}</Text>;
}

/** The request's status page: by number and the secret from its link. */
export function RecoveryStatusPage() {
  const { t } = useTranslation();
  usePageTitle(t('recovery.status.title'));
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const secret = params.get('secret') ?? '';
  const location = useLocation();
  const justSent = (location.state as { justSent?: string } | null)?.justSent;
  const status = useRecoveryStatus(number, secret);
  const resend = useResendRecoveryConfirmation(number);
  if (!secret) {
    return (
      <Alert color="red" role="alert">
        {t('recovery.status.noSecret')}
      </Alert>
    );
  }
  if (!status.data) return <QueryState query={status} />;
  const data = status.data;
  const locale = currentLocale();
  const bySms = data.confirmationChannel === 'sms';
  const resendError = resend.error instanceof ApiError ? resend.error : null;

  return (
    <Paper maw={620} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('recovery.status.heading', { number: data.number })}
        </Title>
        {justSent && (
          <Alert color="teal" variant="light" role="status" title={t('recovery.sentTitle')}>
            <Stack gap={4}>
              <Text size="sm">{t(bySms ? 'recovery.sentTextSms' : 'recovery.sentText')}</Text>
              <Text size="sm">{t('recovery.keepLink')}</Text>
              <Code block>{window.location.href}</Code>
            </Stack>
          </Alert>
        )}
        <Group gap="xs">
          <Text>{t('recovery.status.state')}</Text>
          <Badge color={COLORS[data.status]} variant="light" size="lg">
            {t(
              bySms && data.status === 'unconfirmed'
                ? 'recovery.status.sms.unconfirmed'
                : `recovery.status.${data.status}`,
            )}
          </Badge>
        </Group>
        <StatusText status={data} />
        <Text size="sm" c="dimmed">
          {t('recovery.status.created', { date: formatDateTime(data.createdAt, locale) })}
        </Text>
        {data.status === 'unconfirmed' && bySms && (
          <RecoveryPhoneCode number={number} secret={secret} />
        )}
        {data.status === 'unconfirmed' && !bySms && (
          <Group>
            <Button
              variant="light"
              loading={resend.isPending}
              onClick={() => {
                resend.mutate(secret);
              }}
            >
              {t('recovery.status.resend')}
            </Button>
          </Group>
        )}
        {resend.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('recovery.status.resent')}
          </Alert>
        )}
        {resendError && (
          <Alert color="red" variant="light" role="alert">
            {resendError.code === 'rate_limited'
              ? t('recovery.status.tooManyLinks', {
                  count: minutesFrom(resendError.retryAfterSeconds),
                })
              : resendError.message}
          </Alert>
        )}
        {data.status === 'approved' && (
          <Button
            component={Link}
            to="/signin"
            variant="default"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('links.toSignIn')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
