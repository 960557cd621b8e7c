/**
 * The SQL of the classes data set (bench/lib/classes-data.ts drives it). Everything is derived
 * from a student's index `i`, so a range of students [a, b) can be generated on its own, in any
 * order, and a data set can be extended later:
 *
 * - families of 1–3 children in blocks of 15 students (10 families: sizes 1,2,1,1,3,1,2,1,2,1),
 *   one parent account per family; a quarter of the single ones are adult learners (`self`);
 * - a current group per 12 students (`i / 12`), started 2–29 weeks before the anchor, lessons
 *   twice a week materialized 10 weeks ahead; every tenth is a one-time-fee course;
 * - 30 % of students also finished a past group (`i / 40` of them), 20–39 weeks long, within the
 *   last two years;
 * - a visit for every past lesson of every enrolment (85 % present, 4 % absent without a reason,
 *   8 % excused, 1 % free, a trial first lesson for a third), charged in order to the
 *   enrolment's subscriptions of 8, 32 or 64 lessons (about 1.8 per student), the way the
 *   charging rules would: lowest free slot, slot value `floor(P·k/N) − floor(P·(k−1)/N)`;
 * - 4 % of students have lessons in debt (they stopped buying), 3 % a partly paid subscription
 *   (60 %), 2 % a deposit on the balance; finished subscriptions with lessons left burn them;
 * - the ledger in time order with `balance_after_kopecks` as a running sum, and every running
 *   total (`students.balance_kopecks`, `debt_lessons`, `first_visit_at`, `enrollments.*`,
 *   `subscriptions.*`) equal to what its entries and charges add up to.
 *
 * Ids are `<tag>-0000-4000-8000-<key as 12 hex digits>`: valid version-4 uuids that grow with
 * the key, so primary-key indexes are appended to instead of written at random.
 */

/** One hex tag per kind of row (the first group of the uuid). */
const TAG = {
  family: 'c1a50001',
  student: 'c1a50002',
  user: 'c1a50003',
  teacher: 'c1a50004',
  branch: 'c1a50005',
  room: 'c1a50006',
  course: 'c1a50007',
  group: 'c1a50008',
  rule: 'c1a50009',
  lesson: 'c1a5000a',
  enrollment: 'c1a5000b',
  visit: 'c1a5000c',
  charge: 'c1a5000d',
  subscription: 'c1a5000e',
  visitEntry: 'c1a5000f',
  paymentEntry: 'c1a50010',
  expiryEntry: 'c1a50011',
  feeEntry: 'c1a50012',
  depositEntry: 'c1a50013',
  allocation: 'c1a50014',
  feeAllocation: 'c1a50015',
  subscriptionType: 'c1a50016',
  staff: 'c1a50017',
} as const;

type Tag = keyof typeof TAG;

/** The uuid of row `key` of a kind, in SQL (`key` is an SQL expression). */
export const uid = (tag: Tag, key: string) =>
  `('${TAG[tag]}-0000-4000-8000-' || lpad(to_hex((${key})::bigint), 12, '0'))::uuid`;

/** The same uuid in Node, for requests that name generated rows. */
export function benchClassesId(tag: Tag, key: number): string {
  return `${TAG[tag]}-0000-4000-8000-${key.toString(16).padStart(12, '0')}`;
}

/** A stable pseudo-random integer in [0, m) from an integer expression and a salt. */
export const h = (expr: string, salt: number, m: number) =>
  `((hashint8((${expr})::bigint * 31 + ${salt})::bigint + 2147483648) % ${m})::int`;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (items: readonly string[]) => `array[${items.map(quote).join(',')}]::text[]`;
export const pick = (items: readonly string[], index: string) =>
  `(${textArray(items)})[1 + ((${index})::bigint % ${items.length})]`;

export const BOYS = [
  'Миша',
  'Артём',
  'Саша',
  'Ваня',
  'Максим',
  'Лёва',
  'Матвей',
  'Тимофей',
  'Егор',
];
export const GIRLS = ['Маша', 'Аня', 'Соня', 'Алиса', 'Вика', 'Полина', 'Ева', 'Варя', 'Даша'];
export const MOTHERS = [
  'Мария',
  'Анна',
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Светлана',
];
export const SURNAMES_M = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Лебедев',
];
export const SURNAMES_F = [
  'Иванова',
  'Петрова',
  'Смирнова',
  'Кузнецова',
  'Попова',
  'Соколова',
  'Лебедева',
];
export const SURNAMES_PL = [
  'Ивановы',
  'Петровы',
  'Смирновы',
  'Кузнецовы',
  'Поповы',
  'Соколовы',
  'Лебедевы',
];
export const COURSES = [
  'Английский 5–7 лет',
  'Английский 8–10 лет',
  'Английский 11–14 лет',
  'Шахматы',
  'Робототехника',
  'Программирование на Python',
  'Рисование',
  'Лепка',
  'Хореография',
  'Вокал',
  'Гитара',
  'Фортепиано',
  'Ментальная арифметика',
  'Подготовка к школе',
  'Скорочтение',
  'Математика 5–7 класс',
  'Русский язык',
  'Театральная студия',
  'Немецкий',
  'Китайский',
];

