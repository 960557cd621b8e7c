import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  STAFF_TICKET_PRIORITIES,
  STAFF_TICKET_STATUSES,
  STAFF_TICKET_TYPES,
  type StaffTicketDetail,
} from '../../../../shared/contracts/helpdesk-staff.js';
import { useSession } from '../../../api/auth.js';
import { useAgents, useChangeTicket, useHelpdeskSettings } from '../../../api/helpdesk-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';
import { MergeButton } from './merge-dialog.js';
import { SlaTargetLine } from './ticket-badges.js';

/** The ticket's side panel: status, assignee, priority, department, type, SLA, customer, certificate. */
export function TicketProperties({ ticket }: { ticket: StaffTicketDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useSession();
  const agents = useAgents();
  const settings = useHelpdeskSettings();
  const change = useChangeTicket(ticket.number);
  const myId = session.data?.account?.id;
  const merged = ticket.mergedInto !== null;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="properties-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="properties-heading">
            {t('helpdeskConsole.ticket.properties')}
          </Title>
          <Select
            label={t('helpdeskConsole.queue.assignee')}
            placeholder={t('helpdeskConsole.queue.unassigned')}
            value={ticket.assignee?.id ?? null}
            data={(agents.data?.agents ?? []).map((agent) => ({
              value: agent.id,
              label: agent.displayName,
            }))}
            onChange={(value) => {
              change.mutate({ kind: 'assign', assigneeId: value });
            }}
            clearable
            searchable
            disabled={merged}
          />
          {myId && ticket.assignee?.id !== myId && (
            <Button
              variant="light"
              size="xs"
              onClick={() => {
                change.mutate({ kind: 'assign', assigneeId: myId });
              }}
              disabled={merged}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('helpdeskConsole.ticket.assignToMe')}
            </Button>
          )}
          <Select
            label={t('helpdeskConsole.queue.status')}
            value={ticket.status}
            allowDeselect={false}
            data={STAFF_TICKET_STATUSES.map((value) => ({
              value,
              label: t(`helpdeskConsole.status.${value}`),
            }))}
            onChange={(value) => {
              if (value && value !== ticket.status) change.mutate({ kind: 'status', to: value });
            }}
            disabled={merged}
          />
          <Select
            label={t('helpdeskConsole.queue.priority')}
            value={ticket.priority}
            allowDeselect={false}
            data={STAFF_TICKET_PRIORITIES.map((value) => ({
              value,
              label: t(`helpdeskConsole.priority.${value}`),
            }))}
            onChange={(value) => {
              if (value && value !== ticket.priority)
                change.mutate({ kind: 'update', priority: value });
            }}
            disabled={merged}
          />
          <Select
            label={t('helpdeskConsole.queue.department')}
            value={ticket.department.id}
            allowDeselect={false}
            data={
              settings.data
                ? settings.data.departments.map((item) => ({
                    value: item.id,
                    label: locale === 'en' ? item.nameEn : item.nameRu,
                  }))
                : [
                    {
                      value: ticket.department.id,
                      label: locale === 'en' ? ticket.department.nameEn : ticket.department.nameRu,
                    },
                  ]
            }
            onChange={(value) => {
              if (value && value !== ticket.department.id)
                change.mutate({ kind: 'update', departmentId: value });
            }}
            disabled={merged}
          />
          <Select
            label={t('helpdeskConsole.ticket.type')}
            value={ticket.type}
            allowDeselect={false}
            data={STAFF_TICKET_TYPES.map((value) => ({
              value,
              label: t(`helpdeskConsole.type.${value}`),
            }))}
            onChange={(value) => {
              if (value === 'question' || value === 'incident' || value === 'request')
                if (value !== ticket.type) change.mutate({ kind: 'update', type: value });
            }}
            disabled={merged}
          />
          {change.isError && (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          )}
          {!merged && ticket.status !== 'closed' && <MergeButton number={ticket.number} />}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="sla-heading">
        <Stack gap={6}>
          <Title order={2} size="h4" id="sla-heading">
            {t('helpdeskConsole.ticket.sla')}
          </Title>
          <SlaTargetLine
            label={t('helpdeskConsole.ticket.firstResponse')}
            target={ticket.sla.firstResponse}
          />
          <SlaTargetLine
            label={t('helpdeskConsole.ticket.resolution')}
            target={ticket.sla.resolution}
          />
          {ticket.autoCloseAt && ticket.status === 'awaiting_customer' && (
            <Text size="sm" data-testid="auto-close-at">
              {t('helpdeskConsole.ticket.autoCloseAt', {
                date: formatDateTime(ticket.autoCloseAt, locale),
              })}
            </Text>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="customer-heading">
        <Stack gap={4}>
          <Title order={2} size="h4" id="customer-heading">
            {t('helpdeskConsole.ticket.customer')}
          </Title>
          <Text fw={600}>{ticket.customer.displayName}</Text>
          {ticket.customer.email && <Text size="sm">{ticket.customer.email}</Text>}
          {ticket.customer.phone && <Text size="sm">{ticket.customer.phone}</Text>}
          <Anchor component={Link} to={`/console/accounts/${ticket.customer.id}`} size="sm">
            {t('helpdeskConsole.ticket.customerAccount')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('helpdeskConsole.ticket.otherTickets', { count: ticket.customerOtherTickets })}
          </Text>
          <Divider my="xs" />
          <Title order={3} size="h5">
            {t('helpdeskConsole.ticket.certificate')}
          </Title>
          {ticket.certificate ? (
            <>
              <Group gap="xs">
                <Text fw={600}>{ticket.certificate.serial}</Text>
                <Text size="sm">
                  {t(`helpdeskConsole.certStatus.${ticket.certificate.status}`)}
                </Text>
              </Group>
              <Text size="sm">{ticket.certificate.product}</Text>
              <Text size="sm">
                {locale === 'en' ? ticket.certificate.levelNameEn : ticket.certificate.levelNameRu}{' '}
                · {t('helpdeskConsole.ticket.validTo', { date: ticket.certificate.validTo })}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('helpdeskConsole.ticket.noCertificate')}
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
