import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HelpdeskPreferences } from '../../../shared/contracts/helpdesk-tickets.js';
import { useHelpdeskPreferences, useSaveHelpdeskPreferences } from '../../api/helpdesk.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';

function PreferencesForm({ initial }: { initial: HelpdeskPreferences }) {
  const { t } = useTranslation();
  const save = useSaveHelpdeskPreferences();
  const [values, setValues] = useState(initial);
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(values);
  };
  const toggle =
    (key: keyof HelpdeskPreferences) => (event: { currentTarget: { checked: boolean } }) => {
      const checked = event.currentTarget.checked;
      save.reset();
      setValues((old) => ({ ...old, [key]: checked }));
    };
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <Checkbox
          label={t('helpdesk.preferences.emailOnReply')}
          description={t('helpdesk.preferences.emailOnReplyHint')}
          checked={values.emailOnReply}
          onChange={toggle('emailOnReply')}
        />
        <Checkbox
          label={t('helpdesk.preferences.emailOnProgress')}
          description={t('helpdesk.preferences.emailOnProgressHint')}
          checked={values.emailOnProgress}
          onChange={toggle('emailOnProgress')}
        />
        {save.error && (
          <Alert color="red" variant="light" role="alert">
            {save.error.message}
          </Alert>
        )}
        {save.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('helpdesk.preferences.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('helpdesk.preferences.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Which non-essential help-desk emails the person gets; status changes always go. */
export function HelpdeskPreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdesk.preferences.title'));
  const preferences = useHelpdeskPreferences();
  return (
    <Paper maw={620} p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="md">
        <Anchor component={Link} to="/tickets" size="sm">
          ← {t('helpdesk.ticket.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('helpdesk.preferences.title')}
        </Title>
        <Text>{t('helpdesk.preferences.intro')}</Text>
        {preferences.data ? (
          <PreferencesForm initial={preferences.data} />
        ) : (
          <QueryState query={preferences} />
        )}
      </Stack>
    </Paper>
  );
}
