import { ActionIcon, Alert, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, CalendarYear } from '../../../../shared/contracts/calendar.js';
import { useSession } from '../../../api/auth.js';
import { useCalendarYear } from '../../../api/calendar.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import classes from './calendar.module.css';
import { DayEditor } from './day-editor.js';
import { MonthGrid } from './month-grid.js';
import { WorkingHoursForm } from './working-hours-form.js';

function YearNotice({ calendar }: { calendar: CalendarYear }) {
  const { t } = useTranslation();
  if (calendar.status === 'missing') {
    return (
      <Alert color="orange" variant="light" role="status" title={t('calendar.missingTitle')}>
        {t('calendar.missing', { year: calendar.year })}
      </Alert>
    );
  }
  if (calendar.status === 'provisional') {
    return (
      <Alert color="yellow" variant="light" role="status" title={t('calendar.provisionalTitle')}>
        {calendar.source}
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {t('calendar.source', { source: calendar.source })}
    </Text>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="lg" aria-label={t('calendar.legend')} role="group">
      {(['working', 'short', 'day_off'] as const).map((kind) => (
        <Text key={kind} size="sm">
          <span className={`${classes.swatch} ${classes.day}`} data-kind={kind} aria-hidden />
          {t(`calendar.kind.${kind}`)}
        </Text>
      ))}
      <Text size="sm">
        <span className={`${classes.swatch} ${classes.day}`} data-edited aria-hidden />
        {t('calendar.editedMark')}
      </Text>
    </Group>
  );
}

/** Console → Производственный календарь: a year of working days, staff edits, working hours. */
export function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendar.title'));
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const session = useSession();
  const role = session.data?.account?.staffRole;
  const canEdit = role === 'owner' || role === 'admin';
  const calendar = useCalendarYear(year);
  const counts = calendar.data?.days.reduce(
    (sum, day) => (day.kind === 'day_off' ? sum : sum + 1),
    0,
  );

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('calendar.title')}
      </Title>
      <Text>{t('calendar.intro')}</Text>
      <Group gap="xs">
        <ActionIcon
          variant="default"
          aria-label={t('calendar.previousYear')}
          onClick={() => {
            setYear((value) => value - 1);
          }}
        >
          ‹
        </ActionIcon>
        <Title order={2} size="h3" aria-live="polite">
          {year}
        </Title>
        <ActionIcon
          variant="default"
          aria-label={t('calendar.nextYear')}
          onClick={() => {
            setYear((value) => value + 1);
          }}
        >
          ›
        </ActionIcon>
        {counts !== undefined && (
          <Text size="sm" c="dimmed">
            {t('calendar.workingDays', { count: counts })}
          </Text>
        )}
      </Group>
      {!calendar.data ? (
        <QueryState query={calendar} />
      ) : (
        <>
          <YearNotice calendar={calendar.data} />
          <Legend />
          {!canEdit && <Text size="sm">{t('calendar.readOnly')}</Text>}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }}>
            {Array.from({ length: 12 }, (_, month) => (
              <MonthGrid
                key={month}
                month={month}
                days={calendar.data.days.filter(
                  (day) => Number(day.date.slice(5, 7)) === month + 1,
                )}
                canEdit={canEdit}
                onPick={setPicked}
              />
            ))}
          </SimpleGrid>
          <WorkingHoursForm
            key={JSON.stringify(calendar.data.hours)}
            initial={calendar.data.hours}
            canEdit={canEdit}
          />
        </>
      )}
      {picked && (
        <DayEditor
          day={picked}
          onClose={() => {
            setPicked(null);
          }}
        />
      )}
    </Stack>
  );
}
