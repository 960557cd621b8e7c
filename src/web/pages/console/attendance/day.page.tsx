import {
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { AttendanceLesson } from '../../../../shared/contracts/attendance.js';
import { useAttendanceDay } from '../../../api/attendance.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { dayParam, longDay, shiftDay } from './attendance-format.js';

/** Console → Посещаемость: the day's lessons, each opening its roster; a day switcher. */
export function AttendanceDayPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('attendance.title'));
  const [params, setParams] = useSearchParams();
  const requested = dayParam(params.get('date'));
  const day = useAttendanceDay(requested);
  const date = day.data?.date ?? requested;
  const goTo = (next: string | undefined) => {
    setParams(next ? { date: next } : {});
  };
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('attendance.title')}</Title>
      <Stack gap="xs" role="navigation" aria-label={t('attendance.days')}>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="md"
            px="md"
            aria-label={t('attendance.previousDay')}
            disabled={!date}
            onClick={() => {
              if (date) goTo(shiftDay(date, -1));
            }}
          >
            ‹
          </Button>
          <Button
            variant="default"
            size="md"
            style={{ flex: 1 }}
            onClick={() => {
              goTo(undefined);
            }}
          >
            {t('attendance.today')}
          </Button>
          <Button
            variant="default"
            size="md"
            px="md"
            aria-label={t('attendance.nextDay')}
            disabled={!date}
            onClick={() => {
              if (date) goTo(shiftDay(date, 1));
            }}
          >
            ›
          </Button>
        </Group>
        <TextInput
          type="date"
          size="md"
          label={t('attendance.date')}
          value={date ?? ''}
          onChange={(event) => {
            goTo(dayParam(event.currentTarget.value));
          }}
        />
      </Stack>
      {date && (
        <Text fw={600} aria-live="polite">
          {longDay(date, i18n.language)}
        </Text>
      )}
      {!day.data ? (
        <QueryState query={day} />
      ) : day.data.lessons.length === 0 ? (
        <Text c="dimmed">{t('attendance.noLessons')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {day.data.lessons.map((lesson) => (
            <li key={lesson.id}>
              <LessonCard lesson={lesson} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** One lesson as a big touch target that opens its roster. */
function LessonCard({ lesson }: { lesson: AttendanceLesson }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cancelled = lesson.status === 'cancelled';
  const time = `${lesson.startTime}–${lesson.endTime}`;
  return (
    <UnstyledButton
      w="100%"
      aria-label={t('attendance.openRoster', { group: lesson.groupName, time })}
      onClick={() => {
        void navigate(`/console/attendance/${lesson.id}`);
      }}
    >
      <Paper withBorder p="md" bg={cancelled ? 'var(--mantine-color-gray-light)' : undefined}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text fw={700} td={cancelled ? 'line-through' : undefined}>
              {time} · {lesson.groupName}
            </Text>
            <Text size="sm" c="dimmed">
              {[lesson.courseName, lesson.roomName, lesson.teacherName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          {cancelled ? (
            <Badge color={lesson.cancelReason === 'holiday' ? 'orange' : 'red'} variant="light">
              {lesson.cancelReason === 'holiday'
                ? t('attendance.holiday')
                : t('attendance.cancelled')}
            </Badge>
          ) : (
            <Badge
              color={lesson.markedCount >= lesson.enrolledCount ? 'green' : 'gray'}
              variant="light"
              style={{ flexShrink: 0 }}
            >
              {t('attendance.marked', {
                marked: lesson.markedCount,
                enrolled: lesson.enrolledCount,
              })}
            </Badge>
          )}
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
