import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOutbox } from '../../api/staff.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { MailStatusBadge } from './mail-status-badge.js';

/** «Почта»: the emails the system sent, newest first; each opens to its full text. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('outbox.title'));
  const outbox = useOutbox();
  const messages = outbox.data?.pages.flatMap((page) => page.messages) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('outbox.title')}</Title>
        <Button
          variant="default"
          size="sm"
          onClick={() => void outbox.refetch()}
          loading={outbox.isFetching && !outbox.isFetchingNextPage}
        >
          {t('outbox.refresh')}
        </Button>
      </Group>
      <Text>{t('outbox.intro')}</Text>
      {!outbox.data ? (
        <QueryState query={outbox} />
      ) : messages.length === 0 ? (
        <Text>{t('outbox.empty')}</Text>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {t('outbox.count', { count: messages.length })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {messages.map((message) => (
              <Paper component="li" key={message.id} withBorder p="sm">
                <Stack gap={4}>
                  <Anchor
                    component={Link}
                    to={`/console/outbox/${message.id}`}
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {message.subject}
                  </Anchor>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('outbox.to')}:{' '}
                    {message.toName
                      ? `${message.toName} <${message.toAddress}>`
                      : message.toAddress}
                  </Text>
                  <Group gap="sm">
                    <MailStatusBadge status={message.status} />
                    <Text size="sm" c="dimmed">
                      <time dateTime={message.createdAt}>
                        {formatDateTime(message.createdAt, i18n.language)}
                      </time>
                    </Text>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
          {outbox.isError && <QueryState query={outbox} />}
          {outbox.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void outbox.fetchNextPage()}
              loading={outbox.isFetchingNextPage}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('outbox.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
