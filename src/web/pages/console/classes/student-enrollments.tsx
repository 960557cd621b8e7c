import { Anchor, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrollment } from '../../../../shared/contracts/classes.js';
import { useCreateEnrollment, useGroups, useUpdateEnrollment } from '../../../api/classes.js';
import { today } from './classes-format.js';
import { enrollmentPayment, enrollmentPeriod } from './enrollment-text.js';

/** Props of StudentEnrollments. */
interface StudentEnrollmentsProps {
  studentId: string;
  enrollments: Enrollment[];
}

/** The groups the student is enrolled in; enrol into another one, end an enrolment. */
export function StudentEnrollments({ studentId, enrollments }: StudentEnrollmentsProps) {
  const { t, i18n } = useTranslation();
  const groups = useGroups();
  const create = useCreateEnrollment();
  const update = useUpdateEnrollment();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(today());
  // One id per attempt: a double click or a retry never enrols (and charges a fee) twice.
  const [attemptId, setAttemptId] = useState(() => crypto.randomUUID());
  const language = i18n.language;

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!groupId) return;
    create.mutate(
      { id: attemptId, studentId, groupId, startsOn },
      {
        onSuccess: () => {
          setGroupId(null);
          setAttemptId(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="student-enrollments">
      <Title order={2} size="h3" id="student-enrollments" mb="sm">
        {t('classesConsole.enrollments.title')}
      </Title>
      {enrollments.length === 0 ? (
        <Text c="dimmed">{t('classesConsole.enrollments.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classesConsole.enrollments.group')}</Table.Th>
                <Table.Th>{t('classesConsole.enrollments.dates')}</Table.Th>
                <Table.Th>{t('classesConsole.enrollments.payment')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('classesConsole.accounts.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrollments.map((enrollment) => (
                <Table.Tr key={enrollment.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/groups/${enrollment.groupId}`}>
                      {enrollment.groupName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{enrollmentPeriod(enrollment, t, language)}</Table.Td>
                  <Table.Td>
                    {enrollmentPayment(
                      enrollment,
                      t,
                      language,
                      t('classesConsole.enrollments.perLesson'),
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!enrollment.endsOn && (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={update.isPending && update.variables.id === enrollment.id}
                        onClick={() => {
                          update.mutate({ id: enrollment.id, endsOn: today() });
                        }}
                        aria-label={t('classesConsole.enrollments.endNamed', {
                          group: enrollment.groupName,
                        })}
                      >
                        {t('classesConsole.enrollments.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={handleSubmit}>
        <Group align="flex-end" gap="sm" mt="sm">
          <Select
            label={t('classesConsole.enrollments.enrolInto')}
            searchable
            data={(groups.data?.groups ?? []).map((group) => ({
              value: group.id,
              label: `${group.name} · ${group.courseName}`,
            }))}
            value={groupId}
            onChange={setGroupId}
            style={{ flex: '1 1 240px' }}
          />
          <TextInput
            label={t('classesConsole.enrollments.startsOn')}
            type="date"
            required
            value={startsOn}
            onChange={(event) => {
              setStartsOn(event.currentTarget.value);
            }}
          />
          <Button type="submit" disabled={!groupId} loading={create.isPending}>
            {t('classesConsole.enrollments.enrol')}
          </Button>
        </Group>
        {(create.error ?? update.error) && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {(create.error ?? update.error)?.message}
          </Text>
        )}
      </form>
    </Paper>
  );
}
