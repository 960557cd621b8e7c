import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CabinetLesson } from '../../../shared/contracts/cabinet.js';
import { formatDateTime, formatTime, formatWeekday, localDayOf } from './cabinet-format.js';

/** Props of LessonItem. */
interface LessonItemProps {
  lesson: CabinetLesson;
  timeZone: string;
  /** Also say the day (lists); the week view's day column already does. */
  withDay?: boolean;
}

/** Why a lesson is cancelled, in words: the holiday's name, or «отменено центром». */
function useCancelText(lesson: CabinetLesson): string {
  const { t } = useTranslation();
  if (lesson.cancelReason === 'holiday') {
    return lesson.cancelNote
      ? t('cabinet.lesson.cancelledHolidayNamed', { holiday: lesson.cancelNote })
      : t('cabinet.lesson.cancelledHoliday');
  }
  return lesson.cancelNote
    ? t('cabinet.lesson.cancelledWithNote', { note: lesson.cancelNote })
    : t('cabinet.lesson.cancelled');
}

/** One lesson: time, group, place and teacher; a cancelled one is struck through and says why. */
export function LessonItem({ lesson, timeZone, withDay = false }: LessonItemProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const cancelled = lesson.status === 'cancelled';
  const cancelText = useCancelText(lesson);
  const time = `${formatTime(lesson.startsAt, timeZone, language)}–${formatTime(lesson.endsAt, timeZone, language)}`;
  const where = [lesson.roomName, lesson.teacherName].filter(Boolean).join(' · ');
  return (
    <Stack gap={2} component="article" aria-label={`${lesson.groupName}, ${time}`}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="sm" td={cancelled ? 'line-through' : undefined}>
          {withDay
            ? `${formatWeekday(localDayOf(lesson.startsAt, timeZone), language)}, ${time}`
            : time}
        </Text>
        {cancelled && (
          <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
            {t('cabinet.lesson.cancelledBadge')}
          </Badge>
        )}
      </Group>
      <Text size="sm" td={cancelled ? 'line-through' : undefined}>
        {lesson.groupName}
        {lesson.courseName !== lesson.groupName && (
          <Text span c="dimmed" size="sm">
            {' '}
            · {lesson.courseName}
          </Text>
        )}
      </Text>
      {where && (
        <Text size="xs" c="dimmed">
          {where}
        </Text>
      )}
      {lesson.topic && !cancelled && (
        <Text size="xs">{t('cabinet.lesson.topic', { topic: lesson.topic })}</Text>
      )}
      {cancelled && (
        <Text size="xs" c="red.8">
          {cancelText}
        </Text>
      )}
      {lesson.movedFrom && !cancelled && (
        <Text size="xs" c="orange.9">
          {t('cabinet.lesson.moved', {
            from: formatDateTime(lesson.movedFrom, timeZone, language),
          })}
        </Text>
      )}
    </Stack>
  );
}
