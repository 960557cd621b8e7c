import { describe, expect, it } from 'vitest';
import { explainCharge, lessonsText, type ExplainableCharge } from './charge-explanation.js';

const subscriptionCharge = (
  reason: string,
  params: Record<string, unknown> = {},
): ExplainableCharge => ({
  outcome: 'subscription',
  reason,
  amountKopecks: 100_000,
  reasonParams: {
    subscriptionNumber: 12,
    subscriptionName: '8 занятий',
    lessonsTotal: 8,
    endsOn: '2026-12-31',
    lessonDate: '2026-02-03',
    lessonNumber: 1,
    alternatives: [13],
    status: 'present',
    ...params,
  },
});

describe('the sentence explaining a charge', () => {
  it('names the subscription, its lessons and end, and why it was chosen', () => {
    expect(explainCharge(subscriptionCharge('earliest_end'), 'ru')).toBe(
      'Списано с абонемента №12 (8\u00a0занятий, до 31.12) — он заканчивается раньше других подходящих',
    );
    expect(explainCharge(subscriptionCharge('earliest_end'), 'en')).toBe(
      'Charged to subscription No. 12 (8 lessons, until Dec 31) — it ends earlier than the other eligible ones',
    );
    expect(explainCharge(subscriptionCharge('only_eligible'), 'ru')).toMatch(
      /— другого подходящего нет$/,
    );
    expect(explainCharge(subscriptionCharge('earliest_begin'), 'ru')).toMatch(/начался раньше$/);
    expect(explainCharge(subscriptionCharge('lowest_number'), 'ru')).toMatch(/меньший номер$/);
  });

  it('adds the year when the subscription ends in another year than the lesson', () => {
    expect(
      explainCharge(subscriptionCharge('only_eligible', { endsOn: '2027-01-15' }), 'ru'),
    ).toContain('до 15.01.2027');
  });

  it('says unlimited subscriptions count the lesson without charging it', () => {
    expect(explainCharge(subscriptionCharge('only_eligible', { lessonsTotal: null }), 'ru')).toBe(
      'Засчитано по абонементу №12 (безлимитный, до 31.12) — другого подходящего нет',
    );
  });

  it('tells absences apart, with the percent of an excused one', () => {
    expect(
      explainCharge(subscriptionCharge('only_eligible', { status: 'absent_unexcused' }), 'ru'),
    ).toMatch(/^Пропуск без уважительной причины: списано с абонемента №12/);
    expect(
      explainCharge(
        subscriptionCharge('only_eligible', { status: 'absent_excused', percent: 50 }),
        'ru',
      ),
    ).toMatch(/^Пропуск по уважительной причине: списано 50\u00a0% занятия с абонемента №12/);
  });

  it('explains a lesson in debt and lessons that cost nothing', () => {
    const debt: ExplainableCharge = {
      outcome: 'debt',
      reason: 'no_eligible_subscription',
      amountKopecks: 0,
      reasonParams: { status: 'present' },
    };
    expect(explainCharge(debt, 'ru')).toBe('Нет подходящего абонемента: занятие в долг');
    expect(explainCharge(debt, 'en')).toBe('No eligible subscription: the lesson is owed');
    expect(explainCharge({ ...debt, reasonParams: { status: 'absent_unexcused' } }, 'ru')).toBe(
      'Пропуск без уважительной причины — нет подходящего абонемента: занятие в долг',
    );
    const free = (reason: string): ExplainableCharge => ({
      outcome: 'not_chargeable',
      reason,
      amountKopecks: 0,
      reasonParams: {},
    });
    expect(explainCharge(free('trial'), 'ru')).toBe('Пробное занятие не списывается');
    expect(explainCharge(free('lesson_cancelled'), 'ru')).toBe(
      'Занятие отменено: оно не списывается',
    );
    expect(explainCharge(free('something_new'), 'ru')).toBe('Занятие не списывается');
  });

  it('uses Russian plural forms for lessons', () => {
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => lessonsText(n, 'ru'))).toEqual([
      '1\u00a0занятие',
      '2\u00a0занятия',
      '5\u00a0занятий',
      '11\u00a0занятий',
      '21\u00a0занятие',
      '22\u00a0занятия',
      '25\u00a0занятий',
    ]);
    expect(lessonsText(1, 'en')).toBe('1 lesson');
  });
});
