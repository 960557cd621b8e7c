import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Student } from '../../../../shared/contracts/classes.js';
import { useMergeStudents } from '../../../api/classes.js';
import { StudentPicker } from './student-picker.js';

/** Merging a duplicate card into this one (the duplicate disappears; nothing is lost). */
export function StudentMerge({ student }: { student: Student }) {
  const { t } = useTranslation();
  const merge = useMergeStudents(student.id);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [confirming, confirm] = useDisclosure(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="student-merge">
      <Title order={2} size="h3" id="student-merge" mb="xs">
        {t('classesConsole.merge.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('classesConsole.merge.explain', { name: student.fullName })}
      </Text>
      <Group align="flex-end" gap="sm">
        <div style={{ flex: '1 1 260px' }}>
          <StudentPicker
            label={t('classesConsole.merge.duplicate')}
            value={duplicate}
            onChange={setDuplicate}
            exclude={[student.id]}
          />
        </div>
        <Button
          variant="default"
          color="red"
          disabled={!duplicate}
          onClick={() => {
            merge.reset();
            confirm.open();
          }}
        >
          {t('classesConsole.merge.start')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={t('classesConsole.merge.confirmTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('classesConsole.merge.confirm', { name: student.fullName })}</Text>
          {merge.error && (
            <Text c="red" size="sm" role="alert">
              {merge.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('classesConsole.form.cancel')}
            </Button>
            <Button
              color="red"
              loading={merge.isPending}
              onClick={() => {
                if (!duplicate) return;
                merge.mutate(duplicate, {
                  onSuccess: () => {
                    setDuplicate(null);
                    confirm.close();
                  },
                });
              }}
            >
              {t('classesConsole.merge.do')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
