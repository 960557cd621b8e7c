import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/access.schema.js';
import { createdAtColumn, organizationIdColumn, organizations } from '../orgs/orgs.schema.js';

/**
 * The centre's structure and the people in it (docs/classes.md). Money lives in billing; the
 * running totals on `students` and `enrollments` are updated by billing in the transaction that
 * writes the ledger entry or charge behind them, so pages never sum history.
 */

const orgId = organizationIdColumn;
const createdAt = createdAtColumn;

/** How a group is paid: visits by subscriptions (or in debt), or one enrolment fee. */
export const groupPaymentMode = pgEnum('group_payment_mode', ['per_lesson', 'one_time_fee']);
/** Why an account sees a student. */
export const studentAccountRelation = pgEnum('student_account_relation', [
  'self',
  'parent',
  'contact',
]);
export const lessonStatus = pgEnum('lesson_status', ['scheduled', 'cancelled']);
/** `regular` lessons come from a weekly rule; `extra` ones are added one by one. */
export const lessonKind = pgEnum('lesson_kind', ['regular', 'extra']);
export const attendanceStatus = pgEnum('attendance_status', [
  'present',
  'absent_excused',
  'absent_unexcused',
  'trial',
  'free',
  'makeup',
]);

/** Students who share subscriptions (siblings); optional. */
export const families = pgTable(
  'families',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('families_org').on(table.organizationId)],
);

/** A contact of the centre who attends lessons (a child or an adult learner). */
export const students = pgTable(
  'students',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    familyId: uuid('family_id').references(() => families.id, { onDelete: 'set null' }),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date'),
    email: text('email'),
    phone: text('phone'),
    note: text('note'),
    /** Staff switch a contact's cabinet visibility off (a duplicate) without touching others. */
    cabinetAccess: boolean('cabinet_access').notNull().default(true),
    /** Set when staff merged this duplicate into another student; hidden everywhere. */
    mergedIntoId: uuid('merged_into_id'),
    /** Sum of the student's ledger entries (kopecks); negative means the student owes. */
    balanceKopecks: integer('balance_kopecks').notNull().default(0),
    /** Visits currently in debt (no eligible subscription). */
    debtLessons: integer('debt_lessons').notNull().default(0),
    /** Start of the earliest lesson the student attended; "visits since the first lesson". */
    firstVisitAt: timestamp('first_visit_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('students_org_name').on(table.organizationId, table.fullName),
    index('students_family')
      .on(table.familyId)
      .where(sql`${table.familyId} is not null`),
    index('students_name_trgm').using('gin', sql`lower(${table.fullName}) gin_trgm_ops`),
    index('students_org_debt')
      .on(table.organizationId, table.debtLessons)
      .where(sql`${table.debtLessons} > 0`),
  ],
);

/** Which accounts may see which students (a parent with children; an adult learner as `self`). */
export const studentAccounts = pgTable(
  'student_accounts',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: orgId(),
    relation: studentAccountRelation('relation').notNull().default('parent'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.studentId, table.userId] }),
    index('student_accounts_user').on(table.userId),
  ],
);

