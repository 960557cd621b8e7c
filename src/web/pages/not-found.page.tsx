import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/use-page-title.js';

/** Shown for any address the SPA does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFoundText')}</Text>
      <Button component={Link} to="/" variant="default">
        {t('errors.toHome')}
      </Button>
    </Stack>
  );
}
