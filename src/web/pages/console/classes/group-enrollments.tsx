import { Anchor, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group as GroupData } from '../../../../shared/contracts/classes.js';
import { useCreateEnrollment, useGroupEnrollments } from '../../../api/classes.js';
import { QueryState } from '../../../components/query-state.js';
import { today } from './classes-format.js';
import { enrollmentPayment, enrollmentPeriod } from './enrollment-text.js';
import { StudentPicker } from './student-picker.js';

/** The students of a group; enrol one more. */
export function GroupEnrollments({ group }: { group: GroupData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const enrollments = useGroupEnrollments(group.id);
  const create = useCreateEnrollment();
  const [studentId, setStudentId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(today());
  // One id per attempt: a double click never enrols (and charges a fee) twice.
  const [attemptId, setAttemptId] = useState(() => crypto.randomUUID());

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!studentId) return;
    create.mutate(
      { id: attemptId, studentId, groupId: group.id, startsOn },
      {
        onSuccess: () => {
          setStudentId(null);
          setAttemptId(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="group-enrollments">
      <Title order={2} size="h3" id="group-enrollments" mb="sm">
        {t('classesConsole.groups.enrolled')}
      </Title>
      {!enrollments.data ? (
        <QueryState query={enrollments} />
      ) : enrollments.data.enrollments.length === 0 ? (
        <Text c="dimmed">{t('classesConsole.groups.noStudents')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classesConsole.student.fullName')}</Table.Th>
                <Table.Th>{t('classesConsole.enrollments.dates')}</Table.Th>
                <Table.Th>{t('classesConsole.enrollments.payment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrollments.data.enrollments.map((enrollment) => (
                <Table.Tr key={enrollment.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/students/${enrollment.studentId}`}>
                      {enrollment.studentName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{enrollmentPeriod(enrollment, t, language)}</Table.Td>
                  <Table.Td>{enrollmentPayment(enrollment, t, language, '—')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={handleSubmit}>
        <Group align="flex-end" gap="sm" mt="sm">
          <div style={{ flex: '1 1 240px' }}>
            <StudentPicker
              label={t('classesConsole.groups.enrolStudent')}
              value={studentId}
              onChange={setStudentId}
            />
          </div>
          <TextInput
            label={t('classesConsole.enrollments.startsOn')}
            type="date"
            required
            value={startsOn}
            onChange={(event) => {
              setStartsOn(event.currentTarget.value);
            }}
          />
          <Button type="submit" disabled={!studentId} loading={create.isPending}>
            {t('classesConsole.enrollments.enrol')}
          </Button>
        </Group>
        {create.error && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {create.error.message}
          </Text>
        )}
      </form>
    </Paper>
  );
}
