import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** Props of QueryState. */
interface QueryStateProps {
  /** The query whose data is not there yet. */
  query: Pick<UseQueryResult, 'isPending' | 'isError' | 'error' | 'fetchStatus' | 'refetch'>;
}

/**
 * What to show while a query has no data: a loader, an honest "waiting for the connection"
 * when TanStack Query paused it offline, or the localized error with a retry button.
 */
export function QueryState({ query }: QueryStateProps) {
  const { t } = useTranslation();
  if (query.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{query.error?.message}</Text>
          <Button size="xs" variant="default" onClick={() => void query.refetch()}>
            {t('errors.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (query.fetchStatus === 'paused') {
    return (
      <Text c="dimmed" role="status">
        {t('offline.waiting')}
      </Text>
    );
  }
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" aria-hidden />
      <Text c="dimmed">{t('app.loading')}</Text>
    </Group>
  );
}
