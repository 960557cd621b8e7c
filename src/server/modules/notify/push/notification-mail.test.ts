import { describe, expect, it } from 'vitest';
import { NOTIFICATION_MAIL_TEMPLATES } from '../templates-notifications.js';

const data = {
  displayName: 'Ольга',
  organizationName: 'Школа «Ромашка»',
  type: 'new_debt',
  title: 'Занятие в долг',
  body: 'Петя: занятий в долг — 1. Оплатите долг в личном кабинете.',
  url: 'https://lk.romashka.ru/cabinet/due?student=1&x=<y>',
};

describe('the notification email (push fallback)', () => {
  it('carries the notification, the link and why it came by email, in Russian', () => {
    const mail = NOTIFICATION_MAIL_TEMPLATES.notification(data, 'ru');
    expect(mail.subject).toBe('Занятие в долг — Школа «Ромашка»');
    expect(mail.text).toContain('Здравствуйте, Ольга!');
    expect(mail.text).toContain(data.body);
    expect(mail.text).toContain(`Оплатить: ${data.url}`);
    expect(mail.text).toContain('«Настройки» → «Уведомления»');
    expect(mail.html).toContain(
      'href="https://lk.romashka.ru/cabinet/due?student=1&#38;x=&#60;y&#62;"',
    );
  });

  it('speaks English to English speakers', () => {
    const mail = NOTIFICATION_MAIL_TEMPLATES.notification(
      { ...data, type: 'payment_declined', title: 'Payment declined', body: 'Try another card.' },
      'en',
    );
    expect(mail.text).toContain('Hello, Ольга!');
    expect(mail.text).toContain('Try again: ');
    expect(mail.text).toContain('Settings → Notifications');
    expect(mail.text).not.toContain('Здравствуйте');
  });
});
