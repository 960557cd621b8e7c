import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirmEmail } from '../api/account.js';
import { ApiError } from '../api/client.js';
import { useLinkToken } from '../auth/link-token.js';
import { LinkInvalid } from '../components/link-invalid.js';
import { usePageTitle } from '../components/use-page-title.js';

/** The link sent to a new email address: confirms it on opening. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('confirmEmail.title'));
  const token = useLinkToken();
  const confirm = useConfirmEmail();
  const { mutate } = confirm;
  // The link is single-use: send it once even when React runs effects twice (StrictMode).
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);

  if (!token || (confirm.error instanceof ApiError && confirm.error.code === 'link_invalid')) {
    return <LinkInvalid message={confirm.error?.message ?? t('links.noToken')} />;
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
    <Paper maw={480} mx="auto" mt="lg" p="lg" withBorder>
      <Stack gap="md" align="flex-start">
        <Title order={1} size="h2">
          {t('confirmEmail.title')}
        </Title>
        <Alert color="teal" variant="light" role="status" w="100%">
          {t('confirmEmail.done', { email: confirm.data.email })}
        </Alert>
        <Button component={Link} to="/">
          {t('errors.toHome')}
        </Button>
      </Stack>
    </Paper>
  );
}
