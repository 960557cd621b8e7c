import { Alert, Button, Group, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingHoursSettings } from '../../../../shared/contracts/calendar.js';
import { useSaveWorkingHours } from '../../../api/calendar.js';

/** Time zone and working hours: what SLA targets and auto-close deadlines are counted in. */
export function WorkingHoursForm({
  initial,
  canEdit,
}: {
  initial: WorkingHoursSettings;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveWorkingHours();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof WorkingHoursSettings>(key: K, value: WorkingHoursSettings[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
  };
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={handleSubmit} aria-labelledby="working-hours-title" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="working-hours-title">
            {t('calendar.hoursTitle')}
          </Title>
          {save.isError && (
            <Alert color="red" variant="light" role="alert">
              {save.error.message}
            </Alert>
          )}
          {save.isSuccess && (
            <Alert color="teal" variant="light" role="status">
              {t('calendar.hoursSaved')}
            </Alert>
          )}
          <TextInput
            label={t('calendar.timeZone')}
            description={t('calendar.timeZoneHint')}
            value={values.timeZone}
            disabled={!canEdit}
            onChange={(event) => {
              set('timeZone', event.currentTarget.value.trim());
            }}
          />
          <Group grow>
            <TextInput
              type="time"
              label={t('calendar.dayStart')}
              value={values.dayStart}
              disabled={!canEdit}
              onChange={(event) => {
                set('dayStart', event.currentTarget.value);
              }}
            />
            <TextInput
              type="time"
              label={t('calendar.dayEnd')}
              value={values.dayEnd}
              disabled={!canEdit}
              onChange={(event) => {
                set('dayEnd', event.currentTarget.value);
              }}
            />
          </Group>
          <NumberInput
            label={t('calendar.shortDayMinutes')}
            min={0}
            max={240}
            allowDecimal={false}
            value={values.shortDayMinutes}
            disabled={!canEdit}
            onChange={(value) => {
              if (typeof value === 'number') set('shortDayMinutes', value);
            }}
          />
          {canEdit && (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('calendar.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
