import { Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Family, Student } from '../../../../shared/contracts/classes.js';
import { useChangeFamily } from '../../../api/classes.js';
import { StudentPicker } from './student-picker.js';

/** Props of StudentFamily. */
interface StudentFamilyProps {
  student: Student;
  family: Family | null;
}

/** The student's family (siblings share family subscriptions): create, add a member, leave. */
export function StudentFamily({ student, family }: StudentFamilyProps) {
  const { t } = useTranslation();
  const change = useChangeFamily();
  const [name, setName] = useState('');
  const [member, setMember] = useState<string | null>(null);

  const handleCreate = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate({ kind: 'create', name: name.trim(), studentIds: [student.id] });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="student-family">
      <Title order={2} size="h3" id="student-family" mb="sm">
        {family
          ? t('classesConsole.family.named', { name: family.name })
          : t('classesConsole.family.title')}
      </Title>
      {family ? (
        <Stack gap="sm">
          <List>
            {family.members.map((other) => (
              <List.Item key={other.id}>
                {other.id === student.id ? (
                  <Text span fw={600}>
                    {other.fullName}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/console/students/${other.id}`}>
                    {other.fullName}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
          <Group align="flex-end" gap="sm">
            <div style={{ flex: '1 1 220px' }}>
              <StudentPicker
                label={t('classesConsole.family.addMember')}
                value={member}
                onChange={setMember}
                exclude={family.members.map((other) => other.id)}
              />
            </div>
            <Button
              variant="default"
              disabled={!member}
              loading={change.isPending && change.variables.kind === 'add'}
              onClick={() => {
                if (!member) return;
                change.mutate(
                  { kind: 'add', familyId: family.id, studentId: member },
                  {
                    onSuccess: () => {
                      setMember(null);
                    },
                  },
                );
              }}
            >
              {t('classesConsole.family.add')}
            </Button>
          </Group>
          <Group>
            <Button
              variant="subtle"
              color="red"
              onClick={() => {
                change.mutate({ kind: 'remove', familyId: family.id, studentId: student.id });
              }}
            >
              {t('classesConsole.family.leave')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={handleCreate}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('classesConsole.family.none')}
          </Text>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('classesConsole.family.name')}
              placeholder={t('classesConsole.family.namePlaceholder')}
              required
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
              }}
              style={{ flex: '1 1 200px' }}
            />
            <Button type="submit" variant="default" loading={change.isPending}>
              {t('classesConsole.family.create')}
            </Button>
          </Group>
        </form>
      )}
      {change.error && (
        <Text c="red" size="sm" role="alert" mt="xs">
          {change.error.message}
        </Text>
      )}
    </Paper>
  );
}
