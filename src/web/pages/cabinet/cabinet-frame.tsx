import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyStudent } from '../../../shared/contracts/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { StudentSelector } from './student-selector.js';
import { useSelectedStudent } from './use-selected-student.js';

/** Props of CabinetFrame. */
interface CabinetFrameProps {
  title: string;
  /** The page's content for the chosen student. */
  children: (student: MyStudent, timeZone: string) => ReactNode;
}

/**
 * Every cabinet page: its title, the student selector at the top, and the content for the
 * chosen student; an account that sees no students is told why the pages are empty.
 */
export function CabinetFrame({ title, children }: CabinetFrameProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  const { students, student, select, query, timeZone } = useSelectedStudent();
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      {!students ? (
        <QueryState query={query} />
      ) : !student ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            <Text>{t('cabinet.noStudents')}</Text>
            <Button component={Link} to="/" variant="light">
              {t('errors.toHome')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <>
          <StudentSelector students={students} selectedId={student.id} onSelect={select} />
          {students.length === 1 && (
            <Text size="lg" fw={500}>
              {student.fullName}
            </Text>
          )}
          {children(student, timeZone)}
        </>
      )}
    </Stack>
  );
}
