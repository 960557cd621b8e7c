import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATES } from './mail-templates.js';

const data = {
  displayName: 'Мария Ивановна',
  organizationName: 'Школа «Ромашка»',
  consoleUrl: 'https://lk.romashka.ru/console',
};

describe('the welcome_owner email', () => {
  it('renders in Russian', () => {
    const mail = MAIL_TEMPLATES.welcome_owner(data, 'ru');
    expect(mail.subject).toBe('Личный кабинет «Школа «Ромашка»» готов к работе');
    expect(mail.text).toContain('Здравствуйте, Мария Ивановна!');
    expect(mail.text).toContain('Открыть консоль: https://lk.romashka.ru/console');
    expect(mail.html).toContain('<html lang="ru">');
    expect(mail.html).toContain('href="https://lk.romashka.ru/console"');
    expect(mail.html).toContain('отвечать на него не нужно');
  });

  it('renders in English', () => {
    const mail = MAIL_TEMPLATES.welcome_owner({ ...data, displayName: 'Mary' }, 'en');
    expect(mail.subject).toBe('Your "Школа «Ромашка»" portal is ready');
    expect(mail.text).toContain('Hello, Mary!');
    expect(mail.text).toContain('Open the console: https://lk.romashka.ru/console');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).not.toContain('Здравствуйте');
    expect(mail.text).not.toContain('Открыть консоль');
    expect(mail.html).toContain('there is no need to reply');
  });

  it('escapes what people typed in the HTML part and keeps it as typed in the text part', () => {
    const hostile = {
      displayName: '<script>alert("x")</script>',
      organizationName: 'Рога & Копыта <b>',
      consoleUrl: 'https://lk.example.ru/console?a=1&b="2"',
    };
    for (const locale of ['ru', 'en'] as const) {
      const mail = MAIL_TEMPLATES.welcome_owner(hostile, locale);
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<b>');
      expect(mail.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
      expect(mail.html).toContain('Рога &#38; Копыта &#60;b&#62;');
      expect(mail.html).toContain('href="https://lk.example.ru/console?a=1&#38;b=&#34;2&#34;"');
      expect(mail.text).toContain('<script>alert("x")</script>');
      expect(mail.subject).toContain('Рога & Копыта <b>');
    }
  });
});
