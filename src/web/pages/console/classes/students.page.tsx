import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateStudent, useStudents } from '../../../api/classes.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { money } from './classes-format.js';
import { StudentForm } from './student-form.js';

/** Console → Ученики: find by name (typos forgiven), email or phone; add a student. */
export function StudentsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('classesConsole.students.title'));
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 300);
  const [page, setPage] = useState(1);
  const students = useStudents(debounced, page);
  const create = useCreateStudent();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('classesConsole.students.title')}</Title>
        <Button
          onClick={() => {
            create.reset();
            open();
          }}
        >
          {t('classesConsole.students.add')}
        </Button>
      </Group>
      <TextInput
        label={t('classesConsole.students.search')}
        description={t('classesConsole.students.searchHint')}
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setPage(1);
        }}
        maw={480}
      />
      {!students.data ? (
        <QueryState query={students} />
      ) : students.data.students.length === 0 ? (
        <Text c="dimmed">
          {debounced.trim()
            ? t('classesConsole.students.notFound')
            : t('classesConsole.students.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('classesConsole.student.fullName')}</Table.Th>
                  <Table.Th>{t('classesConsole.student.family')}</Table.Th>
                  <Table.Th>{t('classesConsole.student.contacts')}</Table.Th>
                  <Table.Th>{t('classesConsole.student.balance')}</Table.Th>
                  <Table.Th>{t('classesConsole.student.debt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {students.data.students.map((student) => (
                  <Table.Tr key={student.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor component={Link} to={`/console/students/${student.id}`}>
                          {student.fullName}
                        </Anchor>
                        {!student.cabinetAccess && (
                          <Badge color="gray" variant="light">
                            {t('classesConsole.student.hidden')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{student.familyName ?? '—'}</Table.Td>
                    <Table.Td>{student.email ?? student.phone ?? '—'}</Table.Td>
                    <Table.Td>{money(student.balanceKopecks, i18n.language)}</Table.Td>
                    <Table.Td>
                      {student.debtLessons > 0
                        ? t('classesConsole.student.debtLessons', { count: student.debtLessons })
                        : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {(page > 1 || students.data.hasMore) && (
            <Group>
              <Button
                variant="default"
                disabled={page === 1}
                onClick={() => {
                  setPage(page - 1);
                }}
              >
                {t('classesConsole.pager.previous')}
              </Button>
              <Button
                variant="default"
                disabled={!students.data.hasMore}
                onClick={() => {
                  setPage(page + 1);
                }}
              >
                {t('classesConsole.pager.next')}
              </Button>
            </Group>
          )}
        </>
      )}
      <Modal opened={opened} onClose={close} title={t('classesConsole.students.add')}>
        <StudentForm
          pending={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(body) => {
            create.mutate(body, {
              onSuccess: (student) => {
                close();
                void navigate(`/console/students/${student.id}`);
              },
            });
          }}
        />
      </Modal>
    </Stack>
  );
}
