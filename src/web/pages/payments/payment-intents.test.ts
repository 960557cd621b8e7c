import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaymentDue } from '../../../shared/contracts/cabinet.js';
import type { PaymentView } from '../../../shared/contracts/payments.js';
import { ru } from '../../i18n/ru.js';
import { dueIntent } from './due-intent.js';
import { readAmount } from './payment-amount.js';
import { retryRequest } from './retry-request.js';

const STUDENT = '11111111-1111-4111-8111-111111111111';
const t = i18next.createInstance();

beforeAll(async () => {
  await t.init({ lng: 'ru', resources: { ru: { translation: ru } } });
});

function line(overrides: Partial<PaymentDue>): PaymentDue {
  return {
    kind: 'debt',
    id: '22222222-2222-4222-8222-222222222222',
    title: 'Шахматы',
    subscriptionNumber: null,
    dueKopecks: 100_000,
    paidKopecks: null,
    totalKopecks: null,
    debtLessons: 2,
    lessonPriceKopecks: 50_000,
    ...overrides,
  };
}

describe('the amount of a payment form', () => {
  it('leaves a computed amount to the server', () => {
    expect(readAmount({ kind: 'fixed', kopecks: 100_000 }, true, '')).toEqual({
      send: undefined,
      shown: 100_000,
      valid: true,
    });
  });

  it('sends a part of what is due, and nothing when the "part" is all of it', () => {
    const rule = { kind: 'partial', dueKopecks: 40_000 } as const;
    expect(readAmount(rule, true, '')).toEqual({ send: undefined, shown: 40_000, valid: true });
    expect(readAmount(rule, false, '150,50')).toEqual({ send: 15_050, shown: 15_050, valid: true });
    expect(readAmount(rule, false, '400')).toEqual({ send: undefined, shown: 40_000, valid: true });
    expect(readAmount(rule, false, '400,01').valid).toBe(false);
    expect(readAmount(rule, false, 'сто').valid).toBe(false);
  });

  it('keeps a top-up within 100 ₽ and 500 000 ₽', () => {
    expect(readAmount({ kind: 'top_up' }, true, '99,99').valid).toBe(false);
    expect(readAmount({ kind: 'top_up' }, true, '1 500').send).toBe(150_000);
    expect(readAmount({ kind: 'top_up' }, true, '500 000,01').valid).toBe(false);
  });
});

describe('«Оплатить онлайн» on a line of «К оплате»', () => {
  it('pays every priced debt of the student at once, and says so', () => {
    const chess = line({});
    const english = line({ id: '33333333-3333-4333-8333-333333333333', title: 'Английский' });
    const intent = dueIntent(chess, [chess, english], STUDENT, t.t, 'ru');
    expect(intent?.title).toBe('Оплатить: Занятия в долг: Шахматы');
    expect(intent?.target).toEqual({ purpose: 'debt', targetId: STUDENT, studentId: STUDENT });
    expect(intent?.amount).toEqual({ kind: 'fixed', kopecks: 200_000 });
    expect(intent?.note).toMatch(/во всех группах/);
    expect(dueIntent(chess, [chess], STUDENT, t.t, 'ru')?.note).toBeUndefined();
  });

  it('offers no online payment for lessons in debt without a lesson price', () => {
    const unpriced = line({ dueKopecks: null, lessonPriceKopecks: null });
    expect(dueIntent(unpriced, [unpriced], STUDENT, t.t, 'ru')).toBeNull();
  });

  it('pays the rest of a subscription, all of it or a part', () => {
    const subscription = line({
      kind: 'subscription',
      title: '8 занятий',
      subscriptionNumber: 3,
      dueKopecks: 40_000,
      paidKopecks: 60_000,
      totalKopecks: 100_000,
      debtLessons: 0,
    });
    const intent = dueIntent(subscription, [subscription], STUDENT, t.t, 'ru');
    expect(intent?.title).toBe('Оплатить: Абонемент №3 «8 занятий»');
    expect(intent?.target).toEqual({
      purpose: 'subscription_remaining',
      targetId: subscription.id,
      studentId: STUDENT,
    });
    expect(intent?.amount).toEqual({ kind: 'partial', dueKopecks: 40_000 });
  });
});

describe('«Повторить оплату» after a decline', () => {
  const declined: PaymentView = {
    id: '44444444-4444-4444-8444-444444444444',
    number: 7,
    purpose: 'balance_top_up',
    targetId: STUDENT,
    description: 'Пополнение баланса — Маша Иванова',
    studentId: STUDENT,
    studentName: 'Маша Иванова',
    amountKopecks: 300_000,
    currency: 'RUB',
    method: 'card',
    status: 'canceled',
    confirmationUrl: null,
    paidWith: null,
    decline: { code: 'insufficient_funds', party: 'payment_network' },
    appliedAs: null,
    createdAt: '2026-11-22T06:00:00+00:00',
    finishedAt: '2026-11-22T06:01:00+00:00',
    receiptAvailable: false,
    refundedKopecks: 0,
  };

  it('repeats the same purpose, target and chosen amount, by card or by СБП', () => {
    expect(retryRequest(declined, 'sbp')).toEqual({
      purpose: 'balance_top_up',
      targetId: STUDENT,
      studentId: STUDENT,
      amountKopecks: 300_000,
      method: 'sbp',
    });
  });

  it('lets the server price a debt again instead of repeating the old amount', () => {
    expect(retryRequest({ ...declined, purpose: 'debt' }, 'card')).toEqual({
      purpose: 'debt',
      targetId: STUDENT,
      studentId: STUDENT,
      method: 'card',
    });
  });
});
