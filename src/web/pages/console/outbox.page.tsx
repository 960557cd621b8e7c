import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOutbox } from '../../api/staff.js';
import { formatDateTime } from '../../components/format.js';
import { MailStatusBadge } from './mail-status-badge.js';
import { PagedListPage } from './paged-list.js';

/** «Почта»: the emails the system sent, newest first; each opens to its full text. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  return (
    <PagedListPage
      texts={{
        title: t('outbox.title'),
        intro: t('outbox.intro'),
        empty: t('outbox.empty'),
        count: (count) => t('outbox.count', { count }),
      }}
      query={useOutbox()}
      items={(page) => page.messages}
      renderItem={(message) => (
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
              {message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}
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
      )}
    />
  );
}
