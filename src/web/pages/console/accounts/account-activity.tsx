import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffAccountDetail } from '../../../../shared/contracts/staff-accounts.js';
import { useRevokeAccountSessions } from '../../../api/staff-accounts.js';
import { AuditEntryItem } from '../../../components/audit-entry.js';
import { DeviceList } from '../../../components/device-list.js';
import { formatDateTime } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';
import { SignInResultBadge } from '../../settings/history.page.js';

/** Sessions (with "end all"), recent sign-ins and the audit trail of one account. */
export function AccountActivity({ detail }: { detail: StaffAccountDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const revoke = useRevokeAccountSessions(detail.account.id);
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2}>{t('accountDetail.sessions')}</Title>
        {detail.sessions.length === 0 ? (
          <Text c="dimmed">{t('accountDetail.noSessions')}</Text>
        ) : (
          <>
            <DeviceList
              sessions={detail.sessions.map((session) => ({ ...session, current: false }))}
            />
            <Button
              color="red"
              variant="light"
              loading={revoke.isPending}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                revoke.mutate();
              }}
            >
              {t('accountDetail.endSessions')}
            </Button>
          </>
        )}
        {revoke.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('accountDetail.sessionsEnded', { count: revoke.data.ended })}
          </Alert>
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={2}>{t('settings.history')}</Title>
        {detail.signIns.length === 0 ? (
          <Text c="dimmed">{t('history.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.at')}</Table.Th>
                  <Table.Th>{t('history.result')}</Table.Th>
                  <Table.Th>{t('history.device')}</Table.Th>
                  <Table.Th>{t('history.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.signIns.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>{formatDateTime(event.at, locale)}</Table.Td>
                    <Table.Td>
                      <SignInResultBadge result={event.result} />
                    </Table.Td>
                    <Table.Td>{event.device}</Table.Td>
                    <Table.Td>{event.ip ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={2}>{t('accountDetail.audit')}</Title>
        {detail.audit.length === 0 ? (
          <Text c="dimmed">{t('accountDetail.noAudit')}</Text>
        ) : (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {detail.audit.map((entry) => (
              <AuditEntryItem key={entry.id} entry={entry} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
