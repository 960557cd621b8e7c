import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateStudentRequest, Student } from '../../../../shared/contracts/classes.js';
import { ApiError } from '../../../api/client.js';
import { readFieldIssues } from '../../../components/form-errors.js';

type Field = 'fullName' | 'birthDate' | 'email' | 'phone' | 'note';

/** Props of StudentForm. */
interface StudentFormProps {
  /** The student being edited; undefined: a new one. */
  student?: Student;
  pending: boolean;
  /** The server's answer to the last submit, to show field errors. */
  error: Error | null;
  onSubmit: (body: CreateStudentRequest) => void;
  onCancel: () => void;
}

/** The contacts of a student: used to add one and to edit one. */
export function StudentForm({ student, pending, error, onSubmit, onCancel }: StudentFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    fullName: student?.fullName ?? '',
    birthDate: student?.birthDate ?? '',
    email: student?.email ?? '',
    phone: student?.phone ?? '',
    note: student?.note ?? '',
  });
  const issues = error instanceof ApiError ? readFieldIssues(error.details) : [];
  const fieldError = (field: Field) =>
    issues.some((issue) => issue.field === field) ? t('classesConsole.form.invalid') : undefined;
  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: fieldError(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [field]: value }));
    },
  });
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({
      fullName: values.fullName,
      birthDate: values.birthDate || null,
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
      note: values.note.trim() || null,
    });
  };
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('classesConsole.student.fullName')}
          required
          autoComplete="off"
          data-autofocus
          {...bind('fullName')}
        />
        <TextInput
          label={t('classesConsole.student.birthDate')}
          type="date"
          {...bind('birthDate')}
        />
        <TextInput
          label={t('classesConsole.student.email')}
          type="email"
          autoComplete="off"
          {...bind('email')}
        />
        <TextInput
          label={t('classesConsole.student.phone')}
          type="tel"
          autoComplete="off"
          {...bind('phone')}
        />
        <Textarea label={t('classesConsole.student.note')} autosize minRows={2} {...bind('note')} />
        {error && issues.length === 0 && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-text)' }}>
            {error.message}
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('classesConsole.form.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('classesConsole.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
