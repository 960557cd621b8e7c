import { Anchor, Badge, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecoveryRequests } from '../../api/recovery.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { currentLocale } from '../../i18n/index.js';

type Filter = 'pending' | 'approved' | 'rejected';

/** Console → Восстановление: confirmed requests waiting for a decision, and decided ones. */
export function RecoveryListPage() {
  const { t } = useTranslation();
  usePageTitle(t('recoveryQueue.title'));
  const [filter, setFilter] = useState<Filter>('pending');
  const requests = useRecoveryRequests(filter);
  const locale = currentLocale();
  return (
    <Stack gap="md">
      <Title order={1}>{t('recoveryQueue.title')}</Title>
      <Text>{t('recoveryQueue.intro')}</Text>
      <SegmentedControl
        aria-label={t('recoveryQueue.filter')}
        value={filter}
        onChange={(value) => {
          setFilter(value);
        }}
        data={(['pending', 'approved', 'rejected'] as const).map((value) => ({
          value,
          label: t(`recovery.status.${value}`),
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {!requests.data ? (
        <QueryState query={requests} />
      ) : requests.data.requests.length === 0 ? (
        <Text c="dimmed">{t('recoveryQueue.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recoveryQueue.number')}</Table.Th>
                <Table.Th>{t('recovery.fullName')}</Table.Th>
                <Table.Th>{t('recovery.newEmail')}</Table.Th>
                <Table.Th>{t('recovery.newPhone')}</Table.Th>
                <Table.Th>{t('recoveryQueue.confirmedAt')}</Table.Th>
                <Table.Th>{t('recoveryQueue.documents')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.requests.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/recovery/${request.id}`}>
                      {request.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{request.fullName}</Table.Td>
                  <Table.Td>{request.newEmail ?? '—'}</Table.Td>
                  <Table.Td>{request.newPhone ?? '—'}</Table.Td>
                  <Table.Td>
                    {request.confirmedAt ? formatDateTime(request.confirmedAt, locale) : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{request.documentCount}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