export const branches = pgTable('branches', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: orgId(),
  name: text('name').notNull(),
  address: text('address'),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const rooms = pgTable('rooms', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: orgId(),
  branchId: uuid('branch_id')
    .notNull()
    .references(() => branches.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  capacity: integer('capacity'),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** A teacher; `user_id` links the staff account that marks attendance (role `teacher`). */
export const teachers = pgTable(
  'teachers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    fullName: text('full_name').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    phone: text('phone'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('teachers_user').on(table.userId)],
);

/** A course or subject ("Английский для детей 7–9 лет"). */
export const courses = pgTable('courses', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: orgId(),
  name: text('name').notNull(),
  description: text('description'),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    branchId: uuid('branch_id').references(() => branches.id),
    roomId: uuid('room_id').references(() => rooms.id),
    teacherId: uuid('teacher_id').references(() => teachers.id),
    name: text('name').notNull(),
    paymentMode: groupPaymentMode('payment_mode').notNull().default('per_lesson'),
    /** The price of one lesson, shown for lessons in debt; null: not sold by the lesson. */
    lessonPriceKopecks: integer('lesson_price_kopecks'),
    /** The enrolment price of a one-time-fee group. */
    feeKopecks: integer('fee_kopecks'),
    lessonMinutes: integer('lesson_minutes').notNull().default(60),
    capacity: integer('capacity'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** An absence without a good reason uses a lesson. */
    chargeUnexcusedAbsence: boolean('charge_unexcused_absence').notNull().default(true),
    /** An absence with a good reason uses a lesson when above 0, charged at this % of its value. */
    excusedAbsenceChargePercent: integer('excused_absence_charge_percent').notNull().default(0),
    /** Regular lessons falling on public holidays (production calendar) are cancelled. */
    skipHolidays: boolean('skip_holidays').notNull().default(true),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index('groups_org').on(table.organizationId),
    index('groups_course').on(table.courseId),
    index('groups_teacher').on(table.teacherId),
  ],
);

/** A student in a group from `starts_on` to `ends_on` (inclusive; null: open-ended). */
export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    /** One-time-fee groups: the price for this student (after any discount). */
    feeKopecks: integer('fee_kopecks'),
    /** Running total of payments allocated to the fee. */
    feePaidKopecks: integer('fee_paid_kopecks').notNull().default(0),
    /** Running count of this student's visits in this group that are in debt. */
    debtLessons: integer('debt_lessons').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    index('enrollments_student').on(table.studentId, table.startsOn),
    index('enrollments_group').on(table.groupId, table.startsOn),
    // The debts report's «underpaid one-time fees» page.
    index('enrollments_org_fee_underpaid')
      .on(table.organizationId, table.id)
      .where(sql`${table.feeKopecks} > ${table.feePaidKopecks}`),
  ],
);

/** A weekly lesson: `weekday` 1 (Monday) … 7 (Sunday), `start_time` local `HH:MM`. */
export const scheduleRules = pgTable(
  'schedule_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    roomId: uuid('room_id').references(() => rooms.id),
    teacherId: uuid('teacher_id').references(() => teachers.id),
    createdAt: createdAt(),
  },
  (table) => [index('schedule_rules_group').on(table.groupId)],
);

/**
 * One lesson, materialized from a rule (ahead, by a job) or added as an extra. A moved lesson
 * keeps `original_starts_at`, so re-materializing a rule never brings it back.
 */
export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id').references(() => scheduleRules.id, { onDelete: 'set null' }),
    kind: lessonKind('kind').notNull().default('regular'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    originalStartsAt: timestamp('original_starts_at', { withTimezone: true }).notNull(),
    status: lessonStatus('status').notNull().default('scheduled'),
    /** `holiday` (with the holiday's name in `cancel_note`) or `staff`. */
    cancelReason: text('cancel_reason'),
    cancelNote: text('cancel_note'),
    roomId: uuid('room_id').references(() => rooms.id),
    teacherId: uuid('teacher_id').references(() => teachers.id),
    topic: text('topic'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('lessons_rule_original').on(table.ruleId, table.originalStartsAt),
    index('lessons_group_starts').on(table.groupId, table.startsAt),
    index('lessons_org_starts').on(table.organizationId, table.startsAt),
  ],
);

/** Attendance: one row per student and lesson; charging decisions live in billing's `charges`. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** The lesson's start, copied so a student's history is one index range. */
    lessonStartsAt: timestamp('lesson_starts_at', { withTimezone: true }).notNull(),
    status: attendanceStatus('status').notNull(),
    /** For `makeup`: the missed visit it makes up for. */
    makeupForVisitId: uuid('makeup_for_visit_id'),
    note: text('note'),
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'set null' }),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('visits_lesson_student').on(table.lessonId, table.studentId),
    index('visits_student_starts').on(
      table.studentId,
      table.lessonStartsAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

/** Per-organization thresholds of the cabinet's blocks, and debt settlement. */
export const classesSettings = pgTable('classes_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  /** «Заканчиваются абонементы»: at most this many lessons left… */
  endingLessonsLeft: integer('ending_lessons_left').notNull().default(2),
  /** …or at most this many days to the end. */
  endingDaysLeft: integer('ending_days_left').notNull().default(7),
  /** Selling a subscription settles the student's lessons in debt inside its scope and dates. */
  settleDebtsOnSale: boolean('settle_debts_on_sale').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
