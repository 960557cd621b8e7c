import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../../../api/classes.js';
import { useAddExtraLesson } from '../../../api/classes-schedule.js';

/** Props of ExtraLessonDialog. */
interface ExtraLessonDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The day the dialog starts with. */
  day: string;
  timeZone: string;
}

/** Adds a single extra lesson to a group. */
export function ExtraLessonDialog({
  opened,
  onClose,
  day: initialDay,
  timeZone,
}: ExtraLessonDialogProps) {
  const { t } = useTranslation();
  const groups = useGroups();
  const add = useAddExtraLesson();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [day, setDay] = useState(initialDay);
  const [time, setTime] = useState('18:00');
  const [duration, setDuration] = useState<number | string>('');
  const [topic, setTopic] = useState('');
  // One id per attempt: a double click adds one lesson, not two.
  const [attemptId, setAttemptId] = useState(() => crypto.randomUUID());
  const close = () => {
    add.reset();
    onClose();
  };
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!groupId) return;
    add.mutate(
      {
        id: attemptId,
        groupId,
        day,
        startTime: time,
        ...(duration ? { durationMinutes: Number(duration) } : {}),
        ...(topic.trim() ? { topic: topic.trim() } : {}),
      },
      {
        onSuccess: () => {
          setAttemptId(crypto.randomUUID());
          setTopic('');
          close();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={t('classesConsole.schedule.extra')}>
      <form onSubmit={handleSubmit}>
        <Stack gap="sm">
          <Text size="sm">{t('classesConsole.lesson.timeZone', { zone: timeZone })}</Text>
          <Select
            label={t('classesConsole.enrollments.group')}
            required
            searchable
            data-autofocus
            data={(groups.data?.groups ?? []).map((group) => ({
              value: group.id,
              label: `${group.name} · ${group.courseName}`,
            }))}
            value={groupId}
            onChange={setGroupId}
          />
          <TextInput
            label={t('classesConsole.lesson.day')}
            type="date"
            required
            value={day}
            onChange={(event) => {
              setDay(event.currentTarget.value);
            }}
          />
          <TextInput
            label={t('classesConsole.lesson.time')}
            type="time"
            required
            value={time}
            onChange={(event) => {
              setTime(event.currentTarget.value);
            }}
          />
          <NumberInput
            label={t('classesConsole.rules.durationMinutes')}
            description={t('classesConsole.schedule.durationHint')}
            min={5}
            max={1440}
            allowDecimal={false}
            value={duration}
            onChange={setDuration}
          />
          <TextInput
            label={t('classesConsole.lesson.topic')}
            value={topic}
            onChange={(event) => {
              setTopic(event.currentTarget.value);
            }}
          />
          {add.error && (
            <Text c="red" size="sm" role="alert">
              {add.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('classesConsole.form.cancel')}
            </Button>
            <Button type="submit" disabled={!groupId} loading={add.isPending}>
              {t('classesConsole.schedule.addExtra')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
