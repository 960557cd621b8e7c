import { count, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DashboardResponse,
  MyStudentsResponse,
  VisitsResponse,
} from '../../src/shared/contracts/cabinet.js';
import { seedDemoAccount } from '../../src/server/modules/access/index.js';
import { seedDemoClasses } from '../../src/server/modules/classes/demo.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import {
  charges,
  enrollments,
  groups,
  lessons,
  ledgerEntries,
  scheduleRules,
  securityAudit,
  studentAccounts,
  students,
  subscriptions,
  visits,
} from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { must } from '../helpers/cabinet-fixtures.js';
import { createOrganization, signInAs } from '../helpers/factories.js';

const PASSWORD = 'demo password for the tests';
const PEOPLE = {
  admin: { email: 'admin@example.com', displayName: 'Анна Сергеевна Кузнецова', role: 'admin' },
  teacher: {
    email: 'teacher@example.com',
    displayName: 'Игорь Валентинович Смирнов',
    role: 'teacher',
  },
  parent: { email: 'parent@example.com', displayName: 'Мария Павловна Иванова', role: null },
} as const;

describe('classes demo: a family with two children in different situations', () => {
  let t: TestApp;
  let organization: Organization;
  let headers: { host: string; cookie: string };
  let children: MyStudentsResponse['students'];

  const get = async <T>(url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const childNamed = (name: string) =>
    must(
      children.find((c) => c.fullName === name),
      name,
    );
  const seed = () =>
    seedDemoClasses(t.ctx, organization.id, {
      parent: PEOPLE.parent,
      teacher: PEOPLE.teacher,
      admin: PEOPLE.admin,
    });

  beforeAll(async () => {
    t = await createTestApp();
    organization = await createOrganization(t.ctx);
    for (const person of Object.values(PEOPLE)) {
      await seedDemoAccount(t.ctx, organization.id, {
        email: person.email,
        displayName: person.displayName,
        role: person.role,
        password: PASSWORD,
        accessOpenedAt: new Date(),
      });
    }
    await seed();
    headers = await signInAs(t.app, organization, PEOPLE.parent.email, PASSWORD);
    children = (await get<MyStudentsResponse>('/api/me/students')).students;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('shows the parent both children of the Ивановы family', () => {
    expect(children.map((c) => c.fullName).sort()).toEqual(['Маша Иванова', 'Миша Иванов']);
    expect(children.every((c) => c.family?.name === 'Ивановы')).toBe(true);
  });

  it('gives Миша an active subscription, one ending tomorrow and a club card paid 600 of 1 000 ₽', async () => {
    const misha = childNamed('Миша Иванов');
    const home = await get<DashboardResponse>(`/api/students/${misha.id}/dashboard`);
    expect(home.balance.hasActiveSubscription).toBe(true);
    const ending = must(home.endingSubscriptions.find((s) => s.name === '8 занятий в месяц'));
    expect(ending).toMatchObject({ daysLeft: 1, fewDaysLeft: true });
    // A trial and an excused absence are not charged: at most six of eight lessons are used.
    expect(ending.lessonsLeft).toBeGreaterThanOrEqual(1);
    expect(home.paymentsDue).toEqual([
      expect.objectContaining({
        kind: 'subscription',
        title: 'Разговорный клуб, 4 занятия',
        paidKopecks: 60_000,
        totalKopecks: 100_000,
        dueKopecks: 40_000,
      }),
    ]);
    expect(home.balance.debtLessons).toBe(0);
    expect(home.upcomingLessons.length).toBeGreaterThan(0);
  });

  it('charges Миша’s marked lessons to the subscription that ends first, and explains it', async () => {
    const misha = childNamed('Миша Иванов');
    const page = await get<VisitsResponse>(`/api/students/${misha.id}/visits`);
    const statuses = new Set(page.visits.map((v) => v.status));
    expect(statuses).toEqual(new Set(['present', 'trial', 'absent_excused']));
    const charged = page.visits.filter((v) => v.charge?.outcome === 'subscription');
    expect(charged.length).toBeGreaterThanOrEqual(4);
    for (const visit of charged) {
      expect(must(visit.charge).explanation).toMatch(/^Списано с абонемента №\d+/);
    }
    const trial = must(page.visits.find((v) => v.status === 'trial'));
    expect(must(trial.charge).explanation).toBe('Пробное занятие не списывается');
  });

  it('gives Маша lessons in debt, free money without a subscription and a course paid 5 000 of 10 000 ₽', async () => {
    const masha = childNamed('Маша Иванова');
    const home = await get<DashboardResponse>(`/api/students/${masha.id}/dashboard`);
    expect(home.balance).toMatchObject({
      freeKopecks: 300_000,
      hasActiveSubscription: false,
      offerPurchaseFromBalance: true,
    });
    const debt = must(home.paymentsDue.find((line) => line.kind === 'debt'));
    expect(debt.title).toBe('Английский, группа A2 (10–12 лет)');
    // Tuesdays and Thursdays since ten days ago: at least two lessons, each 1 000 ₽.
    expect(debt.debtLessons).toBeGreaterThanOrEqual(2);
    expect(debt.dueKopecks).toBe(debt.debtLessons * 100_000);
    expect(home.balance.debtLessons).toBe(debt.debtLessons);
    expect(home.paymentsDue.find((line) => line.kind === 'enrollment_fee')).toMatchObject({
      title: 'Робототехника: весенний курс',
      paidKopecks: 500_000,
      totalKopecks: 1_000_000,
      dueKopecks: 500_000,
    });
    const page = await get<VisitsResponse>(`/api/students/${masha.id}/visits`);
    const inDebt = page.visits.filter((v) => v.charge?.outcome === 'debt');
    expect(inDebt).toHaveLength(debt.debtLessons);
    expect(must(inDebt[0]?.charge).explanation).toMatch(/^Нет подходящего абонемента/);
  });

  it('changes nothing when the demo runs again', async () => {
    const tables: [string, PgTable, SQL][] = [
      ['groups', groups, eq(groups.organizationId, organization.id)],
      ['rules', scheduleRules, eq(scheduleRules.organizationId, organization.id)],
      ['lessons', lessons, eq(lessons.organizationId, organization.id)],
      ['students', students, eq(students.organizationId, organization.id)],
      ['links', studentAccounts, eq(studentAccounts.organizationId, organization.id)],
      ['enrolments', enrollments, eq(enrollments.organizationId, organization.id)],
      ['subscriptions', subscriptions, eq(subscriptions.organizationId, organization.id)],
      ['visits', visits, eq(visits.organizationId, organization.id)],
      ['charges', charges, eq(charges.organizationId, organization.id)],
      ['ledger', ledgerEntries, eq(ledgerEntries.organizationId, organization.id)],
      ['audit', securityAudit, eq(securityAudit.organizationId, organization.id)],
    ];
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async ([name, table, where]) => {
            const [row] = await t.ctx.db.select({ n: count() }).from(table).where(where);
            return [name, row?.n ?? 0] as const;
          }),
        ),
      );
    const before = await counts();
    const balances = await t.ctx.db
      .select({ id: students.id, balance: students.balanceKopecks, debt: students.debtLessons })
      .from(students)
      .where(eq(students.organizationId, organization.id));
    await seed();
    expect(await counts()).toEqual(before);
    expect(
      await t.ctx.db
        .select({ id: students.id, balance: students.balanceKopecks, debt: students.debtLessons })
        .from(students)
        .where(eq(students.organizationId, organization.id)),
    ).toEqual(balances);
  }, 60_000);
});
