import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../../../shared/contracts/classes.js';

/** «Отменено: День народного единства», «Перенесено», «Дополнительное» — or nothing. */
export function LessonStatus({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  if (lesson.status === 'cancelled') {
    return (
      <Badge color={lesson.cancelReason === 'holiday' ? 'orange' : 'red'} variant="light">
        {lesson.cancelReason === 'holiday'
          ? t('classesConsole.lesson.holiday', { name: lesson.cancelNote ?? '' })
          : t('classesConsole.lesson.cancelled')}
      </Badge>
    );
  }
  if (lesson.moved) {
    return (
      <Badge color="blue" variant="light">
        {t('classesConsole.lesson.moved')}
      </Badge>
    );
  }
  if (lesson.kind === 'extra') {
    return (
      <Badge color="teal" variant="light">
        {t('classesConsole.lesson.extra')}
      </Badge>
    );
  }
  return null;
}
