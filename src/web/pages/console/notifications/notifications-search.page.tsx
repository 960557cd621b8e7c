import { Anchor, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPersonalCode } from '../../../../shared/login.js';
import { useStaffAccounts } from '../../../api/staff-accounts.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';

/** Console → Уведомления: find a person, then open their notification log. */
export function NotificationsSearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('notificationsConsole.title'));
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const accounts = useStaffAccounts(debounced, null);

  return (
    <Stack gap="md">
      <Title order={1}>{t('notificationsConsole.title')}</Title>
      <Text>{t('notificationsConsole.intro')}</Text>
      <TextInput
        label={t('notificationsConsole.search')}
        description={t('notificationsConsole.searchHint')}
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
        }}
        maw={420}
      />
      {debounced === '' ? (
        <Text c="dimmed">{t('notificationsConsole.typeToSearch')}</Text>
      ) : !accounts.data ? (
        <QueryState query={accounts} />
      ) : accounts.data.accounts.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('notificationsConsole.searchEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notificationsConsole.person')}</Table.Th>
                <Table.Th>{t('notificationsConsole.login')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data.accounts.map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/notifications/${account.id}`}>
                      {account.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {account.email ??
                      account.phone ??
                      (account.personalCode ? formatPersonalCode(account.personalCode) : '—')}
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
