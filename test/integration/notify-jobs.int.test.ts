import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/cli/commands.js';
import { endDueSubscriptions } from '../../src/server/modules/billing/subscriptions-end.service.js';
import { markAttendance } from '../../src/server/modules/classes/attendance.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { classesSettings, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  insertCourse,
  insertEnrollment,
  insertFamily,
  insertGroup,
  insertLesson,
  insertStudent,
  insertSubscription,
  linkStudentAccount,
} from '../helpers/classes-factories.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';
import { startPushEndpoint, type PushEndpoint } from '../helpers/push-endpoint.js';
import { notificationsOf, signedInCustomer, subscribeDevice } from './notify-support.js';

describe('notifications raised by jobs and by other modules', () => {
  let t: TestApp;
  let push: PushEndpoint;
  let number = 1;
  beforeAll(async () => {
    t = await createTestApp({ work: true });
    push = await startPushEndpoint({ vapidPublicKey: t.ctx.secrets.vapid.publicKey });
  });
  afterAll(async () => {
    await push.close();
    await t.close();
  });

  const runEnding = (organization: Organization, now: string) =>
    runCommand({ ctx: t.ctx, defaultOrganizationId: organization.id }, [
      'jobs',
      'run',
      'notify.subscriptions-ending',
      '--now',
      now,
    ]);

  /** A parent who sees Миша; Миша's subscription as given. */
  async function family(values: { lessonsUsed: number; endsOn: string; familyShared?: boolean }) {
    const organization = await createOrganization(t.ctx);
    const parent = await signedInCustomer(t, organization, { name: 'Ольга' });
    const familyRow = await insertFamily(t.ctx, organization.id);
    const misha = await insertStudent(t.ctx, organization.id, {
      fullName: 'Миша',
      familyId: familyRow.id,
    });
    await linkStudentAccount(t.ctx, organization.id, misha.id, parent.user.id);
    const subscription = await insertSubscription(t.ctx, organization.id, {
      studentId: misha.id,
      number: number++,
      beginsOn: '2026-11-01',
      endsOn: values.endsOn,
      lessonsUsed: values.lessonsUsed,
      ...(values.familyShared ? { familyId: familyRow.id } : {}),
    });
    return { organization, parent, misha, familyRow, subscription };
  }

  it('pushes «заканчивается» when the job runs with --now, once per threshold however often it runs', async () => {
    const { organization, parent, subscription } = await family({
      lessonsUsed: 6,
      endsOn: '2026-12-31',
    });
    const device = await subscribeDevice(t, parent.headers, push);
    // 12:00 in Moscow.
    await runEnding(organization, '2026-11-20T09:00:00Z');
    const message = await push.waitForMessage(device.id);
    expect(message.payload).toMatchObject({
      type: 'subscription_ending',
      title: 'Абонемент заканчивается',
      body: 'Абонемент «8 занятий» (Миша) заканчивается: осталось 2 занятия',
      url: `/cabinet/subscriptions?student=${subscription.studentId}`,
    });
    expect(message.topic).toBe(`sub-${subscription.id.slice(0, 8)}`);

    await runEnding(organization, '2026-11-20T10:00:00Z');
    expect(await notificationsOf(t.ctx, parent.user.id)).toHaveLength(1);

    // Closer to the end the days threshold is reached too: one more, with the same topic.
    await runEnding(organization, '2026-12-25T09:00:00Z');
    await runEnding(organization, '2026-12-26T09:00:00Z');
    const rows = await notificationsOf(t.ctx, parent.user.id);
    expect(rows.map((row) => row.dedupeKey)).toEqual([
      `subscription_ending:${subscription.id}:lessons`,
      `subscription_ending:${subscription.id}:days`,
    ]);
    expect(rows[1]?.body).toBe('Абонемент «8 занятий» (Миша) заканчивается: действует до 31.12');
    await push.waitForMessage(device.id, (m) => String(m.payload.body).includes('31.12'));
  });

  it('uses the organization’s thresholds and tells every account of a family subscription', async () => {
    const { organization, parent, familyRow, subscription } = await family({
      lessonsUsed: 4,
      endsOn: '2026-12-31',
      familyShared: true,
    });
    const sister = await insertStudent(t.ctx, organization.id, {
      fullName: 'Аня',
      familyId: familyRow.id,
    });
    const father = await signedInCustomer(t, organization, { locale: 'en' });
    await linkStudentAccount(t.ctx, organization.id, sister.id, father.user.id);
    await runEnding(organization, '2026-11-20T09:00:00Z');
    expect(await notificationsOf(t.ctx, parent.user.id)).toEqual([]);

    await t.ctx.db
      .insert(classesSettings)
      .values({ organizationId: organization.id, endingLessonsLeft: 4, endingDaysLeft: 3 });
    await runEnding(organization, '2026-11-20T09:00:00Z');
    const [mine] = await notificationsOf(t.ctx, parent.user.id);
    const [his] = await notificationsOf(t.ctx, father.user.id);
    expect(mine?.body).toContain('осталось 4 занятия');
    expect(his?.body).toBe('Subscription “8 занятий” (Миша) is ending: 4 lessons left');
    expect(his?.url).toBe(`/cabinet/subscriptions?student=${subscription.studentId}`);
  });

  it('leaves out subscriptions not begun, ended, or of students without cabinet access', async () => {
    const { organization, parent, misha } = await family({ lessonsUsed: 0, endsOn: '2026-12-31' });
    await insertSubscription(t.ctx, organization.id, {
      studentId: misha.id,
      number: number++,
      beginsOn: '2026-12-01',
      endsOn: '2026-12-05',
      lessonsUsed: 7,
    });
    await insertSubscription(t.ctx, organization.id, {
      studentId: misha.id,
      number: number++,
      beginsOn: '2026-11-01',
      endsOn: '2026-11-22',
      endedAt: new Date('2026-11-19T00:00:00Z'),
    });
    const hidden = await insertStudent(t.ctx, organization.id, { cabinetAccess: false });
    await linkStudentAccount(t.ctx, organization.id, hidden.id, parent.user.id);
    await insertSubscription(t.ctx, organization.id, {
      studentId: hidden.id,
      number: number++,
      beginsOn: '2026-11-01',
      endsOn: '2026-11-21',
    });
    await runEnding(organization, '2026-11-20T09:00:00Z');
    expect(await notificationsOf(t.ctx, parent.user.id)).toEqual([]);
  });

  it('tells the family when billing ends a subscription', async () => {
    const { organization, parent, subscription } = await family({
      lessonsUsed: 3,
      endsOn: '2026-11-10',
    });
    await endDueSubscriptions(t.ctx, new Date('2026-11-11T09:00:00Z'));
    const rows = await notificationsOf(t.ctx, parent.user.id);
    expect(rows.map((row) => [row.type, row.dedupeKey, row.title])).toEqual([
      ['subscription_ended', `subscription_ended:${subscription.id}`, 'Абонемент закончился'],
    ]);
    expect(organization.id).toBe(rows[0]?.organizationId);
  });

  it('tells the family when a marked lesson goes into debt', async () => {
    const organization = await createOrganization(t.ctx);
    const admin = await createUser(t.ctx, organization, { role: 'admin' });
    const parent = await signedInCustomer(t, organization);
    const student = await insertStudent(t.ctx, organization.id, { fullName: 'Петя' });
    await linkStudentAccount(t.ctx, organization.id, student.id, parent.user.id);
    const course = await insertCourse(t.ctx, organization.id);
    const group = await insertGroup(t.ctx, organization.id, {
      courseId: course.id,
      lessonPriceKopecks: 50_000,
    });
    await insertEnrollment(t.ctx, organization.id, { studentId: student.id, groupId: group.id });
    const lesson = await insertLesson(t.ctx, organization.id, {
      groupId: group.id,
      startsAt: new Date(Date.now() - 2 * 86_400_000),
    });
    const mark = (status: 'present' | 'free') =>
      markAttendance(t.ctx, {
        organizationId: organization.id,
        lessonId: lesson.id,
        actor: { id: admin.id, staffRole: 'admin' },
        marks: [{ studentId: student.id, status }],
        locale: 'ru',
      });
    await mark('present');
    const rows = await notificationsOf(t.ctx, parent.user.id);
    expect(rows.map((row) => [row.type, row.url])).toEqual([
      ['new_debt', `/cabinet/due?student=${student.id}`],
    ]);
    expect(rows[0]?.body).toContain('Петя: занятий в долг — 1');
    // Re-marking the lesson free and back does not repeat the same news the same day.
    await mark('free');
    await mark('present');
    expect(await notificationsOf(t.ctx, parent.user.id)).toHaveLength(1);
  });

  it('tells the customer when staff answer a ticket or resolve it', async () => {
    const organization = await createOrganization(t.ctx);
    const agent = await createUser(t.ctx, organization, { role: 'support_agent' });
    const staff = await signInAs(t.app, organization, agent.email);
    const customer = await signedInCustomer(t, organization);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets',
      headers: customer.headers,
      payload: { certificateId: null, subject: 'Не приходит письмо', description: 'Совсем' },
    });
    expect(filed.statusCode).toBe(201);
    const ticket =
      filed.json<{ ticket?: { number: number }; number?: number }>().ticket?.number ??
      filed.json<{ number: number }>().number;
    expect(await notificationsOf(t.ctx, customer.user.id)).toEqual([]);
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${String(ticket)}/messages`,
      headers: staff,
      payload: { body: 'Проверьте папку «Спам»' },
    });
    expect(reply.statusCode).toBe(200);
    const rows = await notificationsOf(t.ctx, customer.user.id);
    expect(rows.map((row) => [row.type, row.title, row.body, row.url])).toEqual([
      [
        'ticket_answered',
        `Ответ на обращение №${String(ticket)}`,
        '«Не приходит письмо»',
        `/tickets/${String(ticket)}`,
      ],
    ]);
  });

  it('warns by push when the access period is about to end, once per period', async () => {
    const organization = await createOrganization(t.ctx);
    const person = await signedInCustomer(t, organization);
    await t.ctx.db
      .update(users)
      .set({
        accessOpenedAt: new Date('2026-01-01T00:00:00Z'),
        accessValidUntil: new Date('2026-11-24T21:00:00Z'),
      })
      .where(eq(users.id, person.user.id));
    const run = () =>
      runCommand({ ctx: t.ctx, defaultOrganizationId: organization.id }, [
        'jobs',
        'run',
        'access.warn-access-ending',
        '--now',
        '2026-11-20T06:05:00Z',
        '--payload',
        JSON.stringify({ organizationId: organization.id }),
      ]);
    await run();
    await run();
    const rows = await notificationsOf(t.ctx, person.user.id);
    expect(rows.map((row) => [row.type, row.body])).toEqual([
      [
        'access_ending',
        'Доступ к личному кабинету действует до 25.11. Продлите его, чтобы не потерять доступ к материалам.',
      ],
    ]);
  });
});
