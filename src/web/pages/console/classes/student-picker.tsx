import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudents } from '../../../api/classes.js';

/** Props of StudentPicker. */
interface StudentPickerProps {
  label: string;
  value: string | null;
  onChange: (studentId: string | null) => void;
  /** Students not to offer (the student itself, members already in). */
  exclude?: readonly string[];
  error?: string | undefined;
}

/** Picks a student by typing part of the name; the server searches (typos forgiven). */
export function StudentPicker({ label, value, onChange, exclude = [], error }: StudentPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const students = useStudents(debounced);
  const options = (students.data?.students ?? [])
    .filter((student) => !exclude.includes(student.id))
    .map((student) => ({
      value: student.id,
      label: student.email ? `${student.fullName} (${student.email})` : student.fullName,
    }));
  return (
    <Select
      label={label}
      placeholder={t('classesConsole.picker.typeName')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the text; filtering again would drop typo-tolerant hits.
      filter={({ options: all }) => all}
      data={options}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t('classesConsole.picker.nothing')}
      error={error}
    />
  );
}
