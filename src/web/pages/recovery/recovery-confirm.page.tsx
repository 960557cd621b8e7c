import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useConfirmRecovery } from '../../api/recovery.js';
import { useLinkToken } from '../../auth/link-token.js';
import { LinkInvalid } from '../../components/link-invalid.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** The confirmation link from the email to the new address: the request goes to staff. */
export function RecoveryConfirmPage() {
  const { t } = useTranslation();
  usePageTitle(t('recovery.confirm.title'));
  const token = useLinkToken();
  const confirm = useConfirmRecovery();
  const { mutate } = confirm;
  // Single-use link: send it once even when React runs effects twice (StrictMode).
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);

  if (!token || (confirm.error instanceof ApiError && confirm.error.code === 'link_invalid')) {
    return (
      <LinkInvalid
        message={`${confirm.error?.message ?? t('links.noToken')} ${t('recovery.confirm.expiredHint')}`}
      />
    );
  }
  if (confirm.isError) {
    return (
      <Alert color="red" role="alert">
        {confirm.error.message}
      </Alert>
    );
  }
  if (!confirm.data) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Group>
    );
  }
  return (
    <Paper maw={520} mx="auto" mt="lg" p="lg" withBorder>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('recovery.confirm.title')}
        </Title>
        <Alert color="teal" variant="light" role="status">
          {t('recovery.confirm.done', { number: confirm.data.number })}
        </Alert>
      </Stack>
    </Paper>
  );
}
