import {
  Button,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CabinetLesson, MyStudent } from '../../../shared/contracts/cabinet.js';
import { useLessons } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { addDays, formatDay, formatWeekday, localDayOf, mondayOf } from './cabinet-format.js';
import { CabinetFrame } from './cabinet-frame.js';
import { LessonItem } from './lesson-item.js';

type View = 'week' | 'list';
/** The list shows four weeks from the chosen Monday. */
const LIST_DAYS = 28;

function todayIn(timeZone: string): string {
  return localDayOf(new Date().toISOString(), timeZone);
}

function DayColumn(props: {
  day: string;
  today: string;
  lessons: CabinetLesson[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const isToday = props.day === props.today;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-label={formatWeekday(props.day, i18n.language)}
      bg={isToday ? 'blue.0' : undefined}
    >
      <Stack gap="xs">
        <Text fw={700} size="sm">
          {formatWeekday(props.day, i18n.language)}
          {isToday && ` · ${t('cabinet.schedule.today')}`}
        </Text>
        {props.lessons.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('cabinet.schedule.noLessonsDay')}
          </Text>
        ) : (
          props.lessons.map((lesson) => (
            <LessonItem key={lesson.id} lesson={lesson} timeZone={props.timeZone} />
          ))
        )}
      </Stack>
    </Paper>
  );
}

function Schedule({ student, timeZone }: { student: MyStudent; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const today = todayIn(timeZone);
  const [view, setView] = useState<View>('week');
  const [monday, setMonday] = useState(() => mondayOf(today));
  const days = view === 'week' ? 7 : LIST_DAYS;
  const period = { from: monday, to: addDays(monday, days - 1) };
  const lessons = useLessons(student.id, period);
  const byDay = new Map<string, CabinetLesson[]>();
  for (const lesson of lessons.data?.lessons ?? []) {
    const day = localDayOf(lesson.startsAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), lesson]);
  }
  const step = view === 'week' ? 7 : LIST_DAYS;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label={t('cabinet.schedule.view')}
          value={view}
          onChange={setView}
          data={[
            { value: 'week', label: t('cabinet.schedule.week') },
            { value: 'list', label: t('cabinet.schedule.list') },
          ]}
        />
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setMonday(addDays(monday, -step));
            }}
          >
            {t('cabinet.schedule.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setMonday(mondayOf(today));
            }}
          >
            {t('cabinet.schedule.current')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setMonday(addDays(monday, step));
            }}
          >
            {t('cabinet.schedule.next')}
          </Button>
        </Group>
      </Group>
      <Title order={2} size="h4" aria-live="polite">
        {t('cabinet.schedule.period', {
          from: formatDay(period.from, i18n.language),
          to: formatDay(period.to, i18n.language),
        })}
      </Title>
      {!lessons.data ? (
        <QueryState query={lessons} />
      ) : view === 'week' ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 7 }} spacing="xs">
          {Array.from({ length: 7 }, (_, index) => addDays(monday, index)).map((day) => (
            <DayColumn
              key={day}
              day={day}
              today={today}
              lessons={byDay.get(day) ?? []}
              timeZone={timeZone}
            />
          ))}
        </SimpleGrid>
      ) : lessons.data.lessons.length === 0 ? (
        <Text c="dimmed">{t('cabinet.schedule.noLessons')}</Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {lessons.data.lessons.map((lesson, index) => (
            <li key={lesson.id}>
              {index > 0 && <Divider mb="sm" />}
              <LessonItem lesson={lesson} timeZone={timeZone} withDay />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** «Расписание»: the chosen student's lessons, a week at a time or as a list. */
export function SchedulePage() {
  const { t } = useTranslation();
  return (
    <CabinetFrame title={t('cabinet.schedule.title')}>
      {(student, timeZone) => <Schedule key={student.id} student={student} timeZone={timeZone} />}
    </CabinetFrame>
  );
}
