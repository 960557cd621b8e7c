import { z } from 'zod';

/**
 * Staff API of attendance (docs/classes.md, «Attendance»): the day's lessons, a lesson's roster
 * with each student's status and the explanation of the live charge, and marking a whole group
 * in one request. Teachers see only the lessons of their groups (or lessons they teach).
 */

/** An instant as ISO 8601 with an offset. */
const ZInstant = z.iso.datetime({ offset: true });
/** A calendar date `YYYY-MM-DD` in the organization's time zone. */
const ZDay = z.iso.date();

export const ATTENDANCE_STATUSES = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'trial',
  'free',
  'makeup',
] as const;
/** `present` «Был»; `absent_excused` by a good reason; `makeup` for a missed lesson. */
export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof ZAttendanceStatus>;

export const ZAttendanceDayQuery = z.object({
  /** The local day; today in the organization's time zone when omitted. */
  date: ZDay.optional(),
});
export type AttendanceDayQuery = z.infer<typeof ZAttendanceDayQuery>;

export const ZLessonParams = z.object({ lessonId: z.uuid() });
export type LessonParams = z.infer<typeof ZLessonParams>;

/** One lesson of the day, as the attendance list shows it. */
export const ZAttendanceLesson = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    groupName: z.string(),
    courseName: z.string(),
    startsAt: ZInstant,
    endsAt: ZInstant,
    /** Local wall-clock `HH:MM` of the start and end in the organization's time zone. */
    startTime: z.string(),
    endTime: z.string(),
    /** The local date of the lesson. */
    date: ZDay,
    status: z.enum(['scheduled', 'cancelled']),
    /** `holiday` or `staff` for a cancelled lesson. */
    cancelReason: z.string().nullable(),
    roomName: z.string().nullable(),
    teacherName: z.string().nullable(),
    /** Students with a mark on this lesson. */
    markedCount: z.number().int(),
    /** Students enrolled in the group on the lesson's date. */
    enrolledCount: z.number().int(),
  })
  .meta({ id: 'AttendanceLesson' });
export type AttendanceLesson = z.infer<typeof ZAttendanceLesson>;

export const ZAttendanceDayResponse = z.object({
  date: ZDay,
  /** The organization's time zone the day and times are in. */
  timeZone: z.string(),
  lessons: z.array(ZAttendanceLesson),
});
export type AttendanceDayResponse = z.infer<typeof ZAttendanceDayResponse>;

/** The live charging decision of a visit, explained in one sentence. */
export const ZVisitCharge = z
  .object({
    outcome: z.enum(['subscription', 'debt', 'not_chargeable']),
    reason: z.string(),
    /** The value charged (kopecks, ≥ 0). */
    amountKopecks: z.number().int(),
    subscriptionNumber: z.number().int().nullable(),
    /** «Списано с абонемента №12 (8 занятий, до 31.12) — …», in the reader's language. */
    explanation: z.string(),
  })
  .meta({ id: 'AttendanceVisitCharge' });
export type VisitCharge = z.infer<typeof ZVisitCharge>;

/** A missed visit a make-up may refer to. */
export const ZMissedVisit = z.object({
  visitId: z.uuid(),
  lessonStartsAt: ZInstant,
  groupName: z.string(),
});
export type MissedVisit = z.infer<typeof ZMissedVisit>;

/** One student of a lesson's roster. */
export const ZRosterStudent = z
  .object({
    studentId: z.uuid(),
    fullName: z.string(),
    /** Enrolled in the group on the lesson's date (others appear because they were marked). */
    enrolled: z.boolean(),
    visitId: z.uuid().nullable(),
    /** Null: not marked yet. */
    status: ZAttendanceStatus.nullable(),
    note: z.string().nullable(),
    makeupForVisitId: z.uuid().nullable(),
    markedAt: ZInstant.nullable(),
    markedByName: z.string().nullable(),
    charge: ZVisitCharge.nullable(),
    /** The student's recent missed lessons not made up yet (for choosing a make-up). */
    missedVisits: z.array(ZMissedVisit),
  })
  .meta({ id: 'AttendanceRosterStudent' });
export type RosterStudent = z.infer<typeof ZRosterStudent>;

export const ZRosterResponse = z
  .object({
    lesson: ZAttendanceLesson,
    students: z.array(ZRosterStudent),
  })
  .meta({ id: 'AttendanceRoster' });
export type RosterResponse = z.infer<typeof ZRosterResponse>;

export const ZAttendanceMark = z.object({
  studentId: z.uuid(),
  status: ZAttendanceStatus,
  note: z.string().trim().max(500).nullable().optional(),
  /** For `makeup`: the missed visit it makes up for (ignored for other statuses). */
  makeupForVisitId: z.uuid().nullable().optional(),
});
export type AttendanceMark = z.infer<typeof ZAttendanceMark>;

/** Marks for a whole group; a student may appear once. Students left out keep their marks. */
export const ZMarkAttendanceRequest = z.object({
  marks: z
    .array(ZAttendanceMark)
    .min(1)
    .max(200)
    .refine(
      (marks) => new Set(marks.map((mark) => mark.studentId)).size === marks.length,
      'each student once',
    ),
});
export type MarkAttendanceRequest = z.input<typeof ZMarkAttendanceRequest>;

export const ZMarkAttendanceResponse = ZRosterResponse.extend({
  /** Marks that changed something (new, another status, note or make-up link). */
  changed: z.number().int(),
  /** Marks whose status changed, so charging ran again. */
  recharged: z.number().int(),
}).meta({ id: 'AttendanceMarkResult' });
export type MarkAttendanceResponse = z.infer<typeof ZMarkAttendanceResponse>;
