import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Lesson } from '../../../../shared/contracts/classes.js';
import { useLessons } from '../../../api/classes-schedule.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { addDays, dayIn, formatDay, formatTime, mondayOf, today } from './classes-format.js';
import { ExtraLessonDialog } from './extra-lesson-dialog.js';
import { LessonActions } from './lesson-actions.js';
import { LessonStatus } from './lesson-status.js';

const WEEK = [0, 1, 2, 3, 4, 5, 6];

/** Console → Расписание: one week of lessons, day by day; cancel, move, add an extra lesson. */
export function SchedulePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  usePageTitle(t('classesConsole.schedule.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('week');
  const monday = mondayOf(requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : today());
  const sunday = addDays(monday, 6);
  const lessons = useLessons(monday, sunday);
  const [adding, add] = useDisclosure(false);
  const timeZone = lessons.data?.timeZone ?? 'Europe/Moscow';
  const goTo = (day: string) => {
    setParams({ week: day });
  };
  const byDay = new Map<string, Lesson[]>();
  for (const lesson of lessons.data?.lessons ?? []) {
    const day = dayIn(lesson.startsAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), lesson]);
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('classesConsole.schedule.title')}</Title>
        <Button onClick={add.open}>{t('classesConsole.schedule.extra')}</Button>
      </Group>
      <Group gap="xs" role="navigation" aria-label={t('classesConsole.schedule.weeks')}>
        <Button
          variant="default"
          onClick={() => {
            goTo(addDays(monday, -7));
          }}
        >
          {t('classesConsole.schedule.previous')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            goTo(today());
          }}
        >
          {t('classesConsole.schedule.thisWeek')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            goTo(addDays(monday, 7));
          }}
        >
          {t('classesConsole.schedule.next')}
        </Button>
        <Text fw={500} aria-live="polite">
          {t('classesConsole.enrollments.fromTo', {
            from: formatDay(monday, language),
            to: formatDay(sunday, language),
          })}
        </Text>
      </Group>
      {!lessons.data ? (
        <QueryState query={lessons} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4, xl: 7 }} spacing="sm">
          {WEEK.map((offset) => {
            const day = addDays(monday, offset);
            const dayLessons = byDay.get(day) ?? [];
            const heading = formatDay(day, language, 'short');
            return (
              <Paper
                key={day}
                withBorder
                p="sm"
                component="section"
                aria-label={heading}
                data-day={day}
              >
                <Title order={2} size="h5" mb="xs">
                  {heading}
                </Title>
                {dayLessons.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('classesConsole.schedule.noLessons')}
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {dayLessons.map((lesson) => {
                      const time = formatTime(lesson.startsAt, timeZone, language);
                      const label = `${lesson.groupName}, ${heading} ${time}`;
                      return (
                        <Paper
                          key={lesson.id}
                          withBorder
                          p="xs"
                          bg={
                            lesson.status === 'cancelled'
                              ? 'var(--mantine-color-gray-light)'
                              : undefined
                          }
                          aria-label={label}
                          component="article"
                        >
                          <Group justify="space-between" gap={4} wrap="nowrap">
                            <Text
                              fw={600}
                              td={lesson.status === 'cancelled' ? 'line-through' : undefined}
                            >
                              {time}–{formatTime(lesson.endsAt, timeZone, language)}
                            </Text>
                            <LessonActions lesson={lesson} timeZone={timeZone} label={label} />
                          </Group>
                          <Anchor
                            component={Link}
                            to={`/console/groups/${lesson.groupId}`}
                            size="sm"
                          >
                            {lesson.groupName}
                          </Anchor>
                          {(lesson.teacherName ?? lesson.roomName) && (
                            <Text size="xs" c="dimmed">
                              {[lesson.teacherName, lesson.roomName].filter(Boolean).join(' · ')}
                            </Text>
                          )}
                          {lesson.topic && <Text size="xs">{lesson.topic}</Text>}
                          <LessonStatus lesson={lesson} />
                          {lesson.status === 'cancelled' &&
                            lesson.cancelReason === 'staff' &&
                            lesson.cancelNote && (
                              <Text size="xs" c="dimmed">
                                {lesson.cancelNote}
                              </Text>
                            )}
                        </Paper>
                      );
                    })}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
      <ExtraLessonDialog opened={adding} onClose={add.close} day={monday} timeZone={timeZone} />
    </Stack>
  );
}
