import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConsole, openConsole, seen, type Journey, type KabinetServer } from './harness.js';

const CSV = [
  'serial,product,level,valid_from,valid_to,activation_code,customer',
  'IMP-0001,Кабинет Бухгалтерия,basic,2026-01-01,2027-12-31,,ООО «Ромашка»',
  'IMP-0002,Кабинет Склад,premium,2026-01-01,2027-12-31,SECRET-CODE-42,ООО «Лютик»',
  'IMP-0003,Кабинет Склад,platinum,2026-01-01,2027-12-31,,ООО «Василёк»',
  'IMP-0004,Кабинет Склад,basic,2026-13-45,2027-12-31,,ООО «Астра»',
].join('\n');

describe('staff console: support certificates', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('issues a certificate and shows its activation code once, with a printable slip', async () => {
    const { page } = staff;
    await page.goto('/console/certificates');
    await seen(page.getByRole('heading', { name: 'Сертификаты клиентов', level: 1 }));
    await page.getByRole('tab', { name: 'Выдать сертификат' }).click();
    await page.getByRole('textbox', { name: 'Серийный номер' }).fill('kb-2026 0001');
    await page.getByRole('textbox', { name: 'Продукт' }).fill('Кабинет Бухгалтерия');
    await page.getByRole('combobox', { name: 'Уровень поддержки', exact: true }).click();
    await page.getByRole('option', { name: /Стандартный/ }).click();
    await page.getByRole('textbox', { name: 'Организация клиента' }).fill('ООО «Ромашка»');
    await page.getByRole('button', { name: 'Выдать', exact: true }).click();

    await seen(page.getByText(/Код активации показывается один раз/));
    const code = (await page.getByTestId('activation-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
    const slip = page.locator('.certificate-slip');
    await seen(slip.getByText('KB20260001'));
    await seen(slip.getByText(code));
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    await seen(slip.getByText(code));
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('tab', { name: 'Список' }).click();
    const row = page.getByRole('row').filter({ hasText: 'KB20260001' });
    await seen(row.getByText('Действует'));
    await seen(row.getByText('Не зарегистрирован'));
    expect(staff.errors).toEqual([]);
  });

  it('imports a CSV: counts what was added and reports each bad line', async () => {
    const { page } = staff;
    await page.goto('/console/certificates');
    await page.getByRole('tab', { name: 'Импорт CSV' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'certificates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();

    await seen(page.getByRole('heading', { name: 'Результат импорта' }));
    await seen(page.getByText('Прочитано 4 строки'));
    await seen(page.getByText('Добавлено 2 сертификата'));
    await seen(page.getByText('Пропущено из-за ошибок 2 строки'));
    const errors = page.getByRole('table', { name: 'Ошибки по строкам' });
    await seen(
      errors
        .getByRole('row')
        .filter({ hasText: /IMP-?0003/ })
        .getByRole('cell', { name: '4', exact: true }),
    );
    await seen(
      errors
        .getByRole('row')
        .filter({ hasText: /IMP-?0004/ })
        .getByRole('cell', { name: '5', exact: true }),
    );
    // The first row had no code: the server made one and shows it here, once.
    await seen(page.getByRole('table', { name: /Созданные коды активации/ }).getByText('IMP0001'));

    // Importing the same file again changes nothing and duplicates nothing.
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await seen(page.getByText('Без изменений: 2'));

    await page.getByRole('tab', { name: 'Список' }).click();
    await page.getByRole('searchbox', { name: /Поиск по серийному номеру/ }).fill('IMP');
    await seen(page.getByRole('row').filter({ hasText: 'IMP0002' }).getByText('ООО «Лютик»'));
    expect(await page.getByRole('row').filter({ hasText: 'IMP0003' }).count()).toBe(0);
    expect(staff.errors).toEqual([]);
  });
});
