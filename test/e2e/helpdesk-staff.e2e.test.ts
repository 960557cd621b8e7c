import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOwner,
  launchBrowser,
  openJourney,
  seen,
  type Journey,
  type KabinetServer,
} from './harness.js';
import {
  fileTicket,
  moscowDate,
  signInNewCustomer,
  staffTicket,
  startServerAt,
} from './helpdesk-staff-harness.js';

// The server's clock starts on Tuesday 3 November 2026, 09:00 Moscow time: the day before
// День народного единства (4 November), a public holiday. Three working days after a staff
// message sent that morning are 5, 6 and 9 November — not 4, 5 and 6.
const CLOCK_START = '2026-11-03T06:00:00Z';
const PASSWORD = 'клиенту нужен пароль';

describe('staff console: the help-desk queue, a ticket, auto-close across a holiday', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;
  let customer: Journey;

  beforeAll(async () => {
    server = await startServerAt(CLOCK_START);
    browser = await launchBrowser();
    staff = await openJourney(browser, server.baseUrl);
    await createOwner(staff, server);
    customer = await openJourney(browser, server.baseUrl);
    await signInNewCustomer(customer, server, {
      email: 'ivan@client.example',
      name: 'Иван Петров',
      password: PASSWORD,
    });
  });

  afterAll(async () => {
    await customer.close();
    await staff.close();
    await browser.close();
    await server.stop();
  });

  it('asks the customer for information; the ticket closes itself 3 working days later, skipping 4 November; the customer reopens it', async () => {
    const number = await fileTicket(
      customer,
      'Не запускается отчёт за квартал',
      'После обновления отчёт за квартал падает с ошибкой.',
    );

    const { page } = staff;
    await page.goto('/console/tickets');
    await seen(page.getByRole('heading', { name: 'Очередь обращений', level: 1 }));
    const row = page.getByRole('row').filter({ hasText: 'Не запускается отчёт за квартал' });
    await seen(row.getByText('Иван Петров'));
    await seen(row.getByText('Новое'));
    await row.getByRole('link', { name: 'Не запускается отчёт за квартал' }).click();
    await page.waitForURL((url) => url.pathname === `/console/tickets/${number}`);
    await seen(
      page.getByRole('heading', { name: `№ ${number} · Не запускается отчёт за квартал` }),
    );
    await seen(page.getByText(/закроется само через 3 рабочих дня/).first());

    await page
      .getByRole('textbox', { name: 'Текст ответа клиенту' })
      .fill('Пришлите, пожалуйста, версию программы и текст ошибки.');
    await page.getByRole('button', { name: 'Запросить информацию' }).click();
    await seen(page.getByText('Запрос отправлен; обращение ждёт ответа клиента.'));
    await seen(page.getByText('Ждёт ответа клиента').first());
    await seen(page.getByTestId('auto-close-at'));

    const waiting = await staffTicket(staff, number);
    expect(waiting.status).toBe('awaiting_customer');
    if (!waiting.autoCloseAt) throw new Error('a waiting ticket has no auto-close time');
    // 4 November is a holiday and 7–8 November a weekend: the third working day is 9 November.
    expect(moscowDate(waiting.autoCloseAt)).toBe('2026-11-09');
    const closesAt = Date.parse(waiting.autoCloseAt);

    // On Friday evening a clock-time or holiday-blind rule would already have closed it.
    await server.cli('jobs', 'run', 'helpdesk.auto-close', '--now', '2026-11-06T15:30:00Z');
    expect((await staffTicket(staff, number)).status).toBe('awaiting_customer');
    await server.cli(
      'jobs',
      'run',
      'helpdesk.auto-close',
      '--now',
      new Date(closesAt - 60_000).toISOString(),
    );
    expect((await staffTicket(staff, number)).status).toBe('awaiting_customer');
    await server.cli(
      'jobs',
      'run',
      'helpdesk.auto-close',
      '--now',
      new Date(closesAt + 60_000).toISOString(),
    );
    const closed = await staffTicket(staff, number);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'auto' });

    const customerPage = customer.page;
    await customerPage.goto(`/tickets/${number}`);
    await seen(customerPage.getByText('Закрыто').first());
    await seen(customerPage.getByText('Пришлите, пожалуйста, версию программы и текст ошибки.'));
    await customerPage.getByRole('button', { name: 'Открыть снова' }).click();
    await seen(customerPage.getByText('Обращение снова в работе.'));
    expect((await staffTicket(staff, number)).status).not.toBe('closed');

    await page.reload();
    await page.getByRole('tab', { name: 'История' }).click();
    await seen(
      page
        .getByText('Обращение открыто снова')
        .or(page.getByText(/→ В работе|→ Новое/))
        .first(),
    );

    expect([...staff.errors, ...customer.errors]).toEqual([]);
  });

  it('inserts a canned response into a reply; an internal note stays off the customer’s page', async () => {
    const { page } = staff;
    await page.goto('/console/helpdesk-settings');
    await page.getByRole('tab', { name: 'Шаблоны ответов' }).click();
    await page.getByRole('button', { name: 'Добавить шаблон' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Название' }).fill('Сброс кеша');
    await dialog
      .getByRole('textbox', { name: 'Текст' })
      .fill('Очистите кеш: Настройки → Обслуживание → «Очистить кеш».');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByRole('cell', { name: 'Сброс кеша' }));

    const number = await fileTicket(
      customer,
      'Медленно открываются документы',
      'Каждый документ открывается минуту.',
    );
    await page.goto(`/console/tickets?q=${number}`);
    await page.getByRole('link', { name: `№ ${number}` }).click();
    await seen(page.getByRole('heading', { name: `№ ${number} · Медленно открываются документы` }));

    await page.getByLabel('Шаблон ответа', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Сброс кеша' }).click();
    const reply = page.getByRole('textbox', { name: 'Текст ответа клиенту' });
    expect(await reply.inputValue()).toBe(
      'Очистите кеш: Настройки → Обслуживание → «Очистить кеш».',
    );
    await page.getByRole('button', { name: 'Ответить', exact: true }).click();
    await seen(page.getByText('Ответ отправлен клиенту.'));

    await page.getByText('Внутренняя заметка', { exact: true }).click();
    await page
      .getByRole('textbox', { name: 'Текст заметки' })
      .fill('Клиент на старом сервере, предложить миграцию.');
    await page.getByRole('button', { name: 'Добавить заметку' }).click();
    const note = page.locator('li[data-internal="true"]');
    await seen(note.getByText('Клиент на старом сервере, предложить миграцию.'));
    await seen(note.getByText('Внутренняя заметка — клиент её не видит'));

    const customerPage = customer.page;
    await customerPage.goto(`/tickets/${number}`);
    await seen(customerPage.getByText('Очистите кеш: Настройки → Обслуживание → «Очистить кеш».'));
    expect(await customerPage.getByText('Клиент на старом сервере').count()).toBe(0);
    const api = await customer.context.request.get(`/api/helpdesk/tickets/${number}`);
    expect(await api.text()).not.toContain('старом сервере');

    expect([...staff.errors, ...customer.errors]).toEqual([]);
  });
});
