import { Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../../../shared/contracts/classes.js';
import { useChangeLesson } from '../../../api/classes-schedule.js';
import { dayIn, formatTime } from './classes-format.js';

/** Props of LessonActions. */
interface LessonActionsProps {
  lesson: Lesson;
  timeZone: string;
  /** What the lesson is called to a screen reader («Рисование, вт 24 ноя 18:00»). */
  label: string;
}

/** Cancel (with a note), restore, or move one lesson. */
export function LessonActions({ lesson, timeZone, label }: LessonActionsProps) {
  const { t } = useTranslation();
  const change = useChangeLesson(lesson.id);
  const [cancelling, cancel] = useDisclosure(false);
  const [moving, move] = useDisclosure(false);
  const [note, setNote] = useState('');
  const [day, setDay] = useState(dayIn(lesson.startsAt, timeZone));
  const [time, setTime] = useState(formatTime(lesson.startsAt, timeZone, 'ru'));

  const submitCancel = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate(
      { kind: 'cancel', ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: cancel.close },
    );
  };
  const submitMove = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate({ kind: 'move', day, startTime: time }, { onSuccess: move.close });
  };
  const errorText = change.error && (
    <Text c="red" size="sm" role="alert">
      {change.error.message}
    </Text>
  );

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="subtle"
            aria-label={t('classesConsole.lesson.actionsFor', { label })}
          >
            {t('classesConsole.lesson.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {lesson.status === 'scheduled' ? (
            <>
              <Menu.Item
                onClick={() => {
                  change.reset();
                  cancel.open();
                }}
              >
                {t('classesConsole.lesson.cancel')}
              </Menu.Item>
              <Menu.Item
                onClick={() => {
                  change.reset();
                  move.open();
                }}
              >
                {t('classesConsole.lesson.move')}
              </Menu.Item>
            </>
          ) : (
            <Menu.Item
              onClick={() => {
                change.mutate({ kind: 'restore' });
              }}
            >
              {t('classesConsole.lesson.restore')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={cancelling}
        onClose={cancel.close}
        title={t('classesConsole.lesson.cancelTitle', { label })}
      >
        <form onSubmit={submitCancel}>
          <Stack gap="sm">
            <Text size="sm">{t('classesConsole.lesson.cancelExplain')}</Text>
            <TextInput
              label={t('classesConsole.lesson.cancelNote')}
              data-autofocus
              value={note}
              onChange={(event) => {
                setNote(event.currentTarget.value);
              }}
            />
            {errorText}
            <Group justify="flex-end">
              <Button variant="default" onClick={cancel.close}>
                {t('classesConsole.form.back')}
              </Button>
              <Button type="submit" color="red" loading={change.isPending}>
                {t('classesConsole.lesson.cancelConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal
        opened={moving}
        onClose={move.close}
        title={t('classesConsole.lesson.moveTitle', { label })}
      >
        <form onSubmit={submitMove}>
          <Stack gap="sm">
            <Text size="sm">{t('classesConsole.lesson.timeZone', { zone: timeZone })}</Text>
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
            {errorText}
            <Group justify="flex-end">
              <Button variant="default" onClick={move.close}>
                {t('classesConsole.form.back')}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {t('classesConsole.lesson.moveConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
