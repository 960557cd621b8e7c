import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStaffTicket } from '../../../api/helpdesk-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { currentLocale } from '../../../i18n/index.js';
import { Conversation } from './conversation.js';
import { ReplyBox } from './reply-box.js';
import { SlaDue, TicketPriorityBadge, TicketStatusBadge } from './ticket-badges.js';
import { TicketHistory } from './ticket-history.js';
import { TicketProperties } from './ticket-properties.js';

/** Console → one ticket: conversation with internal notes, reply box, properties, history. */
export function StaffTicketPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const number = Number(useParams().number);
  const ticket = useStaffTicket(number);
  usePageTitle(t('helpdeskConsole.ticket.pageTitle', { number }));

  if (!ticket.data) {
    return (
      <Stack gap="md">
        <Anchor component={Link} to="/console/tickets">
          {t('helpdeskConsole.ticket.back')}
        </Anchor>
        <QueryState query={ticket} />
      </Stack>
    );
  }
  const data = ticket.data;
  const closed = data.status === 'closed' || data.mergedInto !== null;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/console/tickets">
        {t('helpdeskConsole.ticket.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>
          № {data.number} · {data.subject}
        </Title>
        <Group gap="xs">
          <TicketStatusBadge status={data.status} />
          <TicketPriorityBadge priority={data.priority} />
          <Badge variant="default">{t(`helpdeskConsole.type.${data.type}`)}</Badge>
          {data.awaitingReason && data.status === 'awaiting_customer' && (
            <Text size="sm">{t(`helpdeskConsole.awaiting.${data.awaitingReason}`)}</Text>
          )}
          <SlaDue sla={data.sla} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('helpdeskConsole.ticket.created', { date: formatDateTime(data.createdAt, locale) })}
        </Text>
      </Stack>
      {data.mergedInto !== null && (
        <Alert color="gray">
          {t('helpdeskConsole.ticket.mergedInto')}{' '}
          <Anchor component={Link} to={`/console/tickets/${String(data.mergedInto)}`}>
            № {data.mergedInto}
          </Anchor>
        </Alert>
      )}
      {data.continues !== null && (
        <Text size="sm">
          {t('helpdeskConsole.ticket.continues')}{' '}
          <Anchor component={Link} to={`/console/tickets/${String(data.continues)}`}>
            № {data.continues}
          </Anchor>
        </Text>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {Object.keys(data.fields).length > 0 && (
              <Paper withBorder p="sm">
                <Stack gap={2} component="dl" m={0}>
                  {Object.entries(data.fields).map(([key, value]) => (
                    <Group key={key} gap="xs">
                      <Text component="dt" fw={600} size="sm">
                        {key}:
                      </Text>
                      <Text component="dd" size="sm" m={0}>
                        {value}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            )}
            <Tabs defaultValue="conversation" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="conversation">
                  {t('helpdeskConsole.ticket.conversation', { count: data.messages.length })}
                </Tabs.Tab>
                <Tabs.Tab value="history">{t('helpdeskConsole.ticket.history')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="conversation" pt="md">
                <Conversation messages={data.messages} />
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <TicketHistory ticket={data} />
              </Tabs.Panel>
            </Tabs>
            <ReplyBox number={data.number} closed={closed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TicketProperties ticket={data} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
