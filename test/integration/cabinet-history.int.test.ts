import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  LedgerResponse,
  LessonsResponse,
  SubscriptionsResponse,
  VisitsResponse,
} from '../../src/shared/contracts/cabinet.js';
import { localDay } from '../../src/server/modules/calendar/zoned-time.js';
import { users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createCabinetFamily,
  insertSubscriptionType,
  markAndCharge,
  sell,
  type CabinetFamily,
  must,
} from '../helpers/cabinet-fixtures.js';
import { insertLesson } from '../helpers/classes-factories.js';

const DAY = 86_400_000;

describe('cabinet: schedule, visits, subscriptions and the ledger', () => {
  let t: TestApp;
  let f: CabinetFamily;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createCabinetFamily(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(url: string, status = 200) => {
    const response = await t.app.inject({ method: 'GET', url, headers: f.headers });
    expect({
      url,
      status: response.statusCode,
      body: response.statusCode === status ? null : response.body,
    }).toEqual({ url, status, body: null });
    return response.json<T>();
  };
  const day = (offset: number) => localDay(new Date(Date.now() + offset * DAY), 'Europe/Moscow');

  it('lists the lessons of local days from…to, refusing a period that is too long', async () => {
    const body = await get<LessonsResponse>(
      `/api/students/${f.masha.id}/lessons?from=${day(-3)}&to=${day(25)}`,
    );
    expect(body.today).toBe(f.today);
    expect(body.lessons.map((l) => l.status)).toEqual([
      'scheduled',
      'scheduled',
      'cancelled',
      'scheduled',
    ]);
    expect(must(body.lessons[0]).id).toBe(f.lessons.englishPast.id);
    // The one-time-fee group has no lessons here; Петя’s chess lessons never show for Маша.
    expect(body.lessons.every((l) => l.groupId === f.groups.english.id)).toBe(true);
    const narrow = await get<LessonsResponse>(
      `/api/students/${f.masha.id}/lessons?from=${day(1)}&to=${day(1)}`,
    );
    expect(narrow.lessons.map((l) => l.id)).toEqual([f.lessons.englishNext.id]);
    await get(`/api/students/${f.masha.id}/lessons?from=${day(0)}&to=${day(60)}`, 400);
    await get(`/api/students/${f.masha.id}/lessons?from=${day(5)}&to=${day(0)}`, 400);
  });

  it('explains each visit’s charge in one sentence and filters the history', async () => {
    const masha = await get<VisitsResponse>(`/api/students/${f.masha.id}/visits`);
    expect(masha.visits).toHaveLength(1);
    expect(masha.firstVisitAt).not.toBeNull();
    expect(masha.groups.map((g) => g.name)).toEqual(['Английский, группа 1', 'Робототехника']);
    const visit = must(masha.visits[0]);
    expect(visit).toMatchObject({ groupName: 'Английский, группа 1', status: 'present' });
    expect(visit.charge).toMatchObject({
      outcome: 'subscription',
      amountKopecks: 25_000,
      subscriptionNumber: f.mashaSub.number,
    });
    expect(must(visit.charge).explanation).toMatch(
      new RegExp(
        `^Списано с абонемента №${f.mashaSub.number} \\(4\\u00a0занятия, до \\d\\d\\.\\d\\d\\)`,
      ),
    );

    const petya = await get<VisitsResponse>(`/api/students/${f.petya.id}/visits`);
    expect(petya.visits.map((v) => v.charge?.explanation)).toEqual([
      'Нет подходящего абонемента: занятие в долг',
      'Нет подходящего абонемента: занятие в долг',
    ]);
    // Newest first; the period is of local days, inclusive.
    expect(petya.visits.map((v) => v.id)).toEqual([
      must(f.petyaDebts[1]).id,
      must(f.petyaDebts[0]).id,
    ]);
    const lastWeek = await get<VisitsResponse>(
      `/api/students/${f.petya.id}/visits?from=${day(-9)}&to=${day(-9)}`,
    );
    expect(lastWeek.visits.map((v) => v.id)).toEqual([must(f.petyaDebts[0]).id]);
    const absent = await get<VisitsResponse>(
      `/api/students/${f.petya.id}/visits?status=absent_excused`,
    );
    expect(absent.visits).toEqual([]);
    const otherGroup = await get<VisitsResponse>(
      `/api/students/${f.petya.id}/visits?groupId=${f.groups.english.id}`,
    );
    expect(otherGroup.visits).toEqual([]);
    await get(`/api/students/${f.petya.id}/visits?status=late`, 400);
  });

  it('speaks English to an English-speaking account', async () => {
    const setLocale = (locale: 'ru' | 'en') =>
      t.ctx.db.update(users).set({ locale }).where(eq(users.id, f.parent.id));
    await setLocale('en');
    try {
      const petya = await get<VisitsResponse>(`/api/students/${f.petya.id}/visits`);
      expect(must(must(petya.visits[0]).charge).explanation).toBe(
        'No eligible subscription: the lesson is owed',
      );
    } finally {
      await setLocale('ru');
    }
  });

  it('pages the visit history without counting it', async () => {
    const { chess } = f.groups;
    for (let i = 0; i < 21; i += 1) {
      const startsAt = new Date(Date.now() - (12 + i) * DAY);
      const lesson = await insertLesson(t.ctx, f.organization.id, { groupId: chess.id, startsAt });
      await markAndCharge(t.ctx, f.organization.id, {
        lessonId: lesson.id,
        studentId: f.petya.id,
        groupId: chess.id,
        startsAt,
        status: 'trial',
      });
    }
    const first = await get<VisitsResponse>(`/api/students/${f.petya.id}/visits`);
    expect(first.visits).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const second = await get<VisitsResponse>(`/api/students/${f.petya.id}/visits?page=2`);
    expect(second.visits).toHaveLength(3);
    expect(second.hasMore).toBe(false);
    expect(must(must(second.visits.at(-1)).charge).explanation).toBe(
      'Пробное занятие не списывается',
    );
    const ids = new Set([...first.visits, ...second.visits].map((v) => v.id));
    expect(ids.size).toBe(23);
  });

  it('shows subscriptions with lessons used and left, status and payment; family ones to siblings', async () => {
    const shared = await insertSubscriptionType(t.ctx, f.organization.id, {
      name: 'Семейный',
      lessonsCount: 10,
      validityDays: 60,
      priceKopecks: 500_000,
      shareableInFamily: true,
    });
    const family = await sell(t.ctx, f.organization.id, f.masha.id, shared.id, 500_000, day(3));

    const masha = await get<SubscriptionsResponse>(`/api/students/${f.masha.id}/subscriptions`);
    expect(masha.subscriptions.map((s) => [s.number, s.status])).toEqual([
      [family.number, 'inactive'],
      [f.mashaSub.number, 'active'],
    ]);
    expect(masha.subscriptions[1]).toMatchObject({
      name: '4 занятия',
      lessonsTotal: 4,
      lessonsUsed: 1,
      lessonsLeft: 3,
      priceKopecks: 100_000,
      paidKopecks: 60_000,
      shared: false,
      ownerName: null,
      unusedLessons: 'burn',
    });
    const petya = await get<SubscriptionsResponse>(`/api/students/${f.petya.id}/subscriptions`);
    expect(petya.subscriptions).toEqual([
      expect.objectContaining({ id: family.id, shared: true, ownerName: 'Маша Иванова' }),
    ]);
  });

  it('tells the ledger newest first, each entry with what it was for and the running balance', async () => {
    const body = await get<LedgerResponse>(`/api/students/${f.masha.id}/ledger`);
    const entries = body.entries;
    // Each entry's balance before is the next (older) entry's balance after.
    for (let i = 0; i < entries.length - 1; i += 1) {
      expect(must(entries[i]).balanceAfterKopecks - must(entries[i]).amountKopecks).toBe(
        must(entries[i + 1]).balanceAfterKopecks,
      );
    }
    expect(must(entries.at(-1)).balanceAfterKopecks - must(entries.at(-1)).amountKopecks).toBe(0);
    expect(must(entries[0]).balanceAfterKopecks).toBe(body.balance.balanceKopecks);
    const byKind = Object.fromEntries(entries.map((e) => [e.kind, e]));
    expect(byKind.visit_charge).toMatchObject({
      amountKopecks: -25_000,
      subscription: { number: f.mashaSub.number, name: '4 занятия' },
      groupName: 'Английский, группа 1',
    });
    expect(must(byKind.visit_charge).lessonStartsAt).not.toBeNull();
    expect(byKind.fee_charge).toMatchObject({
      amountKopecks: -1_000_000,
      groupName: 'Робототехника',
    });
    expect(
      entries
        .filter((e) => e.kind === 'payment_in')
        .map((e) => e.paymentMethod)
        .sort(),
    ).toEqual(expect.arrayContaining(['card', 'cash']));
    expect(body.hasMore).toBe(false);
  });
});
