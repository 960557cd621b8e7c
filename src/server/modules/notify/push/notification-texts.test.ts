import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../shared/money.js';
import { lessonsRu, renderNotification } from './notification-texts.js';
import { normalizeTopic } from './notify-person.js';

describe('notification texts', () => {
  it('declines «занятие» by the number', () => {
    expect([0, 1, 2, 4, 5, 11, 12, 21, 22, 25, 111].map(lessonsRu)).toEqual([
      '0 занятий',
      '1 занятие',
      '2 занятия',
      '4 занятия',
      '5 занятий',
      '11 занятий',
      '12 занятий',
      '21 занятие',
      '22 занятия',
      '25 занятий',
      '111 занятий',
    ]);
  });

  it('says which threshold an ending subscription reached, in both languages', () => {
    const base = { subscriptionName: '8 занятий', studentName: 'Миша', endsOn: '2026-11-29' };
    expect(
      renderNotification(
        'subscription_ending',
        { ...base, reason: 'lessons', lessonsLeft: 2 },
        'ru',
      ),
    ).toEqual({
      title: 'Абонемент заканчивается',
      body: 'Абонемент «8 занятий» (Миша) заканчивается: осталось 2 занятия',
    });
    expect(
      renderNotification('subscription_ending', { ...base, reason: 'days', lessonsLeft: 5 }, 'ru')
        .body,
    ).toBe('Абонемент «8 занятий» (Миша) заканчивается: действует до 29.11');
    expect(
      renderNotification('subscription_ending', { ...base, reason: 'days', lessonsLeft: 5 }, 'en')
        .body,
    ).toBe('Subscription “8 занятий” (Миша) is ending: valid until 29 Nov');
  });

  it('puts the amount and the decline guidance of payments in the person’s language', () => {
    const declined = renderNotification(
      'payment_declined',
      {
        amountKopecks: 150_000,
        description: { ru: 'Абонемент', en: 'Subscription' },
        guidance: { ru: 'Попробуйте другую карту.', en: 'Try another card.' },
      },
      'en',
    );
    expect(declined).toEqual({
      title: 'Payment declined',
      body: `${formatMoney(150_000, 'en')} — Subscription. Try another card.`,
    });
  });

  it('keeps push topics within 32 URL-safe characters', () => {
    expect(normalizeTopic('sub-1234abcd')).toBe('sub-1234abcd');
    expect(normalizeTopic('ticket #15: ответ')).toBe('ticket--15-------');
    expect(normalizeTopic('x'.repeat(40))).toHaveLength(32);
  });
});
