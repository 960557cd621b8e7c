import {
  Alert,
  Button,
  NumberInput,
  Paper,
  Stack,
  Switch,
  TextInput,
  Title,
  Text,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationSettings } from '../../../shared/contracts/org-settings.js';
import {
  useOrganizationSettings,
  useUpdateOrganizationSettings,
} from '../../api/staff-accounts.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';

const numberOrNull = (value: string | number) => (typeof value === 'number' ? value : null);

function SettingsForm({ initial }: { initial: OrganizationSettings }) {
  const { t } = useTranslation();
  const update = useUpdateOrganizationSettings();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof OrganizationSettings>(key: K, value: OrganizationSettings[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
  };
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate(values);
  };
  return (
    <Paper maw={620} p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="org-settings-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="org-settings-title">
            {t('orgSettings.title')}
          </Title>
          <Text>{t('orgSettings.intro')}</Text>
          {update.isError && (
            <Alert color="red" variant="light" role="alert">
              {update.error.message}
            </Alert>
          )}
          {update.isSuccess && (
            <Alert color="teal" variant="light" role="status">
              {t('accountDetail.saved')}
            </Alert>
          )}
          <TextInput
            label={t('orgSettings.supportEmail')}
            type="email"
            value={values.supportEmail ?? ''}
            onChange={(event) => {
              set('supportEmail', event.currentTarget.value.trim() || null);
            }}
          />
          <TextInput
            label={t('orgSettings.supportPhone')}
            type="tel"
            value={values.supportPhone ?? ''}
            onChange={(event) => {
              set('supportPhone', event.currentTarget.value.trim() || null);
            }}
          />
          <NumberInput
            label={t('orgSettings.sessionLimit')}
            description={t('orgSettings.sessionLimitHint')}
            min={1}
            max={100}
            allowDecimal={false}
            value={values.sessionLimit ?? ''}
            onChange={(value) => {
              set('sessionLimit', numberOrNull(value));
            }}
          />
          <NumberInput
            label={t('orgSettings.passwordMinLength')}
            min={8}
            max={64}
            allowDecimal={false}
            value={values.passwordMinLength}
            onChange={(value) => {
              if (typeof value === 'number') set('passwordMinLength', value);
            }}
          />
          <NumberInput
            label={t('orgSettings.inactivityBlockDays')}
            description={t('orgSettings.inactivityHint')}
            min={7}
            max={3650}
            allowDecimal={false}
            value={values.inactivityBlockDays ?? ''}
            onChange={(value) => {
              set('inactivityBlockDays', numberOrNull(value));
            }}
          />
          <NumberInput
            label={t('orgSettings.accessWarningDays')}
            description={t('orgSettings.accessWarningHint')}
            min={0}
            max={90}
            allowDecimal={false}
            value={values.accessWarningDays}
            onChange={(value) => {
              if (typeof value === 'number') set('accessWarningDays', value);
            }}
          />
          <Switch
            label={t('orgSettings.selfRegistration')}
            description={t('orgSettings.selfRegistrationHint')}
            checked={values.selfRegistration}
            onChange={(event) => {
              set('selfRegistration', event.currentTarget.checked);
            }}
          />
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('orgSettings.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** Console → Настройки доступа: support contacts, session limit, password length, switches. */
export function OrgSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('orgSettings.title'));
  const settings = useOrganizationSettings();
  if (!settings.data) return <QueryState query={settings} />;
  return <SettingsForm initial={settings.data} />;
}
