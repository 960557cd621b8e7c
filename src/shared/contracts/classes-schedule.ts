import { z } from 'zod';
import { ZIsoDay } from './calendar.js';

/**
 * Staff API of the schedule: weekly rules and materialized lessons. Local dates and times are
 * in the organization's time zone (`timeZone` in the answers that list lessons).
 */

const ZDateTime = z.iso.datetime({ offset: true });

/** A local wall-clock time `HH:MM`. */
export const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** 1 = Monday … 7 = Sunday (ISO). */
export const ZWeekday = z.number().int().min(1).max(7);
const ZDuration = z
  .number()
  .int()
  .min(5)
  .max(24 * 60);

export const ZScheduleRule = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    weekday: ZWeekday,
    startTime: ZLocalTime,
    durationMinutes: z.number().int(),
    validFrom: ZIsoDay,
    /** Inclusive; null: until the group ends. */
    validTo: ZIsoDay.nullable(),
    roomId: z.uuid().nullable(),
    teacherId: z.uuid().nullable(),
  })
  .meta({ id: 'ClassesScheduleRule' });
export type ScheduleRule = z.infer<typeof ZScheduleRule>;

export const ZScheduleRuleInput = z
  .object({
    weekday: ZWeekday,
    startTime: ZLocalTime,
    durationMinutes: ZDuration,
    validFrom: ZIsoDay,
    validTo: ZIsoDay.nullable().optional(),
    roomId: z.uuid().nullable().optional(),
    teacherId: z.uuid().nullable().optional(),
  })
  .refine((rule) => !rule.validTo || rule.validTo >= rule.validFrom, {
    message: 'The rule ends before it begins',
    path: ['validTo'],
  });
export type ScheduleRuleInput = z.input<typeof ZScheduleRuleInput>;
export const ZScheduleRuleListResponse = z.object({ rules: z.array(ZScheduleRule) });

export const ZLessonStatus = z.enum(['scheduled', 'cancelled']);
export const ZLessonKind = z.enum(['regular', 'extra']);
/** `holiday`: a public holiday (its name in `cancelNote`); `staff`: cancelled by staff. */
export const ZCancelReason = z.enum(['holiday', 'staff']);

export const ZLesson = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    groupName: z.string(),
    courseName: z.string(),
    ruleId: z.uuid().nullable(),
    kind: ZLessonKind,
    startsAt: ZDateTime,
    endsAt: ZDateTime,
    /** Where the rule put it; differs from `startsAt` when the lesson was moved. */
    originalStartsAt: ZDateTime,
    moved: z.boolean(),
    status: ZLessonStatus,
    cancelReason: ZCancelReason.nullable(),
    cancelNote: z.string().nullable(),
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    teacherId: z.uuid().nullable(),
    teacherName: z.string().nullable(),
    topic: z.string().nullable(),
    /** Visits marked so far. */
    visitCount: z.number().int(),
  })
  .meta({ id: 'ClassesLesson' });
export type Lesson = z.infer<typeof ZLesson>;

export const ZLessonListQuery = z
  .object({
    /** First local day (inclusive). */
    from: ZIsoDay,
    /** Last local day (inclusive); at most 62 days after `from`. */
    to: ZIsoDay,
    groupId: z.uuid().optional(),
    teacherId: z.uuid().optional(),
  })
  .refine((query) => query.to >= query.from, { message: 'to before from', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 62 * 86_400_000, {
    message: 'At most 62 days',
    path: ['to'],
  });
export type LessonListQuery = z.input<typeof ZLessonListQuery>;

export const ZLessonListResponse = z.object({
  /** The organization's IANA time zone: show times in it, not the browser's. */
  timeZone: z.string(),
  lessons: z.array(ZLesson),
});
export type LessonListResponse = z.infer<typeof ZLessonListResponse>;

export const ZCancelLessonRequest = z.object({ note: z.string().trim().max(500).optional() });
export type CancelLessonRequest = z.input<typeof ZCancelLessonRequest>;

/** A new local day and time (organization's zone); the lesson keeps `originalStartsAt`. */
export const ZMoveLessonRequest = z.object({
  day: ZIsoDay,
  startTime: ZLocalTime,
  durationMinutes: ZDuration.optional(),
  roomId: z.uuid().nullable().optional(),
  teacherId: z.uuid().nullable().optional(),
});
export type MoveLessonRequest = z.input<typeof ZMoveLessonRequest>;

export const ZExtraLessonRequest = z.object({
  /** Client-generated id: a retried request returns the lesson it made. */
  id: z.uuid().optional(),
  day: ZIsoDay,
  startTime: ZLocalTime,
  durationMinutes: ZDuration.optional(),
  roomId: z.uuid().nullable().optional(),
  teacherId: z.uuid().nullable().optional(),
  topic: z.string().trim().max(500).nullable().optional(),
});
export type ExtraLessonRequest = z.input<typeof ZExtraLessonRequest>;

export const ZRuleParams = z.object({ id: z.uuid(), ruleId: z.uuid() });
