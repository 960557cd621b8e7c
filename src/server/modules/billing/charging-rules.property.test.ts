import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVisitKeys, decideInOrder, type OrderedVisit } from './charging-order.js';
import {
  slotValue,
  type AttendanceStatus,
  type ChargeDecision,
  type RuleGroup,
  type RuleSubscription,
} from './charging-rules.js';

/**
 * Properties of the pure rules that make charging order-independent: decisions in lesson order
 * depend on the set of visits only, a prefix never depends on later visits, and so re-deciding
 * everything after the earliest change (what charging.service does) always equals charging the
 * final attendance from scratch.
 */

const STATUSES: AttendanceStatus[] = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'trial',
  'free',
  'makeup',
];
const STUDENTS = ['anna', 'boris'];
const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}`;

const arbGroup: fc.Arbitrary<RuleGroup> = fc.record({
  paymentMode: fc.constantFrom(
    'per_lesson' as const,
    'per_lesson' as const,
    'one_time_fee' as const,
  ),
  chargeUnexcusedAbsence: fc.boolean(),
  excusedAbsenceChargePercent: fc.constantFrom(0, 30, 50, 100),
  lessonPriceKopecks: fc.constant(100_000),
});

const arbSubscriptions: fc.Arbitrary<RuleSubscription[]> = fc
  .array(
    fc.record({
      owner: fc.constantFrom(...STUDENTS),
      shared: fc.boolean(),
      lessonsTotal: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4 }),
      priceKopecks: fc.integer({ min: 0, max: 1_000_000 }),
      begin: fc.integer({ min: 1, max: 20 }),
      length: fc.integer({ min: 0, max: 20 }),
      freeze: fc.option(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 5 }))),
    }),
    { maxLength: 4 },
  )
  .map((specs) =>
    specs.map((spec, i) => ({
      id: `s${String(i)}`,
      number: 10 - i,
      name: 'абонемент',
      studentId: spec.owner,
      familyId: spec.shared ? 'family' : null,
      lessonsTotal: spec.lessonsTotal,
      priceKopecks: spec.priceKopecks,
      beginsOn: day(spec.begin),
      endsOn: day(Math.min(28, spec.begin + spec.length)),
      frozenFrom: spec.freeze ? day(spec.freeze[0]) : null,
      frozenTo: spec.freeze ? day(Math.min(28, spec.freeze[0] + spec.freeze[1])) : null,
      endedAt: null,
      endReason: null,
      unusedLessons: 'burn' as const,
      coversAllGroups: true,
      groupIds: [],
      courseIds: [],
      usedSlots: [],
    })),
  );

/** Lessons on some days of February (two students each), with the group's rules. */
const arbWorld = fc.record({
  group: arbGroup,
  subscriptions: arbSubscriptions,
  lessonDays: fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 6 }),
});

type World = { group: RuleGroup; subscriptions: RuleSubscription[]; lessonDays: number[] };
type Attendance = { statuses: Map<string, AttendanceStatus>; cancelled: Set<number> };

const visitId = (lessonDay: number, student: string) =>
  `v${String(lessonDay).padStart(2, '0')}-${student}`;

function orderedVisit(world: World, attendance: Attendance, id: string): OrderedVisit {
  const lessonDay = Number(id.slice(1, 3));
  const studentId = id.slice(4);
  return {
    visitId: id,
    group: world.group,
    visit: {
      status: attendance.statuses.get(id) ?? 'present',
      studentId,
      familyId: 'family',
      groupId: 'g',
      courseId: 'c',
      lessonDate: day(lessonDay),
      lessonStartsAt: new Date(`${day(lessonDay)}T15:00:00Z`),
      lessonCancelled: attendance.cancelled.has(lessonDay),
    },
  };
}

const keyOf = (item: OrderedVisit) => ({
  lessonStartsAt: item.visit.lessonStartsAt,
  visitId: item.visitId,
});

/** The service's algorithm on live decisions: re-decide the changed visits and all later ones. */
function applyChange(
  world: World,
  attendance: Attendance,
  live: Map<string, ChargeDecision>,
  changedIds: readonly string[],
): void {
  const changed = changedIds.map((id) => orderedVisit(world, attendance, id));
  const first = changed.map(keyOf).reduce((a, b) => (compareVisitKeys(a, b) <= 0 ? a : b));
  const tail = [...live]
    .filter(([id, decision]) => !changedIds.includes(id) && decision.outcome !== 'not_chargeable')
    .map(([id]) => orderedVisit(world, attendance, id))
    .filter((item) => compareVisitKeys(keyOf(item), first) > 0);
  const items = [...changed, ...tail];
  const itemIds = new Set(items.map((item) => item.visitId));
  const subscriptions = world.subscriptions.map((subscription) => ({
    ...subscription,
    usedSlots: [...live]
      .filter(
        ([id, d]) =>
          !itemIds.has(id) && d.outcome === 'subscription' && d.subscriptionId === subscription.id,
      )
      .flatMap(([, d]) =>
        d.outcome === 'subscription' && d.lessonNumber !== null ? [d.lessonNumber] : [],
      ),
  }));
  for (const [id, decision] of decideInOrder(items, subscriptions).decisions)
    live.set(id, decision);
}

function fromScratch(world: World, attendance: Attendance) {
  return decideInOrder(
    [...attendance.statuses.keys()].map((id) => orderedVisit(world, attendance, id)),
    world.subscriptions,
  ).decisions;
}

const arbOps = (world: World) =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('mark' as const),
        lessonDay: fc.constantFrom(...world.lessonDays),
        student: fc.constantFrom(...STUDENTS),
        status: fc.constantFrom(...STATUSES),
      }),
      fc.record({
        kind: fc.constantFrom('cancel' as const, 'restore' as const),
        lessonDay: fc.constantFrom(...world.lessonDays),
      }),
    ),
    { maxLength: 25 },
  );

describe('charging rules, for any input', () => {
  it('splits any price into slots that sum to it and differ by at most a kopeck', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 200 }),
        (p, n) => {
          const slots = Array.from({ length: n }, (_, i) => slotValue(p, n, i + 1));
          expect(slots.reduce((a, b) => a + b, 0)).toBe(p);
          expect(Math.max(...slots) - Math.min(...slots)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('never uses a slot twice nor more lessons than a subscription has', () => {
    fc.assert(
      fc.property(
        arbWorld,
        fc.array(fc.constantFrom(...STATUSES), { minLength: 12, maxLength: 12 }),
        (world, statuses) => {
          const attendance: Attendance = { statuses: new Map(), cancelled: new Set() };
          world.lessonDays.forEach((d, i) => {
            STUDENTS.forEach((s, j) => {
              attendance.statuses.set(visitId(d, s), statuses[i * 2 + j] ?? 'present');
            });
          });
          const decisions = [...fromScratch(world, attendance).values()];
          const slots = decisions.flatMap((d) =>
            d.outcome === 'subscription' && d.lessonNumber !== null
              ? [`${d.subscriptionId}#${String(d.lessonNumber)}`]
              : [],
          );
          expect(new Set(slots).size).toBe(slots.length);
          for (const subscription of world.subscriptions) {
            const used = decisions.filter(
              (d) => d.outcome === 'subscription' && d.subscriptionId === subscription.id,
            );
            if (subscription.lessonsTotal !== null) {
              expect(used.length).toBeLessThanOrEqual(subscription.lessonsTotal);
              for (const d of used) {
                if (d.outcome !== 'subscription' || d.lessonNumber === null) continue;
                expect(d.amountKopecks).toBeLessThanOrEqual(
                  slotValue(subscription.priceKopecks, subscription.lessonsTotal, d.lessonNumber),
                );
              }
            } else {
              for (const d of used) expect(d.amountKopecks).toBe(0);
            }
          }
        },
      ),
    );
  });

  it('decides the same whatever order the visits are given in', () => {
    fc.assert(
      fc.property(arbWorld, fc.integer(), (world, seed) => {
        const attendance: Attendance = { statuses: new Map(), cancelled: new Set() };
        for (const d of world.lessonDays)
          for (const s of STUDENTS) attendance.statuses.set(visitId(d, s), 'present');
        const items = [...attendance.statuses.keys()].map((id) =>
          orderedVisit(world, attendance, id),
        );
        const shuffled = [...items].sort(
          (a, b) => ((a.visitId.charCodeAt(2) * seed) % 7) - ((b.visitId.charCodeAt(2) * seed) % 7),
        );
        expect(decideInOrder(shuffled, world.subscriptions).decisions).toEqual(
          decideInOrder(items, world.subscriptions).decisions,
        );
      }),
    );
  });

  it('after any order of marking, re-marking and cancelling, equals charging from scratch', () => {
    fc.assert(
      fc.property(
        arbWorld.chain((world) => fc.tuple(fc.constant(world), arbOps(world))),
        ([world, ops]) => {
          const attendance: Attendance = { statuses: new Map(), cancelled: new Set() };
          const live = new Map<string, ChargeDecision>();
          for (const op of ops) {
            if (op.kind === 'mark') {
              const id = visitId(op.lessonDay, op.student);
              if (attendance.cancelled.has(op.lessonDay)) continue; // the API refuses it
              if (attendance.statuses.get(id) === op.status) continue; // a no-op re-mark
              attendance.statuses.set(id, op.status);
              applyChange(world, attendance, live, [id]);
            } else {
              if (op.kind === 'cancel') attendance.cancelled.add(op.lessonDay);
              else attendance.cancelled.delete(op.lessonDay);
              const ids = STUDENTS.map((s) => visitId(op.lessonDay, s)).filter((id) =>
                attendance.statuses.has(id),
              );
              if (ids.length > 0) applyChange(world, attendance, live, ids);
            }
          }
          expect(new Map([...live].sort())).toEqual(
            new Map([...fromScratch(world, attendance)].sort()),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
