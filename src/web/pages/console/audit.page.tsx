import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../api/staff-accounts.js';
import { AuditEntryItem } from '../../components/audit-entry.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** Console → Журнал безопасности: the organization's newest audit entries, settings included. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const audit = useAudit();
  return (
    <Stack gap="md">
      <Title order={1}>{t('audit.title')}</Title>
      <Text>{t('audit.intro')}</Text>
      {!audit.data ? (
        <QueryState query={audit} />
      ) : audit.data.entries.length === 0 ? (
        <Text c="dimmed">{t('accountDetail.noAudit')}</Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {audit.data.entries.map((entry) => (
            <AuditEntryItem key={entry.id} entry={entry} showSubject />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
