import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceStatus } from '../../src/shared/contracts/attendance.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { rechargeLessonVisits } from '../../src/server/modules/billing/charging.service.js';
import { markAttendance } from '../../src/server/modules/classes/attendance.service.js';
import { groups, lessons } from '../../src/server/schema.js';
import { insertFamily, insertSubscription } from '../helpers/classes-factories.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { expectEqualsScratch, expectFirstVisits } from './charging-scratch.js';
import { createChargingWorld, defined, moneySnapshot } from './charging-world.js';

/**
 * The ledger's invariants on a real database, for random worlds and random orders of marking,
 * re-marking, cancelling, restoring and moving lessons: balances equal their entries, counters
 * equal the live charges, no visit is charged twice, and the live decisions equal charging the
 * final attendance from scratch in lesson order.
 */

const STATUSES: AttendanceStatus[] = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'trial',
  'free',
  'makeup',
];

// Present twice as often: charged visits are where order matters.
const PRESENT_MOSTLY: AttendanceStatus[] = ['present', ...STATUSES];

const arbWorld = fc.record({
  chargeUnexcusedAbsence: fc.boolean(),
  excusedAbsenceChargePercent: fc.constantFrom(0, 50),
  subscriptions: fc.array(
    fc.record({
      owner: fc.integer({ min: 0, max: 1 }),
      shared: fc.boolean(),
      lessonsTotal: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 5 }),
      priceKopecks: fc.integer({ min: 0, max: 500_000 }),
      begin: fc.integer({ min: 1, max: 12 }),
      length: fc.integer({ min: 3, max: 27 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  lessonDays: fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 3, maxLength: 5 }),
});

const arbOp = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      lesson: fc.nat(4),
      marks: fc.array(fc.tuple(fc.nat(1), fc.constantFrom(...PRESENT_MOSTLY)), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('cancel' as const, 'restore' as const),
      lesson: fc.nat(4),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      lesson: fc.nat(4),
      day: fc.integer({ min: 1, max: 28 }),
    }),
  },
);

const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}`;

describe('charging invariants under random histories', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps the ledger balanced and equal to charging the final attendance from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbWorld,
        fc.array(arbOp, { minLength: 2, maxLength: 14 }),
        async (spec, ops) => {
          const w = await createChargingWorld(t.ctx);
          const { organizationId } = w;
          await t.ctx.db
            .update(groups)
            .set({
              chargeUnexcusedAbsence: spec.chargeUnexcusedAbsence,
              excusedAbsenceChargePercent: spec.excusedAbsenceChargePercent,
            })
            .where(eq(groups.id, w.group.id));
          const admin = await createUser(t.ctx, w.organization, { role: 'admin' });
          const family = await insertFamily(t.ctx, organizationId);
          const kids = [
            (await w.addStudent({ fullName: 'Анна', familyId: family.id })).student,
            (await w.addStudent({ fullName: 'Борис', familyId: family.id })).student,
          ];
          for (const [i, s] of spec.subscriptions.entries()) {
            await insertSubscription(t.ctx, organizationId, {
              studentId: defined(kids[s.owner]).id,
              familyId: s.shared ? family.id : null,
              number: 10 - i,
              lessonsTotal: s.lessonsTotal,
              priceKopecks: s.priceKopecks,
              originalPriceKopecks: s.priceKopecks,
              beginsOn: day(s.begin),
              endsOn: day(Math.min(28, s.begin + s.length)),
            });
          }
          const lessonRows = [];
          for (const d of spec.lessonDays) lessonRows.push(await w.addLesson(`${day(d)}T18:00`));

          for (const op of ops) {
            const lesson = defined(lessonRows[op.lesson % lessonRows.length]);
            if (op.kind === 'mark') {
              const marks = new Map(
                op.marks.map(([kid, status]) => [defined(kids[kid]).id, status]),
              );
              await markAttendance(t.ctx, {
                organizationId,
                lessonId: lesson.id,
                actor: { id: admin.id, staffRole: 'admin' },
                marks: [...marks].map(([studentId, status]) => ({ studentId, status })),
                locale: 'ru',
              }).catch((error: unknown) => {
                // Marking a cancelled lesson is refused; anything else is a failure.
                if (!String(error).includes('cancelled')) throw error;
              });
              continue;
            }
            await t.ctx.db.transaction(async (tx) => {
              if (op.kind === 'move') {
                const startsAt = new Date(`${day(op.day)}T18:00:00+03:00`);
                await tx
                  .update(lessons)
                  .set({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) })
                  .where(eq(lessons.id, lesson.id));
              } else {
                await tx
                  .update(lessons)
                  .set({ status: op.kind === 'cancel' ? 'cancelled' : 'scheduled' })
                  .where(eq(lessons.id, lesson.id));
              }
              await rechargeLessonVisits(tx, {
                organizationId,
                lessonId: lesson.id,
                reason: op.kind === 'cancel' ? 'lesson_cancelled' : 'remarked',
                actorId: admin.id,
              });
            });
          }

          const snapshot = await moneySnapshot(t.ctx, organizationId);
          for (const s of snapshot.students) {
            expect(s.balance).toBe(s.entries);
            expect(s.debt).toBe(s.liveDebts);
          }
          for (const e of snapshot.enrollments) expect(e.debt).toBe(e.liveDebts);
          for (const s of snapshot.subscriptions) {
            expect([s.used, s.charged]).toEqual([s.liveUsed, s.liveCharged]);
          }
          // Never charged twice: each visit's money entries net to its one live charge.
          const perVisit = await rowsOf<{ visitId: string; net: number; live: number }>(
            t.ctx.db,
            sql`select v.id as "visitId",
                     (select coalesce(sum(amount_kopecks), 0)::int from ledger_entries
                      where visit_id = v.id) as net,
                     (select coalesce(sum(amount_kopecks), 0)::int from charges
                      where visit_id = v.id and superseded_at is null) as live
              from visits v where v.organization_id = ${organizationId}`,
          );
          for (const v of perVisit) expect(v.net + v.live).toBe(0);
          // Each entry's balance after it is the running sum of the student's entries in order.
          const [chain] = await rowsOf<{ broken: number }>(
            t.ctx.db,
            sql`select count(*)::int as broken from (
                  select balance_after_kopecks as after,
                         sum(amount_kopecks) over (partition by student_id
                                                   order by created_at, id) as running
                  from ledger_entries where organization_id = ${organizationId}) e
                where e.after <> e.running`,
          );
          expect(chain?.broken).toBe(0);
          expect(snapshot.live).toHaveLength(perVisit.length);

          await expectEqualsScratch(t, organizationId, snapshot.live);
          await expectFirstVisits(
            t,
            kids.map((k) => k.id),
          );
        },
      ),
      { numRuns: Number(process.env.CHARGING_PROPERTY_RUNS ?? 15) },
    );
  }, 120_000);
});
