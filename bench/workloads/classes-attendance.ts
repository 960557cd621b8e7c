import type { DirectWorkload } from '../lib/workload.js';

/** Students per group. */
const GROUP_SIZE = 20;
/** Past lessons per group, one a day; marked in order, then the last one is corrected. */
const LESSONS = 250;

type Status = 'present' | 'absent_unexcused' | 'absent_excused';

/**
 * A teacher's marks for the whole group: mostly present, a few absences. `pass` 0 is the first
 * marking; a later pass (a correction of the same lesson) flips another quarter of the students
 * between present and absent, so every request changes marks and re-runs their charging.
 */
export function marksFor(studentIds: readonly string[], pass: number) {
  return studentIds.map((studentId, s) => {
    const usual: Status =
      s % 9 === 5 ? 'absent_excused' : s % 7 === 3 ? 'absent_unexcused' : 'present';
    const flipped = pass > 0 && (s + pass) % 4 === 0 && usual !== 'absent_excused';
    const status: Status = flipped ? (usual === 'present' ? 'absent_unexcused' : 'present') : usual;
    return { studentId, status };
  });
}

/**
 * Creates, through the modules' services, the groups the teacher marks: 20 new students each,
 * enrolled from `LESSONS` days ago, 18 of them with a paid subscription that covers the group
 * (the last two go into debt), and a lesson a day at 13:00 — the way staff set a group up.
 */
export async function prepareMarkingGroups(
  server: import('../lib/kabinet.js').KabinetServer,
  teacherUserId: string,
  adminId: string,
  groupCount: number,
) {
  const { sql } = await import('drizzle-orm');
  const { rowsOf } = await import('../../src/server/infra/db.js');
  const { benchClassesId } = await import('../lib/classes-data-sql.js');
  const { localDay } = await import('../../src/server/modules/calendar/zoned-time.js');
  const { saveTeacher } = await import('../../src/server/modules/classes/catalog.service.js');
  const { saveGroup } = await import('../../src/server/modules/classes/groups.service.js');
  const { createStudent } = await import('../../src/server/modules/classes/students.service.js');
  const { createEnrollment } =
    await import('../../src/server/modules/classes/enrollments.service.js');
  const { addExtraLesson } = await import('../../src/server/modules/classes/lessons.service.js');
  const { createSubscriptionType } =
    await import('../../src/server/modules/billing/subscription-types.service.js');
  const { sellSubscription } = await import('../../src/server/modules/billing/index.js');
  const { ctx, defaultOrganization: organization } = server.runtime;
  const org = organization.id;
  const tz = organization.timezone;
  const run = Date.now().toString(36);
  const today = localDay(new Date(), tz);
  const dayOffset = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  const [linked] = await rowsOf<{ id: string }>(
    ctx.db,
    sql`select id from teachers where user_id = ${teacherUserId}`,
  );
  const teacherId =
    linked?.id ??
    (
      await saveTeacher(ctx, org, null, {
        fullName: 'Ирина Петровна Смирнова',
        userId: teacherUserId,
      })
    ).id;
  const groups: { lessonIds: string[]; studentIds: string[] }[] = [];
  const groupIds: string[] = [];
  for (let g = 0; g < groupCount; g++) {
    const group = await saveGroup(
      ctx,
      org,
      null,
      {
        courseId: benchClassesId('course', 0),
        name: `Английский, группа для отметки ${run}-${g + 1}`,
        teacherId,
        lessonPriceKopecks: 100_000,
        capacity: GROUP_SIZE,
        startsOn: dayOffset(-LESSONS),
        skipHolidays: false,
      },
      tz,
    );
    groupIds.push(group.id);
    const lessonIds: string[] = [];
    for (let day = -LESSONS; day < 0; day++) {
      const lesson = await addExtraLesson(
        ctx,
        org,
        group.id,
        { day: dayOffset(day), startTime: '13:00' },
        adminId,
        tz,
      );
      lessonIds.push(lesson.id);
    }
    groups.push({ lessonIds, studentIds: [] });
  }
  const type = await createSubscriptionType(ctx.db, org, adminId, {
    name: `Бенчмарк: ${LESSONS} занятий`,
    lessonsCount: LESSONS,
    validityDays: LESSONS + 30,
    priceKopecks: LESSONS * 90_000,
    coversAllGroups: false,
    groupIds,
  });
  for (const [g, group] of groups.entries()) {
    for (let s = 0; s < GROUP_SIZE; s++) {
      const student = await createStudent(ctx, org, {
        fullName: `Ученик ${g + 1}-${s + 1} (${run})`,
      });
      await createEnrollment(
        ctx,
        org,
        { studentId: student.id, groupId: groupIds[g] ?? '', startsOn: dayOffset(-LESSONS) },
        adminId,
      );
      if (s < GROUP_SIZE - 2) {
        await ctx.db.transaction((tx) =>
          sellSubscription(tx, {
            organizationId: org,
            studentId: student.id,
            typeId: type.id,
            beginsOn: dayOffset(-LESSONS),
            payment: { amountKopecks: LESSONS * 90_000, method: 'card' },
            actorId: adminId,
            idempotencyKey: `bench-mark-${student.id}`,
          }),
        );
      }
      group.studentIds.push(student.id);
    }
  }
  return groups;
}

