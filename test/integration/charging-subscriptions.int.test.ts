import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chargeVisits,
  rechargeSubscriptionScope,
  rechargeVisits,
  settleDebts,
} from '../../src/server/modules/billing/charging.service.js';
import { students, subscriptions } from '../../src/server/schema.js';
import { insertCourse, insertGroup, insertSubscription } from '../helpers/classes-factories.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createChargingWorld, defined, moneySnapshot } from './charging-world.js';

/** How subscriptions change charging: sales settle debts, cancelled and ended ones. */
describe('charging and subscriptions', () => {
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

  it('settles debts oldest first, only inside the subscription dates and scope, until its lessons run out', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student } = await w.addStudent();
    const otherCourse = await insertCourse(t.ctx, w.organizationId, 'Рисование');
    const otherGroup = await insertGroup(t.ctx, w.organizationId, { courseId: otherCourse.id });
    const visits = [];
    for (const [local, groupId] of [
      ['2026-01-20T18:00', w.group.id], // before the subscription begins
      ['2026-02-03T18:00', w.group.id],
      ['2026-02-05T18:00', otherGroup.id], // another course: out of scope
      ['2026-02-10T18:00', w.group.id],
      ['2026-02-12T18:00', w.group.id], // no lesson left for it
    ] as const) {
      const lesson = await w.addLesson(local, groupId);
      visits.push(await w.addVisit(lesson.id, student.id, 'present'));
    }
    await charge(
      w.organizationId,
      visits.map((v) => v.id),
    );
    expect((await studentRow(student.id)).debtLessons).toBe(5);
    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 7,
      beginsOn: '2026-02-01',
      endsOn: '2026-02-28',
      lessonsTotal: 2,
      priceKopecks: 200_000,
      coversAllGroups: false,
      courseIds: [w.course.id],
    });
    const settled = await t.ctx.db.transaction((tx) =>
      settleDebts(tx, { organizationId: w.organizationId, subscriptionId: sub.id, actorId: null }),
    );
    expect(settled).toEqual({ superseded: 2, decided: 2 });
    const outcomes = [];
    for (const visit of visits) outcomes.push((await w.liveCharge(visit.id))?.outcome);
    expect(outcomes).toEqual(['debt', 'subscription', 'debt', 'subscription', 'debt']);
    expect((await studentRow(student.id)).debtLessons).toBe(3);
    expect(await subscriptionRow(sub.id)).toMatchObject({
      lessonsUsed: 2,
      chargedKopecks: 200_000,
    });
  });

  it('moves the visits of a cancelled sale to the next subscription, and a back-dated mark takes its slot in lesson order', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student } = await w.addStudent();
    const first = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 1,
      beginsOn: '2026-01-01',
      endsOn: '2026-03-31',
      lessonsTotal: 1,
      priceKopecks: 100_000,
    });
    const second = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 2,
      beginsOn: '2026-01-01',
      endsOn: '2026-06-30',
      lessonsTotal: 1,
      priceKopecks: 300_000,
    });
    const late = await w.addVisit(
      (await w.addLesson('2026-02-10T18:00')).id,
      student.id,
      'present',
    );
    await charge(w.organizationId, [late.id]);
    expect(await w.liveCharge(late.id)).toMatchObject({ subscriptionId: first.id });

    // Marking an earlier lesson afterwards gives it the earlier-ending subscription.
    const early = await w.addVisit(
      (await w.addLesson('2026-02-03T18:00')).id,
      student.id,
      'present',
    );
    await charge(w.organizationId, [early.id]);
    expect(await w.liveCharge(early.id)).toMatchObject({ subscriptionId: first.id });
    expect(await w.liveCharge(late.id)).toMatchObject({
      subscriptionId: second.id,
      amountKopecks: 300_000,
    });

    // Cancelling the first sale moves its visit; the later one no longer fits and owes.
    await t.ctx.db
      .update(subscriptions)
      .set({ endedAt: new Date(), endReason: 'cancelled' })
      .where(eq(subscriptions.id, first.id));
    await t.ctx.db.transaction((tx) =>
      rechargeSubscriptionScope(tx, {
        organizationId: w.organizationId,
        subscriptionId: first.id,
        reason: 'subscription_changed',
        actorId: null,
      }),
    );
    expect(await w.liveCharge(early.id)).toMatchObject({ subscriptionId: second.id });
    expect(await w.liveCharge(late.id)).toMatchObject({ outcome: 'debt' });
    const snapshot = await moneySnapshot(t.ctx, w.organizationId);
    expect(snapshot.students).toEqual([
      { id: student.id, balance: -300_000, entries: -300_000, debt: 1, liveDebts: 1 },
    ]);
    expect(snapshot.subscriptions.map((s) => [s.used, s.charged])).toEqual([
      [0, 0],
      [1, 300_000],
    ]);
  });

  it('gives no money back when a charge on an ended burn subscription is undone', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student } = await w.addStudent();
    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 5,
      beginsOn: '2026-01-01',
      endsOn: '2026-01-31',
      lessonsTotal: 2,
      priceKopecks: 200_000,
    });
    const visit = await w.addVisit(
      (await w.addLesson('2026-01-20T18:00')).id,
      student.id,
      'present',
    );
    await charge(w.organizationId, [visit.id]);
    await t.ctx.db
      .update(subscriptions)
      .set({ endedAt: new Date('2026-02-01T00:00:00Z'), endReason: 'expired' })
      .where(eq(subscriptions.id, sub.id));
    await w.setStatus(visit.id, 'trial');
    await t.ctx.db.transaction((tx) =>
      rechargeVisits(tx, {
        organizationId: w.organizationId,
        visitIds: [visit.id],
        reason: 'remarked',
        actorId: null,
      }),
    );
    expect(await w.liveCharge(visit.id)).toMatchObject({ outcome: 'not_chargeable' });
    expect((await studentRow(student.id)).balanceKopecks).toBe(-100_000);
    expect(await subscriptionRow(sub.id)).toMatchObject({
      lessonsUsed: 0,
      chargedKopecks: 100_000,
    });

    // Marked present again: the slot is used, but its value was already consumed.
    await w.setStatus(visit.id, 'present');
    await t.ctx.db.transaction((tx) =>
      rechargeVisits(tx, {
        organizationId: w.organizationId,
        visitIds: [visit.id],
        reason: 'remarked',
        actorId: null,
      }),
    );
    expect(await w.liveCharge(visit.id)).toMatchObject({
      outcome: 'subscription',
      amountKopecks: 0,
    });
    expect((await studentRow(student.id)).balanceKopecks).toBe(-100_000);
  });

  it('gives a slot freed under slots that stay put back to the next visit that needs one', async () => {
    const w = await createChargingWorld(t.ctx);
    const { student } = await w.addStudent();
    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 6,
      beginsOn: '2026-01-01',
      endsOn: '2026-01-31',
      lessonsTotal: 4,
      priceKopecks: 400_000,
    });
    const visits = [];
    for (const day of ['12', '19', '26']) {
      const lesson = await w.addLesson(`2026-01-${day}T18:00`);
      visits.push(await w.addVisit(lesson.id, student.id, 'present'));
    }
    await charge(
      w.organizationId,
      visits.map((visit) => visit.id),
    );
    // Ended burn: the later charges stay on their slots 2 and 3 when the first one is undone.
    await t.ctx.db
      .update(subscriptions)
      .set({ endedAt: new Date('2026-02-01T00:00:00Z'), endReason: 'expired' })
      .where(eq(subscriptions.id, sub.id));
    const [first, second, third] = visits.map((visit) => visit.id);
    const remark = async (status: 'trial' | 'present') => {
      await w.setStatus(defined(first), status);
      await t.ctx.db.transaction((tx) =>
        rechargeVisits(tx, {
          organizationId: w.organizationId,
          visitIds: [defined(first)],
          reason: 'remarked',
          actorId: null,
        }),
      );
    };
    await remark('trial');
    expect(await subscriptionRow(sub.id)).toMatchObject({ lessonsUsed: 2 });
    expect(await w.liveCharge(defined(second))).toMatchObject({ lessonNumber: 2 });

    // Slot 1 is the gap: marked present again, the first visit takes it, not slot 4.
    await remark('present');
    expect(await w.liveCharge(defined(first))).toMatchObject({
      outcome: 'subscription',
      lessonNumber: 1,
    });
    expect(await w.liveCharge(defined(third))).toMatchObject({ lessonNumber: 3 });
    expect(await subscriptionRow(sub.id)).toMatchObject({ lessonsUsed: 3 });
  });
});