/** A subscription product: lessons, validity days, price (kopecks). */
export const SUBSCRIPTION_TYPES = [
  { key: 8, name: '8 занятий', lessons: 8, days: 42, price: 720_000 },
  { key: 32, name: '32 занятия', lessons: 32, days: 150, price: 2_720_000 },
  { key: 64, name: '64 занятия', lessons: 64, days: 300, price: 5_120_000 },
] as const;

/** Student offset in a block of 15 → family offset in the block of 10. */
export const FAMILY_OF = [0, 1, 1, 2, 3, 4, 4, 4, 5, 6, 6, 7, 8, 8, 9];
export const SIZE_OF = [1, 2, 1, 1, 3, 1, 2, 1, 2, 1];

/** Data sets grow in whole blocks (families of 15, groups of 12, past groups of 40). */
export const STUDENT_BLOCK = 120;

/** A size rounded up to whole blocks of 120 students. */
export const roundStudents = (students: number) =>
  Math.max(STUDENT_BLOCK, Math.ceil(students / STUDENT_BLOCK) * STUDENT_BLOCK);

/** The index of the family (and of its parent account) of student `i`. */
export const familyOf = (i: number) => Math.floor(i / 15) * 10 + (FAMILY_OF[i % 15] ?? 0);
/** Weeks of history before the anchor's week; the anchor's week is week `HISTORY_WEEKS`. */
export const HISTORY_WEEKS = 104;
export const AHEAD_WEEKS = 10;
/** Lesson ordinals per group fit in 8 bits of the lesson key (at most 86 are made). */
export const LESSON_BITS = 256;

/** What every statement needs: the organization, its time zone and the data set's clock. */
export interface ClassesSqlContext {
  organizationId: string;
  timeZone: string;
  /** The instant the data set is generated "at" (ISO); lessons before it are past. */
  anchor: string;
  /** The anchor's local date and the Monday of its week (`YYYY-MM-DD`). */
  anchorDay: string;
  monday: string;
}

/** SQL literals and expressions shared by the statements. */
export function sqlNames(ctx: ClassesSqlContext) {
  const org = `'${ctx.organizationId}'::uuid`;
  const tz = quote(ctx.timeZone);
  const anchor = `'${ctx.anchor}'::timestamptz`;
  const today = `'${ctx.anchorDay}'::date`;
  /** The local date of lesson `n` of a group (columns sw, wd1, wd2 in scope). */
  const lessonDay = (n: string) =>
    `('${ctx.monday}'::date + (sw + (${n}) / 2 - ${HISTORY_WEEKS}) * 7 + (case when (${n}) % 2 = 0 then wd1 else wd2 end) - 1)`;
  const at = (day: string, minutes: string) =>
    `((${day}) + (${minutes}) * interval '1 minute') at time zone ${tz}`;
  return { org, tz, anchor, today, lessonDay, at };
}

/** Courses, subscription products and staff: once per data set. */
export function baseStatements(ctx: ClassesSqlContext, passwordHash: string): string[] {
  const { org, anchor } = sqlNames(ctx);
  const types = SUBSCRIPTION_TYPES.map(
    (t) =>
      `(${uid('subscriptionType', String(t.key))}, ${org}, ${quote(t.name)}, ${t.lessons}, ${t.days}, ${t.price}, true)`,
  ).join(', ');
  return [
    `insert into courses (id, organization_id, name, created_at)
       select ${uid('course', 'k')}, ${org}, ${pick(COURSES, 'k')}, ${anchor} - interval '3 years'
       from generate_series(0, ${COURSES.length - 1}) k
       on conflict (id) do nothing`,
    // On sale today for any group; the generated subscriptions were sold for one group each.
    `insert into subscription_types (id, organization_id, name, lessons_count, validity_days,
       price_kopecks, covers_all_groups)
       values ${types} on conflict (id) do nothing`,
    `insert into classes_settings (organization_id) values (${org}) on conflict do nothing`,
    `insert into users (id, organization_id, email, display_name, password_hash, staff_role,
         access_opened_at, created_at, updated_at)
       values (${uid('staff', '0')}, ${org}, 'admin@bench.kabinet.test', 'Администратор (бенчмарк)',
         '${passwordHash}', 'admin', ${anchor} - interval '3 years', ${anchor} - interval '3 years', ${anchor}),
       (${uid('staff', '1')}, ${org}, 'teacher@bench.kabinet.test', 'Ирина Петровна (бенчмарк)',
         '${passwordHash}', 'teacher', ${anchor} - interval '3 years', ${anchor} - interval '3 years', ${anchor})
       on conflict (id) do nothing`,
  ];
}
