import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyStudent } from '../../../shared/contracts/cabinet.js';

/** Props of StudentSelector. */
interface StudentSelectorProps {
  students: MyStudent[];
  selectedId: string;
  onSelect: (id: string) => void;
}

/**
 * Which child (or which of the learner's contacts) the page is about. A few students are
 * one-tap buttons (a radio group); many become a list. One student needs no choice.
 */
export function StudentSelector({ students, selectedId, onSelect }: StudentSelectorProps) {
  const { t } = useTranslation();
  if (students.length < 2) return null;
  const data = students.map((student) => ({ value: student.id, label: student.fullName }));
  if (students.length > 3) {
    return (
      <Select
        label={t('cabinet.selector.label')}
        data={data}
        value={selectedId}
        onChange={(value) => {
          if (value) onSelect(value);
        }}
        allowDeselect={false}
        maw={420}
      />
    );
  }
  return (
    <Stack gap={4}>
      <Text id="cabinet-student-label" size="sm" fw={500}>
        {t('cabinet.selector.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="cabinet-student-label"
        data={data}
        value={selectedId}
        onChange={onSelect}
        fullWidth
        maw={560}
      />
    </Stack>
  );
}
