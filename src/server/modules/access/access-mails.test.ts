import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATES } from '../notify/index.js';

const invitation = {
  displayName: 'Мария Ивановна',
  organizationName: 'Школа «Ромашка»',
  activationUrl: 'https://lk.romashka.ru/activate?token=abc',
  login: 'maria@example.com',
  expiresOn: '29 ноября 2026 г.',
};

describe('the invitation email', () => {
  it('carries the activation link and the login, in Russian and English, without a password', () => {
    const ru = MAIL_TEMPLATES.invitation(invitation, 'ru');
    expect(ru.subject).toBe('Доступ к личному кабинету «Школа «Ромашка»»');
    expect(ru.text).toContain('Задать пароль: https://lk.romashka.ru/activate?token=abc');
    expect(ru.text).toContain(
      'До 29 ноября 2026 г. ссылка сработает один раз. Ваш логин: maria@example.com.',
    );
    const en = MAIL_TEMPLATES.invitation({ ...invitation, expiresOn: '29 November 2026' }, 'en');
    expect(en.text).toContain('Set your password: https://lk.romashka.ru/activate?token=abc');
    expect(en.html).toContain('<html lang="en">');
    expect(en.text).not.toContain('Здравствуйте');
  });

  it('escapes what staff typed in the HTML part', () => {
    const mail = MAIL_TEMPLATES.invitation({ ...invitation, displayName: '<img src=x>' }, 'ru');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain('<img src=x>');
  });
});

describe('the access_ending email', () => {
  const data = {
    displayName: 'Пётр',
    organizationName: 'Центр',
    endsOn: '18 июня 2026 г.',
    cabinetUrl: 'https://lk.example.ru',
    supportEmail: 'help@example.ru',
    supportPhone: null,
  };

  it('says when access ends and how to reach support', () => {
    const ru = MAIL_TEMPLATES.access_ending(data, 'ru');
    expect(ru.subject).toBe('Доступ к личному кабинету заканчивается 18 июня 2026 г.');
    expect(ru.text).toContain('Поддержка: help@example.ru.');
    const en = MAIL_TEMPLATES.access_ending({ ...data, endsOn: '18 June 2026' }, 'en');
    expect(en.subject).toBe('Your portal access ends on 18 June 2026');
    expect(en.text).toContain('Support: help@example.ru.');
  });

  it('leaves out the support line when the organization has no contacts', () => {
    const mail = MAIL_TEMPLATES.access_ending({ ...data, supportEmail: null }, 'ru');
    expect(mail.text).not.toContain('Поддержка');
  });
});
