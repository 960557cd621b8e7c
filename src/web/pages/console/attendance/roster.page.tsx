import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RosterResponse, RosterStudent } from '../../../../shared/contracts/attendance.js';
import { useMarkAttendance, useRoster } from '../../../api/attendance.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { longDay } from './attendance-format.js';
import { isDirty, RosterRow, savedDraft, type MarkDraft } from './roster-row.js';

/**
 * Console → Посещаемость → a lesson: the roster for a teacher's phone. One tap marks «Был»,
 * other marks sit in a compact select; everything is saved in one request, and each student's
 * charge explanation appears once saved.
 */
export function RosterPage() {
  const { lessonId = '' } = useParams();
  const roster = useRoster(lessonId);
  const { t } = useTranslation();
  usePageTitle(t('attendance.title'));
  if (!roster.data) return <QueryState query={roster} />;
  return <Roster roster={roster.data} lessonId={lessonId} />;
}

function Roster({ roster, lessonId }: { roster: RosterResponse; lessonId: string }) {
  const { t, i18n } = useTranslation();
  const mark = useMarkAttendance(lessonId);
  // Only what the person changed; the rest shows the saved marks.
  const [drafts, setDrafts] = useState<Record<string, MarkDraft>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const { lesson, students } = roster;
  const cancelled = lesson.status === 'cancelled';
  const draftOf = (student: RosterStudent) => drafts[student.studentId] ?? savedDraft(student);
  const dirty = students.flatMap((student) => {
    const draft = draftOf(student);
    return draft.status !== null && isDirty(student, draft)
      ? [{ student, draft, status: draft.status }]
      : [];
  });
  const change = (studentId: string, draft: MarkDraft) => {
    setSaved(null);
    mark.reset();
    setDrafts((current) => ({ ...current, [studentId]: draft }));
  };
  const save = () => {
    mark.mutate(
      dirty.map(({ student, draft, status }) => ({
        studentId: student.studentId,
        status,
        note: draft.note.trim() || null,
        makeupForVisitId: status === 'makeup' ? draft.makeupForVisitId : null,
      })),
      {
        onSuccess: (result) => {
          setDrafts({});
          setSaved(result.changed);
        },
      },
    );
  };
  const unmarked = students.filter((student) => draftOf(student).status === null);
  return (
    <Stack gap="sm" maw={720} pb={96}>
      <Anchor component={Link} to={`/console/attendance?date=${lesson.date}`} size="sm">
        {t('attendance.backToDay')}
      </Anchor>
      <div>
        <Title order={1} size="h3">
          {lesson.groupName}
        </Title>
        <Text size="sm" c="dimmed">
          {longDay(lesson.date, i18n.language)}, {lesson.startTime}–{lesson.endTime}
          {[lesson.roomName, lesson.teacherName]
            .filter(Boolean)
            .map((part) => ` · ${String(part)}`)
            .join('')}
        </Text>
      </div>
      {cancelled && (
        <Alert color="red" variant="light" role="alert">
          {t('attendance.cancelledAlert')}
        </Alert>
      )}
      {students.length === 0 ? (
        <Text c="dimmed">{t('attendance.noStudents')}</Text>
      ) : (
        <>
          {!cancelled && unmarked.length > 0 && (
            <Button
              variant="light"
              color="green"
              size="md"
              onClick={() => {
                for (const student of unmarked) {
                  change(student.studentId, { ...draftOf(student), status: 'present' });
                }
              }}
            >
              {t('attendance.markAllPresent')}
            </Button>
          )}
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {students.map((student) => (
              <RosterRow
                key={student.studentId}
                student={student}
                draft={draftOf(student)}
                disabled={cancelled || mark.isPending}
                onChange={(draft) => {
                  change(student.studentId, draft);
                }}
              />
            ))}
          </Stack>
        </>
      )}
      {!cancelled && students.length > 0 && (
        <Paper
          withBorder
          shadow="md"
          p="sm"
          pos="sticky"
          bottom={0}
          style={{ zIndex: 2 }}
          aria-live="polite"
        >
          <Stack gap={6}>
            {mark.isError && (
              <Text c="red" size="sm" role="alert">
                {mark.error.message}
              </Text>
            )}
            {saved !== null && dirty.length === 0 && (
              <Text c="green.8" size="sm" fw={600} role="status">
                {saved > 0 ? t('attendance.saved', { count: saved }) : t('attendance.savedNothing')}
              </Text>
            )}
            <Group grow>
              <Button
                size="lg"
                disabled={dirty.length === 0}
                loading={mark.isPending}
                onClick={save}
              >
                {dirty.length === 0
                  ? t('attendance.nothingToSave')
                  : t('attendance.saveCount', { count: dirty.length })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
