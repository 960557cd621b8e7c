import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chargeVisits,
  rechargeLessonVisits,
  rechargeVisits,
  settleDebts,
} from '../../src/server/modules/billing/charging.service.js';
import { enrollments, lessons, students, subscriptions } from '../../src/server/schema.js';
import { insertSubscription } from '../helpers/classes-factories.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createChargingWorld, defined, moneySnapshot } from './charging-world.js';

describe('charging visits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const charge = (organizationId: string, visitIds: string[]) =>
    t.ctx.db.transaction((tx) => chargeVisits(tx, { organizationId, visitIds, actorId: null }));
  const studentRow = async (id: string) =>
    defined((await t.ctx.db.select().from(students).where(eq(students.id, id)))[0]);
  const subscriptionRow = async (id: string) =>
    defined((await t.ctx.db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0]);

  it('charges a present visit to the lowest free slot of the subscription and writes the entry', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student } = await w.addStudent();
    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 12,
      beginsOn: '2026-01-01',
      endsOn: '2026-12-31',
      lessonsTotal: 3,
      priceKopecks: 100_000,
    });
    const lesson = await w.addLesson('2026-02-03T18:00');
    const visit = await w.addVisit(lesson.id, student.id, 'present');

    expect(await charge(w.organizationId, [visit.id])).toEqual({ superseded: 0, decided: 1 });
    // Idempotent: a visit with a live decision is not charged again.
    expect(await charge(w.organizationId, [visit.id])).toEqual({ superseded: 0, decided: 0 });

    const live = await w.liveCharge(visit.id);
    expect(live).toMatchObject({
      outcome: 'subscription',
      subscriptionId: sub.id,
      lessonNumber: 1,
      amountKopecks: 33_333,
      reason: 'only_eligible',
    });
    expect(live?.reasonParams).toMatchObject({ subscriptionNumber: 12, lessonsTotal: 3 });
    expect((await studentRow(student.id)).balanceKopecks).toBe(-33_333);
    expect((await studentRow(student.id)).firstVisitAt).toEqual(lesson.startsAt);
    expect(await subscriptionRow(sub.id)).toMatchObject({
      lessonsUsed: 1,
      chargedKopecks: 33_333,
    });
  });

  it('reverses the charge when a visit is re-marked as an excused absence that costs nothing', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student } = await w.addStudent();
    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 1,
      beginsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    const lesson = await w.addLesson('2026-02-03T18:00');
    const visit = await w.addVisit(lesson.id, student.id, 'present');
    await charge(w.organizationId, [visit.id]);
    await w.setStatus(visit.id, 'absent_excused');
    const result = await t.ctx.db.transaction((tx) =>
      rechargeVisits(tx, {
        organizationId: w.organizationId,
        visitIds: [visit.id],
        reason: 'remarked',
        actorId: null,
      }),
    );
    expect(result).toEqual({ superseded: 1, decided: 1 });
    expect(await w.liveCharge(visit.id)).toMatchObject({
      outcome: 'not_chargeable',
      reason: 'excused',
    });
    expect(await subscriptionRow(sub.id)).toMatchObject({ lessonsUsed: 0, chargedKopecks: 0 });
    const student2 = await studentRow(student.id);
    expect(student2.balanceKopecks).toBe(0);
    expect(student2.firstVisitAt).toBeNull();
    const snapshot = await moneySnapshot(t.ctx, w.organizationId);
    expect(snapshot.students[0]?.entries).toBe(0);
  });

  it('puts a visit without a subscription in debt and settles it when one is sold', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student, enrollment } = await w.addStudent();
    const lesson = await w.addLesson('2026-02-03T18:00');
    const visit = await w.addVisit(lesson.id, student.id, 'present');
    await charge(w.organizationId, [visit.id]);
    expect(await w.liveCharge(visit.id)).toMatchObject({
      outcome: 'debt',
      reason: 'no_eligible_subscription',
    });
    expect((await studentRow(student.id)).debtLessons).toBe(1);
    const [enrolled] = await t.ctx.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, enrollment.id));
    expect(enrolled?.debtLessons).toBe(1);

    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 2,
      beginsOn: '2026-02-01',
      endsOn: '2026-02-28',
      lessonsTotal: 4,
      priceKopecks: 400_000,
    });
    const settled = await t.ctx.db.transaction((tx) =>
      settleDebts(tx, { organizationId: w.organizationId, subscriptionId: sub.id, actorId: null }),
    );
    expect(settled).toEqual({ superseded: 1, decided: 1 });
    expect(await w.liveCharge(visit.id)).toMatchObject({
      outcome: 'subscription',
      subscriptionId: sub.id,
      amountKopecks: 100_000,
    });
    expect((await studentRow(student.id)).debtLessons).toBe(0);
    const snapshot = await moneySnapshot(t.ctx, w.organizationId);
    expect(snapshot.enrollments).toEqual([{ id: enrollment.id, debt: 0, liveDebts: 0 }]);
  });

  it('makes the visits of a cancelled lesson not chargeable', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student } = await w.addStudent();
    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 3,
      beginsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    const lesson = await w.addLesson('2026-02-03T18:00');
    const visit = await w.addVisit(lesson.id, student.id, 'present');
    await charge(w.organizationId, [visit.id]);
    await t.ctx.db
      .update(lessons)
      .set({ status: 'cancelled', cancelReason: 'staff' })
      .where(eq(lessons.id, lesson.id));
    await t.ctx.db.transaction((tx) =>
      rechargeLessonVisits(tx, {
        organizationId: w.organizationId,
        lessonId: lesson.id,
        reason: 'lesson_cancelled',
        actorId: null,
      }),
    );
    expect(await w.liveCharge(visit.id)).toMatchObject({
      outcome: 'not_chargeable',
      reason: 'lesson_cancelled',
    });
    expect(await subscriptionRow(sub.id)).toMatchObject({ lessonsUsed: 0, chargedKopecks: 0 });
    expect((await studentRow(student.id)).balanceKopecks).toBe(0);
  });
});
