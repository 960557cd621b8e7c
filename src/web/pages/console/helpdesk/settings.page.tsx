import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHelpdeskSettings } from '../../../api/helpdesk-staff.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { CannedResponsesSettings } from './settings-canned.js';
import { DepartmentsSettings } from './settings-departments.js';
import { TicketFieldsSettings } from './settings-fields.js';
import { SupportLevelsSettings } from './settings-levels.js';

/** Console → Настройки поддержки: departments, support levels, ticket fields, canned responses. */
export function HelpdeskSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdeskConsole.settings.title'));
  const settings = useHelpdeskSettings();
  const data = settings.data;
  return (
    <Stack gap="md">
      <Title order={1}>{t('helpdeskConsole.settings.title')}</Title>
      {!data ? (
        <QueryState query={settings} />
      ) : (
        <Tabs defaultValue="departments" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="departments">{t('helpdeskConsole.settings.departments')}</Tabs.Tab>
            <Tabs.Tab value="levels">{t('helpdeskConsole.settings.levels')}</Tabs.Tab>
            <Tabs.Tab value="fields">{t('helpdeskConsole.settings.fields')}</Tabs.Tab>
            <Tabs.Tab value="canned">{t('helpdeskConsole.settings.canned')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="departments" pt="md">
            <DepartmentsSettings data={data} />
          </Tabs.Panel>
          <Tabs.Panel value="levels" pt="md">
            <SupportLevelsSettings data={data} />
          </Tabs.Panel>
          <Tabs.Panel value="fields" pt="md">
            <TicketFieldsSettings data={data} />
          </Tabs.Panel>
          <Tabs.Panel value="canned" pt="md">
            <CannedResponsesSettings data={data} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
