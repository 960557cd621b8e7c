import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { RecoveryPublicStatus } from '../../../shared/contracts/recovery.js';
import { useRecoveryStatus, useResendRecoveryConfirmation } from '../../api/recovery.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { currentLocale } from '../../i18n/index.js';

const COLORS = {
  unconfirmed: 'yellow',
  pending: 'blue',
  approved: 'teal',
  rejected: 'red',
} as const;

/** What the request's state means for the person, and what happens next. */
function StatusText({ status }: { status: RecoveryPublicStatus }) {
  const { t } = useTranslation();
  if (status.status === 'unconfirmed') {
    return (
      <Text>
        {status.confirmationExpired
          ? t('recovery.status.expired')
          : t('recovery.status.unconfirmedText')}
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
  return <Text>{t(`recovery.status.${status.status}Text`)}</Text>;
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

  return (
    <Paper maw={620} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('recovery.status.heading', { number: data.number })}
        </Title>
        {justSent && (
          <Alert color="teal" variant="light" role="status" title={t('recovery.sentTitle')}>
            <Stack gap={4}>
              <Text size="sm">{t('recovery.sentText')}</Text>
              <Text size="sm">{t('recovery.keepLink')}</Text>
              <Code block>{window.location.href}</Code>
            </Stack>
          </Alert>
        )}
        <Group gap="xs">
          <Text>{t('recovery.status.state')}</Text>
          <Badge color={COLORS[data.status]} variant="light" size="lg">
            {t(`recovery.status.${data.status}`)}
          </Badge>
        </Group>
        <StatusText status={data} />
        <Text size="sm" c="dimmed">
          {t('recovery.status.created', { date: formatDateTime(data.createdAt, locale) })}
        </Text>
        {data.status === 'unconfirmed' && (
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
        {resend.isError && (
          <Alert color="red" variant="light" role="alert">
            {resend.error.message}
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
