import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, DayKind } from '../../../../shared/contracts/calendar.js';
import { useEditCalendarDay } from '../../../api/calendar.js';
import { currentLocale } from '../../../i18n/index.js';

const KINDS: DayKind[] = ['working', 'short', 'day_off'];

/** The dialog where an administrator sets what one day is, or restores the official calendar. */
export function DayEditor({ day, onClose }: { day: CalendarDay; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditCalendarDay();
  const [kind, setKind] = useState<DayKind>(day.kind);
  const [note, setNote] = useState(day.note ?? '');
  const title = new Intl.DateTimeFormat(currentLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day.date}T00:00:00Z`));
  const save = (change: { kind: DayKind; note: string | null } | null) => {
    edit.mutate({ date: day.date, edit: change }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="md">
        <Text size="sm">
          {t('calendar.official', { kind: t(`calendar.kind.${day.officialKind}`) })}
          {day.holiday ? ` — ${day.holiday}` : ''}
        </Text>
        {edit.isError && (
          <Alert color="red" variant="light" role="alert">
            {edit.error.message}
          </Alert>
        )}
        <Radio.Group
          label={t('calendar.kindLabel')}
          value={kind}
          onChange={(value) => {
            setKind(value);
          }}
        >
          <Stack gap="xs" mt="xs">
            {KINDS.map((option) => (
              <Radio key={option} value={option} label={t(`calendar.kind.${option}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('calendar.note')}
          description={t('calendar.noteHint')}
          maxLength={200}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
          }}
        />
        <Group justify="space-between">
          {day.edited ? (
            <Button
              variant="subtle"
              onClick={() => {
                save(null);
              }}
              loading={edit.isPending}
            >
              {t('calendar.reset')}
            </Button>
          ) : (
            <span />
          )}
          <Button
            onClick={() => {
              save({ kind, note: note.trim() || null });
            }}
            loading={edit.isPending}
          >
            {t('calendar.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
