import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EndingSubscription } from '../../../shared/contracts/cabinet.js';
import { formatDay } from './cabinet-format.js';

/** Props of EndingSubscriptionsBlock. */
interface EndingBlockProps {
  lines: EndingSubscription[];
}

/** How much is left of one ending subscription: lessons, days, the last day. */
function EndingLine({ line }: { line: EndingSubscription }) {
  const { t, i18n } = useTranslation();
  const lessons =
    line.lessonsLeft === null
      ? t('cabinet.ending.unlimited')
      : line.lessonsLeft === 0
        ? t('cabinet.ending.noLessonsLeft')
        : t('cabinet.ending.lessonsLeft', { count: line.lessonsLeft });
  const days =
    line.daysLeft === 0
      ? t('cabinet.ending.lastDayToday')
      : t('cabinet.ending.until', {
          date: formatDay(line.endsOn, i18n.language),
          days: t('cabinet.ending.daysLeft', { count: line.daysLeft }),
        });
  return (
    <li>
      <Text fw={600}>
        {t('cabinet.ending.subscription', { number: line.number, name: line.name })}
      </Text>
      <Text size="sm">
        <Text
          span
          fw={line.fewLessonsLeft ? 600 : undefined}
          c={line.fewLessonsLeft ? 'orange.9' : undefined}
        >
          {lessons}
        </Text>
        {' · '}
        <Text
          span
          fw={line.fewDaysLeft ? 600 : undefined}
          c={line.fewDaysLeft ? 'orange.9' : undefined}
        >
          {days}
        </Text>
      </Text>
    </li>
  );
}

/** «Заканчиваются абонементы»: few lessons or few days left (thresholds of the centre). */
export function EndingSubscriptionsBlock({ lines }: EndingBlockProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ending-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="ending-heading">
          {t('cabinet.ending.title')}
        </Title>
        {lines.length === 0 ? (
          <Text c="dimmed">{t('cabinet.ending.none')}</Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {lines.map((line) => (
              <EndingLine key={line.id} line={line} />
            ))}
          </Stack>
        )}
        <Anchor component={Link} to="/cabinet/subscriptions" size="sm">
          {t('cabinet.ending.allSubscriptions')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
