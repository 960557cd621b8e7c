import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStudentCard, useUpdateStudent } from '../../../api/classes.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { formatDay, money } from './classes-format.js';
import { StudentAccounts } from './student-accounts.js';
import { StudentEnrollments } from './student-enrollments.js';
import { StudentFamily } from './student-family.js';
import { StudentForm } from './student-form.js';
import { StudentMerge } from './student-merge.js';

/** Console → a student's card: contacts, cabinet access, accounts, family, enrolments, merge. */
export function StudentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const card = useStudentCard(id);
  const update = useUpdateStudent(id);
  const [editing, edit] = useDisclosure(false);
  usePageTitle(card.data?.student.fullName ?? t('classesConsole.students.title'));
  if (!card.data) return <QueryState query={card} />;
  const { student, family, accounts, enrollments } = card.data;
  const language = i18n.language;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/console/students" size="sm">
        {t('classesConsole.students.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{student.fullName}</Title>
          {student.birthDate && (
            <Text c="dimmed">
              {t('classesConsole.student.born', { date: formatDay(student.birthDate, language) })}
            </Text>
          )}
        </Stack>
        <Group>
          <Button
            variant="default"
            onClick={() => {
              update.reset();
              edit.open();
            }}
          >
            {t('classesConsole.student.edit')}
          </Button>
          <Button component={Link} to={`/console/students/${student.id}/money`} variant="light">
            {t('classesConsole.student.money')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="student-contacts">
          <Title order={2} size="h3" id="student-contacts" mb="sm">
            {t('classesConsole.student.contacts')}
          </Title>
          <dl style={{ margin: 0 }}>
            <Text component="dt" size="sm" c="dimmed">
              {t('classesConsole.student.email')}
            </Text>
            <Text component="dd" ms={0} mb="xs">
              {student.email ?? '—'}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              {t('classesConsole.student.phone')}
            </Text>
            <Text component="dd" ms={0} mb="xs">
              {student.phone ?? '—'}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              {t('classesConsole.student.balance')}
            </Text>
            <Text component="dd" ms={0} mb="xs">
              {money(student.balanceKopecks, language)}
              {student.debtLessons > 0 && (
                <Badge color="red" variant="light" ms="sm">
                  {t('classesConsole.student.debtLessons', { count: student.debtLessons })}
                </Badge>
              )}
            </Text>
            {student.note && (
              <>
                <Text component="dt" size="sm" c="dimmed">
                  {t('classesConsole.student.note')}
                </Text>
                <Text component="dd" ms={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {student.note}
                </Text>
              </>
            )}
          </dl>
          <Switch
            mt="md"
            label={t('classesConsole.student.cabinetAccess')}
            description={t('classesConsole.student.cabinetAccessHint')}
            checked={student.cabinetAccess}
            disabled={update.isPending}
            onChange={(event) => {
              update.mutate({ cabinetAccess: event.currentTarget.checked });
            }}
          />
        </Paper>
        <StudentFamily student={student} family={family} />
      </SimpleGrid>

      <StudentAccounts studentId={student.id} studentName={student.fullName} accounts={accounts} />
      <StudentEnrollments studentId={student.id} enrollments={enrollments} />
      <StudentMerge student={student} />

      <Modal opened={editing} onClose={edit.close} title={t('classesConsole.student.edit')}>
        <StudentForm
          student={student}
          pending={update.isPending}
          error={update.error}
          onCancel={edit.close}
          onSubmit={(body) => {
            update.mutate(body, { onSuccess: edit.close });
          }}
        />
      </Modal>
    </Stack>
  );
}
