import { Anchor, Divider, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardResponse, MyStudent } from '../../../shared/contracts/cabinet.js';
import { useDashboard } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { BalanceBlock } from './balance-block.js';
import { EndingSubscriptionsBlock } from './ending-block.js';
import { LessonItem } from './lesson-item.js';
import { PaymentsDueBlock } from './payments-due-block.js';
import { StudentSelector } from './student-selector.js';
import { useSelectedStudent } from './use-selected-student.js';

/** How many upcoming lessons the home page lists before «Всё расписание». */
const HOME_LESSONS = 5;

function UpcomingBlock({ dashboard }: { dashboard: DashboardResponse }) {
  const { t } = useTranslation();
  const lessons = dashboard.upcomingLessons.slice(0, HOME_LESSONS);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="upcoming-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="upcoming-heading">
          {t('cabinet.upcoming.title')}
        </Title>
        {lessons.length === 0 ? (
          <Text c="dimmed">{t('cabinet.upcoming.none')}</Text>
        ) : (
          <Stack gap="sm">
            {lessons.map((lesson, index) => (
              <Stack key={lesson.id} gap="sm">
                {index > 0 && <Divider />}
                <LessonItem lesson={lesson} timeZone={dashboard.timeZone} withDay />
              </Stack>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to="/cabinet/schedule" size="sm">
          {t('cabinet.upcoming.all')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** The home of one student: what is owed, what is ending, the balance, the next lessons. */
function StudentHome({ student }: { student: MyStudent }) {
  const dashboard = useDashboard(student.id);
  if (!dashboard.data) return <QueryState query={dashboard} />;
  const data = dashboard.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <PaymentsDueBlock studentId={student.id} lines={data.paymentsDue} />
      <EndingSubscriptionsBlock lines={data.endingSubscriptions} />
      <BalanceBlock studentId={student.id} balance={data.balance} />
      <UpcomingBlock dashboard={data} />
    </SimpleGrid>
  );
}

/**
 * The cabinet part of the home page for an account that sees students: the selector (the
 * choice is remembered), then the chosen student's blocks.
 */
export function CabinetHome() {
  const { t } = useTranslation();
  const { students, student, select, query } = useSelectedStudent();
  if (!students) return <QueryState query={query} />;
  if (!student) return null;
  return (
    <Stack gap="md" w="100%">
      <StudentSelector students={students} selectedId={student.id} onSelect={select} />
      {students.length === 1 && (
        <Text size="lg" fw={600}>
          {t('cabinet.home.studentHeading', { name: student.fullName })}
        </Text>
      )}
      {/* Keyed by student: a purchase notice or an open dialog never carries over. */}
      <StudentHome key={student.id} student={student} />
    </Stack>
  );
}
