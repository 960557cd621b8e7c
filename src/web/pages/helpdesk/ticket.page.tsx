import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { TicketDetail } from '../../../shared/contracts/helpdesk-tickets.js';
import { ApiError } from '../../api/client.js';
import { useTicket, useTicketAction } from '../../api/helpdesk.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { currentLocale } from '../../i18n/index.js';
import { TicketPriorityBadge, TicketStatusBadge } from './ticket-badges.js';
import { TicketConversation } from './ticket-conversation.js';
import { TicketReply } from './ticket-reply.js';
import { TicketStatusNotice } from './ticket-status-notice.js';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function TicketFacts({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 2, sm: 3 }}
      spacing="sm"
      m={0}
      aria-label={t('helpdesk.ticket.facts')}
    >
      <Fact label={t('helpdesk.ticket.status')}>
        <TicketStatusBadge status={ticket.status} />
      </Fact>
      <Fact label={t('helpdesk.ticket.priority')}>
        <TicketPriorityBadge priority={ticket.priority} />
      </Fact>
      <Fact label={t('helpdesk.ticket.type')}>{t(`helpdesk.type.${ticket.type}`)}</Fact>
      <Fact label={t('helpdesk.ticket.department')}>{ticket.department.name}</Fact>
      <Fact label={t('helpdesk.ticket.certificate')}>
        {ticket.certificate
          ? `${ticket.certificate.product} (№ ${ticket.certificate.serial})`
          : t('helpdesk.ticket.noCertificate')}
      </Fact>
      <Fact label={t('helpdesk.ticket.created')}>
        {formatDateTime(ticket.createdAt, currentLocale())}
      </Fact>
      {ticket.fields.map((field) => (
        <Fact key={field.key} label={field.label}>
          {field.value}
        </Fact>
      ))}
    </SimpleGrid>
  );
}

/** «Закрыть обращение» with a confirmation, and «Открыть снова» while the window lasts. */
function TicketActions({
  ticket,
  onDone,
}: {
  ticket: TicketDetail;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.number);
  const [confirming, setConfirming] = useState(false);
  const run = (kind: 'close' | 'reopen') => {
    action.mutate(kind, {
      onSuccess: () => {
        setConfirming(false);
        onDone(t(kind === 'close' ? 'helpdesk.ticket.closed' : 'helpdesk.ticket.reopened'));
      },
    });
  };
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {ticket.reopen.allowed && (
          <Button
            onClick={() => {
              run('reopen');
            }}
            loading={action.isPending && action.variables === 'reopen'}
          >
            {t('helpdesk.ticket.reopen')}
          </Button>
        )}
        {ticket.canClose && (
          <Button
            variant="default"
            color="red"
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('helpdesk.ticket.close')}
          </Button>
        )}
      </Group>
      {action.error && !confirming && (
        <Alert color="red" variant="light" role="alert">
          {action.error.message}
        </Alert>
      )}
      <Modal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
        }}
        title={t('helpdesk.ticket.closeConfirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('helpdesk.ticket.closeConfirmText')}</Text>
          {action.error && (
            <Alert color="red" variant="light" role="alert">
              {action.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('helpdesk.ticket.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                run('close');
              }}
              loading={action.isPending}
            >
              {t('helpdesk.ticket.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** A ticket: its facts, what its status means, the conversation, reply, close and reopen. */
export function TicketPage() {
  const { t } = useTranslation();
  const params = useParams();
  const number = Number(params.number);
  usePageTitle(t('helpdesk.ticket.title', { number: params.number ?? '' }));
  const ticket = useTicket(number);
  const location = useLocation();
  const state = location.state as { justSent?: number; notice?: string } | null;
  const [notice, setNotice] = useState<string | null>(null);
  const arrived =
    state?.justSent === number ? t('helpdesk.ticket.sent', { number }) : (state?.notice ?? null);

  const missing =
    !Number.isInteger(number) ||
    number < 1 ||
    (ticket.error instanceof ApiError && ticket.error.status === 404);
  if (missing) {
    return (
      <Stack gap="md" align="flex-start">
        <Alert color="red" variant="light" role="alert">
          {t('helpdesk.ticket.notFound')}
        </Alert>
        <Anchor component={Link} to="/tickets">
          {t('helpdesk.ticket.back')}
        </Anchor>
      </Stack>
    );
  }
  if (!ticket.data) return <QueryState query={ticket} />;
  const data = ticket.data;
  // A reply reopens a closed ticket within the window, or starts a linked one after it; only
  // a ticket already continued elsewhere sends the person to the continuation instead.
  const canReply = !(data.status === 'closed' && data.continuedByNumber !== null);

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/tickets" size="sm">
        ← {t('helpdesk.ticket.back')}
      </Anchor>
      {(notice ?? arrived) && (
        <Alert color="teal" variant="light" role="status">
          {notice ?? arrived}
        </Alert>
      )}
      <Stack gap={4}>
        <Text c="dimmed" size="sm">
          {t('helpdesk.ticketNumber', { number: data.number })}
        </Text>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {data.subject}
        </Title>
        {data.continuesNumber !== null && (
          <Anchor component={Link} to={`/tickets/${String(data.continuesNumber)}`} size="sm">
            {t('helpdesk.ticket.continues', { number: data.continuesNumber })}
          </Anchor>
        )}
        {data.continuedByNumber !== null && (
          <Anchor component={Link} to={`/tickets/${String(data.continuedByNumber)}`} size="sm">
            {t('helpdesk.ticket.continuedBy', { number: data.continuedByNumber })}
          </Anchor>
        )}
      </Stack>
      <Paper withBorder p="md" radius="md">
        <TicketFacts ticket={data} />
      </Paper>
      <TicketStatusNotice ticket={data} />
      <TicketActions ticket={data} onDone={setNotice} />
      <TicketConversation messages={data.messages} />
      {canReply && (
        <Paper withBorder p="md" radius="md">
          <TicketReply ticket={data} onSent={setNotice} />
        </Paper>
      )}
    </Stack>
  );
}
