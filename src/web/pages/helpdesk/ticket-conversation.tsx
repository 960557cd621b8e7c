import { Anchor, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  TicketAttachment,
  TicketMessage,
} from '../../../shared/contracts/helpdesk-tickets.js';
import { attachmentUrl } from '../../api/helpdesk.js';
import { formatDateTime } from '../../components/format.js';
import { currentLocale } from '../../i18n/index.js';
import { formatFileSize } from './helpdesk-format.js';

function Attachments({ files }: { files: TicketAttachment[] }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Group component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} align="flex-start">
      {files.map((file) => (
        <li key={file.id}>
          <Stack gap={4} maw={180}>
            {file.previewable && (
              <a href={attachmentUrl(file.id)} target="_blank" rel="noreferrer">
                <Image
                  src={attachmentUrl(file.id)}
                  alt={t('helpdesk.attachments.previewOf', { name: file.fileName })}
                  w={160}
                  h={120}
                  fit="cover"
                  radius="sm"
                  loading="lazy"
                />
              </a>
            )}
            <Anchor
              href={attachmentUrl(file.id)}
              download={file.fileName}
              size="sm"
              aria-label={t('helpdesk.attachments.download', { name: file.fileName })}
              style={{ wordBreak: 'break-all' }}
            >
              {file.fileName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatFileSize(file.sizeBytes, i18n.language)}
            </Text>
          </Stack>
        </li>
      ))}
    </Group>
  );
}

/** One message: the customer's on the right, staff's on the left, system notes centred. */
function MessageBubble({ message }: { message: TicketMessage }) {
  const { t } = useTranslation();
  const mine = message.authorRole === 'customer';
  const system = message.authorRole === 'system';
  const author = mine ? t('helpdesk.ticket.you') : message.authorName;
  const time = formatDateTime(message.createdAt, currentLocale());
  return (
    <Paper
      component="article"
      aria-label={t('helpdesk.ticket.messageFrom', { author, time })}
      withBorder
      radius="lg"
      p="sm"
      maw={system ? '100%' : 'min(640px, 92%)'}
      ml={mine ? 'auto' : undefined}
      bg={
        mine
          ? 'var(--mantine-color-blue-light)'
          : system
            ? 'var(--mantine-color-gray-light)'
            : undefined
      }
      data-author-role={message.authorRole}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {author}
            {message.authorRole === 'staff' && (
              <Text span size="xs" c="dimmed" fw={400}>
                {' '}
                · {t('helpdesk.ticket.support')}
              </Text>
            )}
          </Text>
          <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
            {time}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
        <Attachments files={message.attachments} />
      </Stack>
    </Paper>
  );
}

/** The conversation, oldest first, as a list of messages. */
export function TicketConversation({ messages }: { messages: TicketMessage[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="conversation-heading">
      <Text component="h2" fw={700} size="lg" id="conversation-heading">
        {t('helpdesk.ticket.conversation')}
      </Text>
      {messages.map((message) => (
        <MessageBubble key={message.id} message={message} />
      ))}
    </Stack>
  );
}
