import { describe, expect, it } from 'vitest';
import {
  chargeability,
  decideCharge,
  isEligible,
  lowestFreeSlot,
  slotValue,
  type RuleGroup,
  type RuleSubscription,
  type RuleVisit,
} from './charging-rules.js';
import { decideInOrder } from './charging-order.js';

const group: RuleGroup = {
  paymentMode: 'per_lesson',
  chargeUnexcusedAbsence: true,
  excusedAbsenceChargePercent: 0,
  lessonPriceKopecks: 120_000,
};

const visit = (values: Partial<RuleVisit> = {}): RuleVisit => ({
  status: 'present',
  studentId: 'anna',
  familyId: null,
  groupId: 'g1',
  courseId: 'c1',
  lessonDate: '2026-02-03',
  lessonStartsAt: new Date('2026-02-03T15:00:00Z'),
  lessonCancelled: false,
  ...values,
});

const subscription = (values: Partial<RuleSubscription> = {}): RuleSubscription => ({
  id: 's12',
  number: 12,
  name: '8 занятий',
  studentId: 'anna',
  familyId: null,
  lessonsTotal: 8,
  priceKopecks: 800_000,
  beginsOn: '2026-01-01',
  endsOn: '2026-12-31',
  frozenFrom: null,
  frozenTo: null,
  endedAt: null,
  endReason: null,
  unusedLessons: 'burn',
  coversAllGroups: true,
  groupIds: [],
  courseIds: [],
  usedSlots: [],
  ...values,
});

describe('lesson slot values', () => {
  it('splits a price that does not divide evenly so the slots sum to it exactly', () => {
    expect([1, 2, 3].map((k) => slotValue(100_000, 3, k))).toEqual([33_333, 33_333, 33_334]);
  });

  it('takes the lowest free slot, filling gaps left by reversed charges', () => {
    expect(lowestFreeSlot(4, [1, 3])).toBe(2);
    expect(lowestFreeSlot(2, [2, 1])).toBeNull();
  });
});

describe('whether a visit is chargeable', () => {
  it('charges present and make-up visits in full', () => {
    expect(chargeability(visit(), group)).toEqual({ chargeable: true, percent: 100 });
    expect(chargeability(visit({ status: 'makeup' }), group)).toEqual({
      chargeable: true,
      percent: 100,
    });
  });

  it('never charges trial and free lessons, or lessons of one-time-fee groups', () => {
    expect(chargeability(visit({ status: 'trial' }), group)).toEqual({
      chargeable: false,
      reason: 'trial',
    });
    expect(chargeability(visit({ status: 'free' }), group)).toMatchObject({ reason: 'free' });
    expect(chargeability(visit(), { ...group, paymentMode: 'one_time_fee' })).toMatchObject({
      reason: 'one_time_fee',
    });
  });

  it("follows the group's rules for absences", () => {
    expect(chargeability(visit({ status: 'absent_unexcused' }), group)).toMatchObject({
      chargeable: true,
    });
    expect(
      chargeability(visit({ status: 'absent_unexcused' }), {
        ...group,
        chargeUnexcusedAbsence: false,
      }),
    ).toMatchObject({ reason: 'unexcused_free' });
    expect(chargeability(visit({ status: 'absent_excused' }), group)).toMatchObject({
      reason: 'excused',
    });
    expect(
      chargeability(visit({ status: 'absent_excused' }), {
        ...group,
        excusedAbsenceChargePercent: 50,
      }),
    ).toEqual({ chargeable: true, percent: 50 });
  });

  it('never charges a cancelled lesson', () => {
    expect(chargeability(visit({ lessonCancelled: true }), group)).toMatchObject({
      reason: 'lesson_cancelled',
    });
  });
});

describe('eligible subscriptions', () => {
  it('needs the lesson date inside its dates, outside a freeze, before it ended', () => {
    expect(isEligible(subscription({ beginsOn: '2026-02-04' }), visit())).toBe(false);
    expect(isEligible(subscription({ endsOn: '2026-02-02' }), visit())).toBe(false);
    expect(isEligible(subscription({ endsOn: '2026-02-03' }), visit())).toBe(true);
    expect(
      isEligible(subscription({ frozenFrom: '2026-02-01', frozenTo: '2026-02-03' }), visit()),
    ).toBe(false);
    expect(
      isEligible(subscription({ frozenFrom: '2026-02-04', frozenTo: '2026-02-10' }), visit()),
    ).toBe(true);
    expect(isEligible(subscription({ endedAt: new Date('2026-02-03T10:00:00Z') }), visit())).toBe(
      false,
    );
    expect(isEligible(subscription({ endedAt: new Date('2026-02-03T16:00:00Z') }), visit())).toBe(
      true,
    );
  });

  it('needs to cover the group, by group, by course or all groups', () => {
    const narrow = { coversAllGroups: false };
    expect(isEligible(subscription({ ...narrow, groupIds: ['g2'] }), visit())).toBe(false);
    expect(isEligible(subscription({ ...narrow, groupIds: ['g1'] }), visit())).toBe(true);
    expect(isEligible(subscription({ ...narrow, courseIds: ['c1'] }), visit())).toBe(true);
  });

  it("serves its owner, or the family when shared; never another family's student", () => {
    expect(isEligible(subscription({ studentId: 'boris' }), visit())).toBe(false);
    expect(
      isEligible(subscription({ studentId: 'boris', familyId: 'f1' }), visit({ familyId: 'f1' })),
    ).toBe(true);
    expect(
      isEligible(subscription({ studentId: 'boris', familyId: 'f2' }), visit({ familyId: 'f1' })),
    ).toBe(false);
  });

  it('never uses a cancelled or refunded sale, even for lessons before it ended', () => {
    const ended = { endedAt: new Date('2026-03-01T00:00:00Z') };
    expect(isEligible(subscription({ ...ended, endReason: 'cancelled' }), visit())).toBe(false);
    expect(isEligible(subscription({ ...ended, endReason: 'refunded' }), visit())).toBe(false);
    expect(isEligible(subscription({ ...ended, endReason: 'expired' }), visit())).toBe(true);
  });

  it('needs a lesson left, unless unlimited', () => {
    expect(isEligible(subscription({ lessonsTotal: 1, usedSlots: [1] }), visit())).toBe(false);
    expect(isEligible(subscription({ lessonsTotal: null }), visit())).toBe(true);
  });
});

