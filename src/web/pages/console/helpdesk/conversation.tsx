import { Anchor, Badge, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffTicketMessage } from '../../../../shared/contracts/helpdesk-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';

function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${units[unit] ?? 'B'}`;
}

function Attachments({ message }: { message: StaffTicketMessage }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (message.attachments.length === 0) return null;
  return (
    <Group gap="sm" mt="xs" component="ul" p={0} style={{ listStyle: 'none' }}>
      {message.attachments.map((file) => (
        <li key={file.id}>
          <Anchor href={file.url} target="_blank" rel="noopener" size="sm">
            {file.contentType.startsWith('image/') ? (
              <Image
                src={file.url}
                alt={t('helpdeskConsole.ticket.imageAlt', { name: file.fileName })}
                w={120}
                h={90}
                fit="cover"
                radius="sm"
                loading="lazy"
              />
            ) : null}
            {file.fileName} ({formatSize(file.sizeBytes, locale)})
          </Anchor>
        </li>
      ))}
    </Group>
  );
}

/** The conversation: customer and staff messages, system notices, and internal notes set apart. */
export function Conversation({ messages }: { messages: StaffTicketMessage[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {messages.map((message) => {
        const author =
          message.author?.displayName ??
          (message.authorRole === 'system'
            ? t('helpdeskConsole.ticket.system')
            : t('helpdeskConsole.ticket.unknownAuthor'));
        return (
          <li key={message.id} data-internal={message.internal ? 'true' : undefined}>
            <Paper
              withBorder
              p="md"
              bg={
                message.internal
                  ? 'yellow.0'
                  : message.authorRole === 'customer'
                    ? undefined
                    : 'blue.0'
              }
              style={
                message.internal
                  ? { borderLeft: '4px solid var(--mantine-color-yellow-7)', borderStyle: 'dashed' }
                  : undefined
              }
            >
              <Group justify="space-between" gap="xs" mb={6}>
                <Group gap="xs">
                  <Text fw={600}>{author}</Text>
                  <Badge
                    variant="light"
                    color={message.authorRole === 'customer' ? 'gray' : 'blue'}
                  >
                    {t(`helpdeskConsole.role.${message.authorRole}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {formatDateTime(message.createdAt, locale)}
                </Text>
              </Group>
              {message.internal && (
                <Text size="sm" fw={700} c="yellow.9" mb={6}>
                  <span aria-hidden>🔒 </span>
                  {t('helpdeskConsole.ticket.internalNote')}
                </Text>
              )}
              <Text className="pre-wrap">{message.body}</Text>
              <Attachments message={message} />
            </Paper>
          </li>
        );
      })}
    </Stack>
  );
}
