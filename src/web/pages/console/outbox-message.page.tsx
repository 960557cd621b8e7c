import { Anchor, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOutboxMessage } from '../../api/staff.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { MailStatusBadge } from './mail-status-badge.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** One outbox email: its envelope, plain text and HTML (in a fully sandboxed frame). */
export function OutboxMessagePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useOutboxMessage(id);
  usePageTitle(query.data?.subject ?? t('outbox.title'));

  const back = (
    <Anchor component={Link} to="/console/outbox" size="sm">
      ← {t('outbox.back')}
    </Anchor>
  );
  if (!query.data) {
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryState query={query} />
      </Stack>
    );
  }

  const message = query.data;
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {message.subject}
        </Title>
        <MailStatusBadge status={message.status} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0} spacing="sm">
          <Field label={t('outbox.to')}>
            {message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}
          </Field>
          <Field label={t('outbox.createdAt')}>
            <time dateTime={message.createdAt}>
              {formatDateTime(message.createdAt, i18n.language)}
            </time>
          </Field>
          {message.deliveredAt && (
            <Field label={t('outbox.deliveredAt')}>
              <time dateTime={message.deliveredAt}>
                {formatDateTime(message.deliveredAt, i18n.language)}
              </time>
            </Field>
          )}
          <Field label={t('outbox.template')}>
            {message.template} · {t('outbox.attempts', { count: message.attempts })}
          </Field>
          <Field label={t('outbox.locale')}>{message.locale}</Field>
          {message.lastError && <Field label={t('outbox.lastError')}>{message.lastError}</Field>}
        </SimpleGrid>
      </Paper>
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">{t('outbox.text')}</Tabs.Tab>
          <Tabs.Tab value="html">{t('outbox.html')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <Paper withBorder p="md">
            <Text component="pre" m={0} className="pre-wrap" ff="monospace" size="sm">
              {message.textBody || t('outbox.emptyBody')}
            </Text>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="html" pt="md">
          {/* sandbox="" gives the email no scripts, forms, popups or same-origin access:
              outgoing mail may echo user input, so it is rendered as untrusted content. */}
          <iframe
            className="email-frame"
            sandbox=""
            srcDoc={message.htmlBody}
            title={t('outbox.htmlFrame', { subject: message.subject })}
            referrerPolicy="no-referrer"
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
