import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSmsOutbox } from '../../api/staff.js';
import { formatDateTime } from '../../components/format.js';
import { MailStatusBadge } from './mail-status-badge.js';
import { PagedListPage } from './paged-list.js';

/** «SMS»: text messages the system sent (the development sink shows codes to staff). */
export function SmsOutboxPage() {
  const { t, i18n } = useTranslation();
  return (
    <PagedListPage
      texts={{
        title: t('sms.title'),
        intro: t('sms.intro'),
        empty: t('sms.empty'),
        count: (count) => t('sms.count', { count }),
      }}
      query={useSmsOutbox()}
      items={(page) => page.messages}
      renderItem={(message) => (
        <Paper component="li" key={message.id} withBorder p="sm">
          <Stack gap={4}>
            <Text size="sm">
              {t('sms.to')}: <span dir="ltr">{message.toPhone}</span>
            </Text>
            <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{message.body}</Text>
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
      )}
    />
  );
}