describe('choosing among eligible subscriptions', () => {
  it('prefers the earliest end, then the earliest begin, then the lowest number', () => {
    const a = subscription({ id: 'a', number: 30, endsOn: '2026-03-31' });
    const b = subscription({ id: 'b', number: 10, endsOn: '2026-06-30' });
    expect(decideCharge(visit(), group, [b, a])).toMatchObject({
      subscriptionId: 'a',
      reason: 'earliest_end',
      params: { alternatives: [10] },
    });
    const c = subscription({ id: 'c', number: 40, endsOn: '2026-03-31', beginsOn: '2025-12-01' });
    expect(decideCharge(visit(), group, [a, c])).toMatchObject({
      subscriptionId: 'c',
      reason: 'earliest_begin',
    });
    const d = subscription({ id: 'd', number: 5, endsOn: '2026-03-31' });
    expect(decideCharge(visit(), group, [a, d])).toMatchObject({
      subscriptionId: 'd',
      reason: 'lowest_number',
    });
    expect(decideCharge(visit(), group, [a])).toMatchObject({ reason: 'only_eligible' });
  });

  it('charges the value of the lowest free slot, and the group percent for excused absences', () => {
    const sub = subscription({ lessonsTotal: 3, priceKopecks: 100_000, usedSlots: [1, 2] });
    expect(decideCharge(visit(), group, [sub])).toMatchObject({
      lessonNumber: 3,
      amountKopecks: 33_334,
    });
    const excused = decideCharge(
      visit({ status: 'absent_excused' }),
      { ...group, excusedAbsenceChargePercent: 50 },
      [sub],
    );
    expect(excused).toMatchObject({
      lessonNumber: 3,
      amountKopecks: 16_667,
      params: { percent: 50 },
    });
  });

  it('moves no money for a slot of a burn subscription whose expiry consumed its value', () => {
    const expired = {
      endedAt: new Date('2026-03-01T00:00:00Z'),
      endReason: 'expired',
      usedSlots: [1],
    };
    expect(decideCharge(visit(), group, [subscription(expired)])).toMatchObject({
      lessonNumber: 2,
      amountKopecks: 0,
    });
    expect(
      decideCharge(visit(), group, [subscription({ ...expired, unusedLessons: 'carry_over' })]),
    ).toMatchObject({ lessonNumber: 2, amountKopecks: 100_000 });
  });

  it('charges nothing per visit to an unlimited subscription and holds no slot', () => {
    expect(decideCharge(visit(), group, [subscription({ lessonsTotal: null })])).toMatchObject({
      outcome: 'subscription',
      lessonNumber: null,
      amountKopecks: 0,
      params: { lessonsTotal: null },
    });
  });

  it('puts the lesson in debt when nothing is eligible', () => {
    expect(decideCharge(visit(), group, [subscription({ endsOn: '2026-01-31' })])).toEqual({
      outcome: 'debt',
      reason: 'no_eligible_subscription',
      amountKopecks: 0,
      params: { status: 'present', lessonDate: '2026-02-03', lessonPriceKopecks: 120_000 },
    });
  });
});

describe('deciding in lesson order', () => {
  it('gives earlier lessons the earlier slots whatever order the visits come in', () => {
    const sub = subscription({ lessonsTotal: 1 });
    const late = {
      visitId: 'v2',
      visit: visit({ lessonStartsAt: new Date('2026-02-10T15:00Z'), lessonDate: '2026-02-10' }),
      group,
    };
    const early = { visitId: 'v1', visit: visit(), group };
    const { decisions } = decideInOrder([late, early], [sub]);
    expect(decisions.get('v1')).toMatchObject({ outcome: 'subscription', lessonNumber: 1 });
    expect(decisions.get('v2')).toMatchObject({ outcome: 'debt' });
  });
});
