import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DashboardResponse, MyStudentsResponse } from '../../src/shared/contracts/cabinet.js';
import { getDashboard } from '../../src/server/modules/classes/cabinet.service.js';
import { classesSettings } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCabinetFamily, must, type CabinetFamily } from '../helpers/cabinet-fixtures.js';
import { insertStudent, linkStudentAccount } from '../helpers/classes-factories.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';

type Headers = { host: string; cookie: string };

describe('cabinet: the students an account sees and a student’s home', () => {
  let t: TestApp;
  let f: CabinetFamily;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createCabinetFamily(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, headers: Headers = f.headers) =>
    t.app.inject({ method: 'GET', url, headers });
  const dashboardOf = async (id: string, headers: Headers = f.headers) => {
    const response = await get(`/api/students/${id}/dashboard`, headers);
    expect(response.statusCode).toBe(200);
    return response.json<DashboardResponse>();
  };

  it('documents every cabinet endpoint in OpenAPI', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    }>();
    const cabinet = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags?.includes('cabinet'))
        .map(([method, operation]) => `${method} ${path} ${String(Boolean(operation.summary))}`),
    );
    expect(cabinet.sort()).toEqual([
      'get /api/me/students true',
      'get /api/students/{id}/dashboard true',
      'get /api/students/{id}/ledger true',
      'get /api/students/{id}/lessons true',
      'get /api/students/{id}/subscription-offers true',
      'get /api/students/{id}/subscriptions true',
      'get /api/students/{id}/visits true',
      'post /api/students/{id}/subscriptions/from-balance true',
    ]);
  });

  it('lists only the students the account may see, with their money', async () => {
    const orgId = f.organization.id;
    const hidden = await insertStudent(t.ctx, orgId, { fullName: 'Дубль', cabinetAccess: false });
    const merged = await insertStudent(t.ctx, orgId, {
      fullName: 'Слитый',
      mergedIntoId: f.masha.id,
    });
    await linkStudentAccount(t.ctx, orgId, hidden.id, f.parent.id, 'contact');
    await linkStudentAccount(t.ctx, orgId, merged.id, f.parent.id);
    await insertStudent(t.ctx, orgId, { fullName: 'Чужой ребёнок' });

    const response = await get('/api/me/students');
    expect(response.statusCode).toBe(200);
    const body = response.json<MyStudentsResponse>();
    expect(body.timeZone).toBe('Europe/Moscow');
    expect(body.students.map((s) => s.fullName)).toEqual(['Маша Иванова', 'Петя Иванов']);
    const petya = must(body.students[1]);
    expect(petya.family?.name).toBe('Ивановы');
    expect(petya.balance).toEqual({
      balanceKopecks: 300_000,
      reservedKopecks: 0,
      freeKopecks: 300_000,
      debtLessons: 2,
    });
  });

  it('answers 404 for every student the account may not see, and 401 without a session', async () => {
    const orgId = f.organization.id;
    const hidden = await insertStudent(t.ctx, orgId, { cabinetAccess: false });
    await linkStudentAccount(t.ctx, orgId, hidden.id, f.parent.id);
    const merged = await insertStudent(t.ctx, orgId, { mergedIntoId: f.petya.id });
    await linkStudentAccount(t.ctx, orgId, merged.id, f.parent.id);
    const stranger = await insertStudent(t.ctx, orgId);
    const other = await createOrganization(t.ctx);
    const abroad = await insertStudent(t.ctx, other.id);
    await linkStudentAccount(t.ctx, other.id, abroad.id, f.parent.id);

    for (const id of [hidden.id, merged.id, stranger.id, abroad.id, crypto.randomUUID()]) {
      for (const path of [
        'dashboard',
        'visits',
        'subscriptions',
        'ledger',
        'subscription-offers',
      ]) {
        const response = await get(`/api/students/${id}/${path}`);
        expect({ id, path, status: response.statusCode }).toEqual({ id, path, status: 404 });
        expect(response.json<{ error: { code: string } }>().error.code).toBe('not_found');
      }
    }
    // Another parent of the same centre does not see the family either.
    const neighbour = await createUser(t.ctx, f.organization, { role: null });
    const neighbourHeaders = await signInAs(t.app, f.organization, neighbour.email);
    expect((await get(`/api/students/${f.masha.id}/dashboard`, neighbourHeaders)).statusCode).toBe(
      404,
    );
    expect(
      (await get('/api/me/students', neighbourHeaders)).json<MyStudentsResponse>().students,
    ).toEqual([]);

    expect((await get(`/api/students/not-a-uuid/dashboard`)).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/students/${f.masha.id}/dashboard`,
      headers: { host: f.headers.host },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows Маша’s ending subscription, what is left to pay and her debt on the balance', async () => {
    const body = await dashboardOf(f.masha.id);
    expect(body.student).toMatchObject({ fullName: 'Маша Иванова', familyName: 'Ивановы' });
    expect(body.today).toBe(f.today);
    expect(body.thresholds).toEqual({ lessonsLeft: 2, daysLeft: 7 });

    expect(body.endingSubscriptions).toEqual([
      expect.objectContaining({
        id: f.mashaSub.id,
        number: f.mashaSub.number,
        lessonsTotal: 4,
        lessonsLeft: 3,
        daysLeft: 5,
        fewLessonsLeft: false,
        fewDaysLeft: true,
      }),
    ]);
    expect(body.paymentsDue).toEqual([
      {
        kind: 'subscription',
        id: f.mashaSub.id,
        title: '4 занятия',
        subscriptionNumber: f.mashaSub.number,
        dueKopecks: 40_000,
        paidKopecks: 60_000,
        totalKopecks: 100_000,
        debtLessons: 0,
        lessonPriceKopecks: null,
      },
      {
        kind: 'enrollment_fee',
        id: f.mashaFee.id,
        title: 'Робототехника',
        subscriptionNumber: null,
        dueKopecks: 500_000,
        paidKopecks: 500_000,
        totalKopecks: 1_000_000,
        debtLessons: 0,
        lessonPriceKopecks: null,
      },
    ]);
    // 600 ₽ paid − 250 ₽ (slot 1 of 1 000 ₽ / 4) − 10 000 ₽ fee + 5 000 ₽ paid.
    expect(body.balance).toEqual({
      balanceKopecks: -465_000,
      reservedKopecks: 35_000,
      freeKopecks: -500_000,
      debtLessons: 0,
      hasActiveSubscription: true,
      offerPurchaseFromBalance: false,
    });
  });

  it('lists the next two weeks of lessons, a holiday shown as cancelled', async () => {
    const body = await dashboardOf(f.masha.id);
    expect(body.upcomingLessons.map((l) => [l.id, l.status])).toEqual([
      [f.lessons.englishNext.id, 'scheduled'],
      [f.lessons.englishHoliday.id, 'cancelled'],
    ]);
    const holiday = must(body.upcomingLessons[1]);
    expect(holiday).toMatchObject({
      groupName: 'Английский, группа 1',
      courseName: 'Английский',
      cancelReason: 'holiday',
      cancelNote: 'День народного единства',
      movedFrom: null,
    });
    expect(new Date(holiday.startsAt).getTime()).toBe(f.lessons.englishHoliday.startsAt.getTime());
  });

  it('tells Петя’s parent that money sits on the balance without a subscription, and his debt', async () => {
    const body = await dashboardOf(f.petya.id);
    expect(body.endingSubscriptions).toEqual([]);
    expect(body.paymentsDue).toEqual([
      {
        kind: 'debt',
        id: f.groups.chess.id,
        title: 'Шахматы',
        subscriptionNumber: null,
        dueKopecks: 100_000,
        paidKopecks: null,
        totalKopecks: null,
        debtLessons: 2,
        lessonPriceKopecks: 50_000,
      },
    ]);
    expect(body.balance).toEqual({
      balanceKopecks: 300_000,
      reservedKopecks: 0,
      freeKopecks: 300_000,
      debtLessons: 2,
      hasActiveSubscription: false,
      offerPurchaseFromBalance: true,
    });
    expect(body.upcomingLessons.map((l) => l.id)).toEqual([f.lessons.chessNext.id]);
  });

  it('reads the whole home page in one SQL statement', async () => {
    // Every drizzle statement, raw or built, prepared or not, goes through the session.
    const statements = vi.spyOn(t.ctx.db._.session, 'prepareQuery');
    try {
      const body = await getDashboard(
        t.ctx.db,
        { organizationId: f.organization.id, userId: f.parent.id },
        f.petya.id,
      );
      expect(body.balance.freeKopecks).toBe(300_000);
      expect(statements).toHaveBeenCalledTimes(1);
    } finally {
      statements.mockRestore();
    }
  });

  it('takes the «ending» thresholds from the organization’s settings', async () => {
    await t.ctx.db
      .insert(classesSettings)
      .values({ organizationId: f.organization.id, endingLessonsLeft: 3, endingDaysLeft: 1 });
    const body = await dashboardOf(f.masha.id);
    expect(body.thresholds).toEqual({ lessonsLeft: 3, daysLeft: 1 });
    expect(body.endingSubscriptions).toEqual([
      expect.objectContaining({ lessonsLeft: 3, fewLessonsLeft: true, fewDaysLeft: false }),
    ]);
    await t.ctx.db
      .update(classesSettings)
      .set({ endingLessonsLeft: 0, endingDaysLeft: 0 })
      .where(eq(classesSettings.organizationId, f.organization.id));
    expect((await dashboardOf(f.masha.id)).endingSubscriptions).toEqual([]);
    await t.ctx.db
      .delete(classesSettings)
      .where(eq(classesSettings.organizationId, f.organization.id));
  });
});
