import {
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CERTIFICATE_STATUSES,
  type CertificateStatus,
} from '../../../../shared/contracts/helpdesk-certificates.js';
import { useStaffCertificates } from '../../../api/helpdesk-staff.js';
import { formatDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { currentLocale } from '../../../i18n/index.js';
import { CertificateImport } from './certificate-import.js';
import { CertificateIssue } from './certificate-issue.js';

const STATUS_COLOR: Record<CertificateStatus, string> = {
  valid: 'teal',
  expiring_soon: 'orange',
  expired: 'red',
  not_yet_valid: 'gray',
};

function CertificateList() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<CertificateStatus | undefined>();
  const [registered, setRegistered] = useState<'yes' | 'no' | undefined>();
  const list = useStaffCertificates({ q: debounced.trim() || undefined, status, registered });
  const rows = list.data?.pages.flatMap((page) => page.certificates) ?? [];
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('helpdeskConsole.certificates.search')}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
          }}
          style={{ flex: '1 1 240px' }}
        />
        <Select
          label={t('helpdeskConsole.certificates.status')}
          placeholder={t('helpdeskConsole.queue.any')}
          clearable
          value={status ?? null}
          onChange={(value) => {
            setStatus(CERTIFICATE_STATUSES.find((item) => item === value));
          }}
          data={CERTIFICATE_STATUSES.map((value) => ({
            value,
            label: t(`helpdeskConsole.certStatus.${value}`),
          }))}
        />
        <Select
          label={t('helpdeskConsole.certificates.registered')}
          placeholder={t('helpdeskConsole.queue.any')}
          clearable
          value={registered ?? null}
          onChange={(value) => {
            setRegistered(value === 'yes' || value === 'no' ? value : undefined);
          }}
          data={[
            { value: 'yes', label: t('helpdeskConsole.certificates.registeredYes') },
            { value: 'no', label: t('helpdeskConsole.certificates.registeredNo') },
          ]}
        />
      </Group>
      {!list.data ? (
        <QueryState query={list} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('helpdeskConsole.certificates.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('helpdeskConsole.certificates.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('helpdeskConsole.certificates.serial')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.certificates.product')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.certificates.level')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.certificates.validity')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.certificates.status')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.certificates.customerName')}</Table.Th>
                <Table.Th>{t('helpdeskConsole.certificates.registeredTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{row.serial}</Table.Td>
                  <Table.Td>{row.product}</Table.Td>
                  <Table.Td>{locale === 'en' ? row.level.nameEn : row.level.nameRu}</Table.Td>
                  <Table.Td>
                    {row.validFrom} — {row.validTo}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[row.status]}>
                      {t(`helpdeskConsole.certStatus.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{row.customerName ?? '—'}</Table.Td>
                  <Table.Td>
                    {row.registeredTo ? (
                      <>
                        <Text size="sm">{row.registeredTo.displayName}</Text>
                        {row.registeredAt && (
                          <Text size="xs" c="dimmed">
                            {formatDateTime(row.registeredAt, locale)}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('helpdeskConsole.certificates.registeredNo')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('helpdeskConsole.common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

/** Console → Сертификаты клиентов: list and search, issue one, import a CSV. */
export function StaffCertificatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdeskConsole.certificates.title'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('helpdeskConsole.certificates.title')}</Title>
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('helpdeskConsole.certificates.listTab')}</Tabs.Tab>
          <Tabs.Tab value="issue">{t('helpdeskConsole.certificates.issueTitle')}</Tabs.Tab>
          <Tabs.Tab value="import">{t('helpdeskConsole.import.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <CertificateList />
        </Tabs.Panel>
        <Tabs.Panel value="issue" pt="md">
          <CertificateIssue />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <CertificateImport />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