/**
 * `PUT /api/staff/attendance/lessons/{id}`: a teacher marks a group of 20 in one request, over
 * HTTP on loopback, as the teacher account (only their own groups are visible to it). With two
 * teachers, two groups are marked at the same time, one request each.
 */
function markingWorkload(teachers: 1 | 2): DirectWorkload {
  const GROUPS = teachers;
  return {
    name: teachers === 1 ? 'classes-attendance' : 'classes-attendance-two-teachers',
    title:
      teachers === 1
        ? 'Kabinet PUT /api/staff/attendance/lessons/{id}, 20 students, PostgreSQL'
        : 'Kabinet PUT /api/staff/attendance/lessons/{id}, 20 students, two teachers at once, PostgreSQL',
    notes:
      (teachers === 1
        ? `A teacher marks a group of ${GROUP_SIZE}, one request after another (the target). `
        : `Two teachers mark their groups of ${GROUP_SIZE} at the same time (2 lanes): a load far ` +
          `above a centre's, on the cores PostgreSQL and the client share. `) +
      `One request per lesson, on the classes data set (BENCH_CLASSES_DATABASE when set, else the ` +
      `run's 10k). The groups, students (18 of 20 with a subscription), enrolments and ${LESSONS} ` +
      `lessons each are made through the services at start. Lessons are marked in date order ` +
      `(each mark charges 20 visits); once all are marked, the last lesson is corrected (a ` +
      `quarter of the marks change and are charged again). Each call is an HTTP request over ` +
      `127.0.0.1 from a worker thread of the server's process (the client stays off the server's ` +
      `event loop, as a teacher's phone would be), so CPU ms/req still includes the client.` +
      (teachers === 1 ? ' Target p99 < 50 ms.' : ''),
    kind: 'direct',
    concurrency: GROUPS,
    needs: ['postgres'],
    async start(resources) {
      const { startClassesKabinet, staffCookie, staffIdOf } = await import('./classes-shared.js');
      const size = process.env.BENCH_CLASSES_DATABASE ? 'large' : 'small';
      const { server } = await startClassesKabinet(resources, size);
      let groups: Awaited<ReturnType<typeof prepareMarkingGroups>>;
      let cookie: string;
      try {
        const started = performance.now();
        groups = await prepareMarkingGroups(server, staffIdOf(1), staffIdOf(0), GROUPS);
        cookie = await staffCookie(server.runtime.ctx.db, server.runtime.defaultOrganization.id, 1);
        console.log(
          `classes attendance: ${GROUPS} groups of ${GROUP_SIZE} with ${LESSONS} lessons each made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      } catch (error) {
        await server.stop();
        throw error;
      }
      // Each lane takes a group of its own: one teacher never marks two lessons at once.
      const free = groups.map((group) => ({ ...group, next: 0, corrections: 0 }));
      const { startFetchWorker } = await import('../lib/worker-fetch.js');
      const client = startFetchWorker();
      return {
        async operation() {
          const group = free.shift();
          if (!group) throw new Error('more lanes than groups');
          try {
            const last = group.lessonIds.length - 1;
            const fresh = group.next <= last;
            const lessonId = group.lessonIds[Math.min(group.next, last)] ?? '';
            group.next += 1;
            if (!fresh) group.corrections += 1;
            const { status, text } = await client.fetch(
              `${server.url}/api/staff/attendance/lessons/${lessonId}`,
              {
                method: 'PUT',
                headers: { cookie, 'content-type': 'application/json' },
                body: JSON.stringify({
                  marks: marksFor(group.studentIds, fresh ? 0 : group.corrections),
                }),
              },
            );
            if (status !== 200) throw new Error(`HTTP ${String(status)}: ${text.slice(0, 200)}`);
            const { recharged } = JSON.parse(text) as { recharged: number };
            if (recharged === 0) throw new Error('the marks changed nothing');
          } finally {
            free.push(group);
          }
        },
        async stop() {
          await client.close();
          await server.stop();
        },
      };
    },
  };
}

/** One teacher marking: the target. */
export const classesAttendance = markingWorkload(1);
/** Two teachers marking at the same time. */
export const classesAttendanceTwoTeachers = markingWorkload(2);
