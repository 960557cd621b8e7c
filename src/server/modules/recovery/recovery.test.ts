import { describe, expect, it } from 'vitest';
import { formatRecoveryNumber, parseRecoveryNumber } from '../../../shared/contracts/recovery.js';
import { MAIL_TEMPLATES } from '../notify/index.js';

describe('recovery request numbers', () => {
  it('are shown with a Cyrillic В and six digits', () => {
    expect(formatRecoveryNumber(123)).toBe('В-000123');
    expect(formatRecoveryNumber(1_234_567)).toBe('В-1234567');
  });

  it('are read back however people type them, including the Latin look-alike', () => {
    for (const typed of ['В-000123', 'в000123', 'B-123', 'b 123', ' 123 ', '000123'])
      expect(parseRecoveryNumber(typed)).toBe(123);
    for (const typed of ['', 'В-', 'A-123', '12a', '1'.repeat(10)])
      expect(parseRecoveryNumber(typed)).toBeNull();
  });
});

describe('recovery emails', () => {
  const base = { fullName: '<b>Мария</b>', organizationName: 'Рога & Копыта', number: 'В-000007' };

  it('escape what people typed in HTML and keep it in text, in both languages', () => {
    for (const locale of ['ru', 'en'] as const) {
      const mail = MAIL_TEMPLATES.recovery_rejected(
        { ...base, reason: '<script>x</script>' },
        locale,
      );
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<b>');
      expect(mail.text).toContain('<script>x</script>');
      expect(mail.subject).toContain('В-000007');
    }
  });

  it('carry the confirmation and reset links', () => {
    const confirm = MAIL_TEMPLATES.recovery_confirm(
      {
        ...base,
        confirmUrl: 'https://lk.example.ru/recovery/confirm?token=t&x=1',
        statusUrl: 'https://s',
        hours: 24,
      },
      'ru',
    );
    expect(confirm.text).toContain(
      'Подтвердить адрес: https://lk.example.ru/recovery/confirm?token=t&x=1',
    );
    expect(confirm.html).toContain('href="https://lk.example.ru/recovery/confirm?token=t&#38;x=1"');
    const approved = MAIL_TEMPLATES.recovery_approved(
      { ...base, resetUrl: 'https://lk.example.ru/reset-password?token=r', minutes: 60 },
      'en',
    );
    expect(approved.text).toContain(
      'Set a new password: https://lk.example.ru/reset-password?token=r',
    );
    expect(MAIL_TEMPLATES.recovery_received(base, 'en').subject).toBe('Request В-000007 received');
  });
});
