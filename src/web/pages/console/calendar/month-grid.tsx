import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/contracts/calendar.js';
import { currentLocale } from '../../../i18n/index.js';
import classes from './calendar.module.css';

interface MonthGridProps {
  month: number;
  days: CalendarDay[];
  onPick: (day: CalendarDay) => void;
  canEdit: boolean;
}

const dayNumber = (day: CalendarDay) => Number(day.date.slice(8));
// Monday first, as Russian calendars are printed.
const column = (day: CalendarDay) => (new Date(`${day.date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** One month of the production calendar as a week-by-week table; days are buttons for admins. */
export function MonthGrid({ month, days, onPick, canEdit }: MonthGridProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month, 1)),
  );
  const dateLabel = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const weekdays = Array.from({ length: 7 }, (_, index) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + index)), // 1 January 2024 was a Monday
    ),
  );
  const first = days[0];
  const cells: (CalendarDay | null)[] = [
    ...Array.from({ length: first ? column(first) : 0 }, () => null),
    ...days,
  ];
  const weeks: (CalendarDay | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  const headingId = `calendar-month-${String(month)}`;

  return (
    <Paper withBorder p="sm">
      <Text component="h3" id={headingId} fw={700} tt="capitalize" mb="xs">
        {monthName}
      </Text>
      <table className={classes.grid} aria-labelledby={headingId}>
        <thead>
          <tr>
            {weekdays.map((weekday) => (
              <th key={weekday} scope="col" abbr={weekday}>
                {weekday}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {Array.from({ length: 7 }, (_, slot) => {
                const day = week[slot];
                if (!day) return <td key={slot} />;
                const label = [
                  dateLabel.format(new Date(`${day.date}T00:00:00Z`)),
                  t(`calendar.kind.${day.kind}`),
                  day.holiday,
                  day.edited ? t('calendar.editedMark') : null,
                  day.note,
                ]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <td key={slot}>
                    <UnstyledButton
                      className={classes.day}
                      data-kind={day.kind}
                      data-edited={day.edited || undefined}
                      aria-label={label}
                      title={label}
                      disabled={!canEdit}
                      onClick={() => {
                        onPick(day);
                      }}
                    >
                      {dayNumber(day)}
                    </UnstyledButton>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}
