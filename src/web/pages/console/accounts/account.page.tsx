import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StaffAccountDetail } from '../../../../shared/contracts/staff-accounts.js';
import { formatPersonalCode } from '../../../../shared/login.js';
import {
  useIssueAccessSheet,
  useResendInvitation,
  useStaffAccount,
  useUpdateAccount,
} from '../../../api/staff-accounts.js';
import { dateInOrganization, endOfDayInOrganization } from '../../../components/date-input.js';
import { formatOrganizationDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { currentLocale } from '../../../i18n/index.js';
import { AccessSheetView } from './access-sheet.js';
import { AccountActivity } from './account-activity.js';
import { AccountBlocks } from './account-blocks.js';
import { AccountStatusBadge } from './account-status-badge.js';

/** Access period, session limit, invitation and access sheet of one account. */
function AccessCard({ detail }: { detail: StaffAccountDetail }) {
  const { t } = useTranslation();
  const { account } = detail;
  const update = useUpdateAccount(account.id);
  const invite = useResendInvitation(account.id);
  const sheet = useIssueAccessSheet(account.id);
  const [until, setUntil] = useState(dateInOrganization(account.accessValidUntil));
  const [limit, setLimit] = useState<number | ''>(account.sessionLimit ?? '');
  const failure = update.error ?? invite.error ?? sheet.error;
  return (
    <Paper p="md" withBorder>
      <Stack gap="sm">
        <Title order={2}>{t('accountDetail.access')}</Title>
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure.message}
          </Alert>
        )}
        {update.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('accountDetail.saved')}
          </Alert>
        )}
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            label={t('accounts.accessUntil')}
            value={until}
            onChange={(event) => {
              setUntil(event.currentTarget.value);
            }}
          />
          <Button
            variant="default"
            onClick={() => {
              update.mutate({ accessValidUntil: until ? endOfDayInOrganization(until) : null });
            }}
          >
            {t('accountDetail.saveUntil')}
          </Button>
          <Button
            color="orange"
            variant="light"
            onClick={() => {
              update.mutate({ endAccessNow: true });
            }}
          >
            {t('accountDetail.endAccessNow')}
          </Button>
        </Group>
        <Group align="flex-end" gap="xs">
          <NumberInput
            label={t('accounts.sessionLimit')}
            description={t('accounts.sessionLimitHint')}
            min={1}
            max={100}
            allowDecimal={false}
            value={limit}
            onChange={(value) => {
              setLimit(typeof value === 'number' ? value : '');
            }}
          />
          <Button
            variant="default"
            onClick={() => {
              update.mutate({ sessionLimit: limit === '' ? null : limit });
            }}
          >
            {t('accountDetail.saveLimit')}
          </Button>
        </Group>
        {/* Invitations and access sheets only make sense until the person sets a password. */}
        {!account.activated && (
          <Group gap="xs">
            {account.email && (
              <Button
                variant="light"
                loading={invite.isPending}
                onClick={() => {
                  invite.mutate();
                }}
              >
                {t('accountDetail.resendInvitation')}
              </Button>
            )}
            <Button
              variant="light"
              loading={sheet.isPending}
              onClick={() => {
                sheet.mutate();
              }}
            >
              {t('accountDetail.printSheet')}
            </Button>
          </Group>
        )}
        {invite.data && (
          <Stack gap={4}>
            <Text size="sm">
              {t('accounts.invitationSent', { to: invite.data.invitation.sentTo })}{' '}
              <Anchor component={Link} to={`/console/outbox/${invite.data.invitation.outboxId}`}>
                {t('accountDetail.deliveryStatus')}
              </Anchor>
            </Text>
            <Code block>{invite.data.activationLink}</Code>
          </Stack>
        )}
        {sheet.data && <AccessSheetView sheet={sheet.data.accessSheet} />}
      </Stack>
    </Paper>
  );
}

/** Console → one account: who, state, access, blocks, sessions, sign-ins, audit. */
export function AccountPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useStaffAccount(id);
  usePageTitle(detail.data?.account.displayName ?? t('accounts.title'));
  if (!detail.data) return <QueryState query={detail} />;
  const { account } = detail.data;
  const locale = currentLocale();
  const facts: [string, string][] = [
    [t('profilePage.email'), account.email ?? '—'],
    [t('profilePage.phone'), account.phone ?? '—'],
    [
      t('accounts.personalCode'),
      account.personalCode ? formatPersonalCode(account.personalCode) : '—',
    ],
    [
      t('accounts.accessUntil'),
      account.accessValidUntil
        ? formatOrganizationDateTime(account.accessValidUntil, locale)
        : t('accounts.noEnd'),
    ],
    [
      t('accounts.sessionLimit'),
      account.sessionLimit === null ? t('accountDetail.orgLimit') : String(account.sessionLimit),
    ],
    [t('accounts.activated'), account.activated ? t('accountDetail.yes') : t('accountDetail.no')],
  ];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/console/accounts">
        {t('accountDetail.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{account.displayName}</Title>
        <AccountStatusBadge status={account.status} />
      </Group>
      <Anchor component={Link} to={`/console/notifications/${account.id}`}>
        {t('notificationsConsole.accountLink')}
      </Anchor>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        {facts.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text style={{ overflowWrap: 'anywhere' }}>{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      <AccessCard key={account.id} detail={detail.data} />
      <AccountBlocks detail={detail.data} />
      <AccountActivity detail={detail.data} />
    </Stack>
  );
}
