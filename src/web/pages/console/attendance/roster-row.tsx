import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  type RosterStudent,
} from '../../../../shared/contracts/attendance.js';
import { formatMoney } from '../../../../shared/money.js';

/** A student's mark as edited on the page, before it is saved. */
export interface MarkDraft {
  status: AttendanceStatus | null;
  note: string;
  makeupForVisitId: string | null;
}

/** The saved mark of a roster line, in the draft's shape. */
export function savedDraft(student: RosterStudent): MarkDraft {
  return {
    status: student.status,
    note: student.note ?? '',
    makeupForVisitId: student.makeupForVisitId,
  };
}

/** Whether the draft differs from what is saved (and so goes into the next request). */
export function isDirty(student: RosterStudent, draft: MarkDraft): boolean {
  const saved = savedDraft(student);
  return (
    draft.status !== null &&
    (draft.status !== saved.status ||
      draft.note.trim() !== saved.note ||
      (draft.status === 'makeup' ? draft.makeupForVisitId : null) !== saved.makeupForVisitId)
  );
}

const ABSENCES: (AttendanceStatus | null)[] = ['absent_excused', 'absent_unexcused'];

/**
 * One student: a big «Был» button (one tap), a compact select for the other marks, a note for
 * absences, the missed lesson a make-up is for, and the saved charge's explanation.
 */
export function RosterRow({
  student,
  draft,
  disabled,
  onChange,
}: {
  student: RosterStudent;
  draft: MarkDraft;
  disabled: boolean;
  onChange: (draft: MarkDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = student.fullName;
  const present = draft.status === 'present';
  const dirty = isDirty(student, draft);
  const set = (patch: Partial<MarkDraft>) => {
    onChange({ ...draft, ...patch });
  };
  const options = [
    { value: '', label: t('attendance.otherStatus') },
    ...ATTENDANCE_STATUSES.filter((status) => status !== 'present').map((status) => ({
      value: status,
      label: t(`attendance.statusShort.${status}`),
    })),
  ];
  return (
    <Paper withBorder p="sm" component="li" aria-label={name} data-student={student.studentId}>
      <Stack gap={8}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
            {!student.enrolled && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({t('attendance.notEnrolled')})
              </Text>
            )}
          </Text>
          {dirty && (
            <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
              {t('attendance.unsaved')}
            </Badge>
          )}
        </Group>
        <Group gap={8} wrap="nowrap">
          <Button
            size="lg"
            color="green"
            variant={present ? 'filled' : 'default'}
            aria-pressed={present}
            aria-label={t('attendance.presentLabel', { name })}
            disabled={disabled}
            onClick={() => {
              // Tapping «Был» again undoes a mark that was never saved.
              const undo = present && student.status === null;
              set({ status: undo ? null : 'present' });
            }}
            px={8}
            style={{ minHeight: 48, flex: '0 0 108px' }}
          >
            {present ? `✓ ${t('attendance.present')}` : t('attendance.present')}
          </Button>
          <NativeSelect
            size="lg"
            aria-label={t('attendance.otherStatusLabel', { name })}
            disabled={disabled}
            data={options}
            value={draft.status && draft.status !== 'present' ? draft.status : ''}
            onChange={(event) => {
              const value = event.currentTarget.value as AttendanceStatus | '';
              set({ status: value === '' ? (student.status ?? null) : value });
            }}
            style={{ flex: 1, minWidth: 0 }}
            styles={{ input: { minHeight: 48, fontSize: 14, paddingInlineStart: 10 } }}
          />
        </Group>
        {ABSENCES.includes(draft.status) && (
          <TextInput
            size="md"
            placeholder={t('attendance.note')}
            aria-label={t('attendance.noteLabel', { name })}
            maxLength={500}
            disabled={disabled}
            value={draft.note}
            onChange={(event) => {
              set({ note: event.currentTarget.value });
            }}
          />
        )}
        {draft.status === 'makeup' && student.missedVisits.length > 0 && (
          <NativeSelect
            size="md"
            aria-label={t('attendance.makeupForLabel', { name })}
            disabled={disabled}
            data={[
              { value: '', label: t('attendance.makeupNone') },
              ...student.missedVisits.map((visit) => ({
                value: visit.visitId,
                label: `${new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short' }).format(new Date(visit.lessonStartsAt))} · ${visit.groupName}`,
              })),
            ]}
            value={draft.makeupForVisitId ?? ''}
            onChange={(event) => {
              set({ makeupForVisitId: event.currentTarget.value || null });
            }}
          />
        )}
        <ChargeLine student={student} />
      </Stack>
    </Paper>
  );
}

/** The saved mark's charge in one sentence, or «Не отмечен». */
function ChargeLine({ student }: { student: RosterStudent }) {
  const { t, i18n } = useTranslation();
  if (!student.status) {
    return (
      <Text size="sm" c="dimmed">
        {t('attendance.notMarked')}
      </Text>
    );
  }
  const { charge } = student;
  const details = [
    charge && charge.amountKopecks > 0
      ? t('attendance.amount', {
          amount: formatMoney(charge.amountKopecks, i18n.language === 'en' ? 'en' : 'ru'),
        })
      : null,
    student.markedByName ? t('attendance.markedBy', { name: student.markedByName }) : null,
  ].filter(Boolean);
  return (
    <Stack gap={0} data-testid="charge-explanation">
      <Text size="sm">{charge?.explanation ?? t(`attendance.status.${student.status}`)}</Text>
      {details.length > 0 && (
        <Text size="xs" c="dimmed">
          {details.join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
