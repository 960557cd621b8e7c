import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FailedJob } from '../../../shared/contracts/staff.js';
import { useFailedJobs, useRetryJob } from '../../api/staff.js';
import { formatDateTime, formatJson } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';

function JobCard({
  job,
  onRetry,
  retrying,
}: {
  job: FailedJob;
  onRetry: () => void;
  retrying: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} miw={0}>
            <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {job.name}
            </Title>
            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {job.id}
            </Text>
          </Stack>
          <Button
            onClick={onRetry}
            loading={retrying}
            aria-label={t('jobs.retryLabel', { name: job.name, id: job.id })}
          >
            {t('jobs.retry')}
          </Button>
        </Group>
        <Group gap="md">
          <Badge color="red" variant="light">
            {t('jobs.retries', { count: job.retryCount })}
          </Badge>
          <Text size="sm">
            {t('jobs.createdOn')}:{' '}
            <time dateTime={job.createdOn}>{formatDateTime(job.createdOn, i18n.language)}</time>
          </Text>
          {job.completedOn && (
            <Text size="sm">
              {t('jobs.completedOn')}:{' '}
              <time dateTime={job.completedOn}>
                {formatDateTime(job.completedOn, i18n.language)}
              </time>
            </Text>
          )}
        </Group>
        <details>
          <summary>{t('jobs.output')}</summary>
          <Code block mt="xs">
            {formatJson(job.output)}
          </Code>
        </details>
        <details>
          <summary>{t('jobs.data')}</summary>
          <Code block mt="xs">
            {formatJson(job.data)}
          </Code>
        </details>
      </Stack>
    </Paper>
  );
}

/** «Задания»: jobs that failed every retry, each with a «Повторить» button. */
export function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('jobs.title'));
  const jobs = useFailedJobs();
  const retry = useRetryJob();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('jobs.title')}</Title>
        <Button
          variant="default"
          size="sm"
          onClick={() => void jobs.refetch()}
          loading={jobs.isFetching}
        >
          {t('jobs.refresh')}
        </Button>
      </Group>
      <Text>{t('jobs.intro')}</Text>
      <div role="status">
        {retry.isSuccess && (
          <Alert color="green" variant="light">
            {t('jobs.retried', { name: retry.variables.name })}
          </Alert>
        )}
      </div>
      {retry.isError && (
        <Alert color="red" variant="light" role="alert">
          {retry.error.message}
        </Alert>
      )}
      {!jobs.data ? (
        <QueryState query={jobs} />
      ) : jobs.data.jobs.length === 0 ? (
        <Text>{t('jobs.empty')}</Text>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {t('jobs.count', { count: jobs.data.jobs.length })}
          </Text>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {jobs.data.jobs.map((job) => (
              <JobCard
                key={job.id}
                job={job}
                retrying={retry.isPending && retry.variables.id === job.id}
                onRetry={() => {
                  retry.mutate({ name: job.name, id: job.id });
                }}
              />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
