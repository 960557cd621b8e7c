import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSmsOutbox } from '../../api/staff.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { MailStatusBadge } from './mail-status-badge.js';

/** «SMS»: text messages the system sent (the development sink shows codes to staff). */
export function SmsOutboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('sms.title'));
  const outbox = useSmsOutbox();
  const messages = outbox.data?.pages.flatMap((page) => page.messages) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('sms.title')}</Title>
        <Button
          variant="default"
          size="sm"
          onClick={() => void outbox.refetch()}
          loading={outbox.isFetching && !outbox.isFetchingNextPage}
        >
          {t('outbox.refresh')}
        </Button>
      </Group>
      <Text>{t('sms.intro')}</Text>
      {!outbox.data ? (
        <QueryState query={outbox} />
      ) : messages.length === 0 ? (
        <Text>{t('sms.empty')}</Text>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {t('sms.count', { count: messages.length })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {messages.map((message) => (
              <Paper component="li" key={message.id} withBorder p="sm">
                <Stack gap={4}>
                  <Text size="sm">
                    {t('sms.to')}: <span dir="ltr">{message.toPhone}</span>
                  </Text>
                  <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                    {message.body}
                  </Text>
                  {message.lastError && (
                    <Text size="sm" c="red.8">
                      {t('sms.error')}: {message.lastError}
                    </Text>
                  )}
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
