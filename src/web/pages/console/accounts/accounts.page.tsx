import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
} from '../../../../shared/contracts/staff-accounts.js';
import { formatPersonalCode } from '../../../../shared/login.js';
import { useStaffAccounts } from '../../../api/staff-accounts.js';
import { formatDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { currentLocale } from '../../../i18n/index.js';
import { AccountStatusBadge } from './account-status-badge.js';

/** Console → Учётные записи: find by email, phone, personal code or name; filter by state. */
export function AccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t('accounts.title'));
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 300);
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const accounts = useStaffAccounts(debounced, status);
  const locale = currentLocale();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('accounts.title')}</Title>
        <Button component={Link} to="/console/accounts/new">
          {t('accounts.open')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('accounts.search')}
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
          }}
          style={{ flex: '1 1 240px' }}
        />
        <Select
          label={t('accounts.status')}
          clearable
          placeholder={t('accounts.anyStatus')}
          value={status}
          onChange={(value) => {
            setStatus(value);
          }}
          data={ACCOUNT_STATUSES.map((value) => ({
            value,
            label: t(`accounts.statuses.${value}`),
          }))}
        />
      </Group>
      {!accounts.data ? (
        <QueryState query={accounts} />
      ) : accounts.data.accounts.length === 0 ? (
        <Text c="dimmed">{t('accounts.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.name')}</Table.Th>
                <Table.Th>{t('accounts.login')}</Table.Th>
                <Table.Th>{t('accounts.status')}</Table.Th>
                <Table.Th>{t('accounts.accessUntil')}</Table.Th>
                <Table.Th>{t('accounts.lastSignIn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data.accounts.map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/accounts/${account.id}`}>
                      {account.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {account.email ??
                      account.phone ??
                      (account.personalCode ? formatPersonalCode(account.personalCode) : '—')}
                  </Table.Td>
                  <Table.Td>
                    <AccountStatusBadge status={account.status} />
                  </Table.Td>
                  <Table.Td>
                    {account.accessValidUntil
                      ? formatDateTime(account.accessValidUntil, locale)
                      : t('accounts.noEnd')}
                  </Table.Td>
                  <Table.Td>
                    {account.lastSignInAt ? formatDateTime(account.lastSignInAt, locale) : '—'}
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
