import { z } from 'zod';
import { ZIsoDay } from './calendar.js';

/**
 * Staff API of the centre's structure (docs/classes.md): branches, rooms, teachers, courses,
 * groups, enrolments and the classes settings. Re-exported by `classes.ts`.
 */

const ZName = z.string().trim().min(1).max(200);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** An amount of money in kopecks (never a float of roubles). */
export const ZKopecks = z.number().int().min(0).max(2_000_000_000);

// ── Branches, rooms, teachers, courses ───────────────────────────────────────

export const ZBranch = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  archived: z.boolean(),
});
export type Branch = z.infer<typeof ZBranch>;
export const ZBranchInput = z.object({
  name: ZName,
  address: ZOptionalText(500),
  archived: z.boolean().optional(),
});
export type BranchInput = z.input<typeof ZBranchInput>;

export const ZRoom = z.object({
  id: z.uuid(),
  branchId: z.uuid(),
  name: z.string(),
  capacity: z.number().int().nullable(),
  archived: z.boolean(),
});
export type Room = z.infer<typeof ZRoom>;
export const ZRoomInput = z.object({
  branchId: z.uuid(),
  name: ZName,
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  archived: z.boolean().optional(),
});
export type RoomInput = z.input<typeof ZRoomInput>;

export const ZTeacher = z.object({
  id: z.uuid(),
  fullName: z.string(),
  /** The staff account (role `teacher`) that marks attendance of this teacher's groups. */
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  phone: z.string().nullable(),
  archived: z.boolean(),
});
export type Teacher = z.infer<typeof ZTeacher>;
export const ZTeacherInput = z.object({
  fullName: ZName,
  userId: z.uuid().nullable().optional(),
  phone: ZOptionalText(40),
  archived: z.boolean().optional(),
});
export type TeacherInput = z.input<typeof ZTeacherInput>;

export const ZCourse = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  archived: z.boolean(),
});
export type Course = z.infer<typeof ZCourse>;
export const ZCourseInput = z.object({
  name: ZName,
  description: ZOptionalText(2000),
  archived: z.boolean().optional(),
});
export type CourseInput = z.input<typeof ZCourseInput>;

export const ZCatalogResponse = z.object({
  branches: z.array(ZBranch),
  rooms: z.array(ZRoom),
  teachers: z.array(ZTeacher),
  courses: z.array(ZCourse),
});
export type CatalogResponse = z.infer<typeof ZCatalogResponse>;

// ── Groups and enrolments ────────────────────────────────────────────────────

export const ZGroupPaymentMode = z.enum(['per_lesson', 'one_time_fee']);
export type GroupPaymentMode = z.infer<typeof ZGroupPaymentMode>;

const groupFields = {
  courseId: z.uuid(),
  name: ZName,
  branchId: z.uuid().nullable().optional(),
  roomId: z.uuid().nullable().optional(),
  teacherId: z.uuid().nullable().optional(),
  paymentMode: ZGroupPaymentMode.default('per_lesson'),
  /** The price of one lesson, shown for lessons in debt. */
  lessonPriceKopecks: ZKopecks.nullable().optional(),
  /** The enrolment price of a one-time-fee group (required for that mode). */
  feeKopecks: ZKopecks.nullable().optional(),
  lessonMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  startsOn: ZIsoDay.nullable().optional(),
  endsOn: ZIsoDay.nullable().optional(),
  /** An absence without a good reason uses a lesson. */
  chargeUnexcusedAbsence: z.boolean().default(true),
  /** An absence with a good reason uses a lesson when above 0, at this % of its value. */
  excusedAbsenceChargePercent: z.number().int().min(0).max(100).default(0),
  /** Regular lessons on public holidays are created cancelled. */
  skipHolidays: z.boolean().default(true),
  archived: z.boolean().optional(),
};

export const ZGroupInput = z
  .object(groupFields)
  .refine((group) => group.paymentMode !== 'one_time_fee' || (group.feeKopecks ?? 0) > 0, {
    message: 'A one-time-fee group needs its fee',
    path: ['feeKopecks'],
  });
export type GroupInput = z.input<typeof ZGroupInput>;

export const ZGroup = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    courseName: z.string(),
    name: z.string(),
    branchId: z.uuid().nullable(),
    roomId: z.uuid().nullable(),
    teacherId: z.uuid().nullable(),
    teacherName: z.string().nullable(),
    paymentMode: ZGroupPaymentMode,
    lessonPriceKopecks: z.number().int().nullable(),
    feeKopecks: z.number().int().nullable(),
    lessonMinutes: z.number().int(),
    capacity: z.number().int().nullable(),
    startsOn: ZIsoDay.nullable(),
    endsOn: ZIsoDay.nullable(),
    chargeUnexcusedAbsence: z.boolean(),
    excusedAbsenceChargePercent: z.number().int(),
    skipHolidays: z.boolean(),
    archived: z.boolean(),
    /** Students enrolled today. */
    activeStudents: z.number().int(),
  })
  .meta({ id: 'ClassesGroup' });
export type Group = z.infer<typeof ZGroup>;

export const ZGroupListQuery = z.object({
  courseId: z.uuid().optional(),
  teacherId: z.uuid().optional(),
  includeArchived: z.stringbool().default(false),
});
export const ZGroupListResponse = z.object({ groups: z.array(ZGroup) });

export const ZEnrollment = z
  .object({
    id: z.uuid(),
    studentId: z.uuid(),
    studentName: z.string(),
    groupId: z.uuid(),
    groupName: z.string(),
    paymentMode: ZGroupPaymentMode,
    startsOn: ZIsoDay,
    /** Inclusive; null: open-ended. */
    endsOn: ZIsoDay.nullable(),
    /** One-time-fee groups: this student's price. */
    feeKopecks: z.number().int().nullable(),
    feePaidKopecks: z.number().int(),
    debtLessons: z.number().int(),
  })
  .meta({ id: 'ClassesEnrollment' });
export type Enrollment = z.infer<typeof ZEnrollment>;

export const ZCreateEnrollmentRequest = z.object({
  /** Client-generated id: a retried request returns the enrolment it made, never a second fee. */
  id: z.uuid().optional(),
  studentId: z.uuid(),
  groupId: z.uuid(),
  startsOn: ZIsoDay,
  endsOn: ZIsoDay.nullable().optional(),
  /** One-time-fee groups: the price for this student (the group's fee by default). */
  feeKopecks: ZKopecks.nullable().optional(),
});
export type CreateEnrollmentRequest = z.input<typeof ZCreateEnrollmentRequest>;

export const ZUpdateEnrollmentRequest = z.object({
  startsOn: ZIsoDay.optional(),
  endsOn: ZIsoDay.nullable().optional(),
});
export type UpdateEnrollmentRequest = z.input<typeof ZUpdateEnrollmentRequest>;
export const ZEnrollmentListResponse = z.object({ enrollments: z.array(ZEnrollment) });

// ── Settings ────────────────────────────────────────────────────────────────

export const ZClassesSettings = z.object({
  /** «Заканчиваются абонементы»: at most this many lessons left… */
  endingLessonsLeft: z.number().int().min(0).max(100),
  /** …or at most this many days to the end. */
  endingDaysLeft: z.number().int().min(0).max(365),
  /** Selling a subscription settles the student's lessons in debt inside its scope and dates. */
  settleDebtsOnSale: z.boolean(),
});
export type ClassesSettings = z.infer<typeof ZClassesSettings>;
