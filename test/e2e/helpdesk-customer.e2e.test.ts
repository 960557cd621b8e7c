import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateAccount,
  createOwner,
  launchBrowser,
  openAccessByCli,
  openJourney,
  seen,
  signIn,
  startServer,
  unseen,
  type Journey,
  type KabinetServer,
} from './harness.js';
import {
  TINY_PNG,
  api,
  fileTicketByApi,
  isoDate,
  issueCertificate,
  publishArticle,
} from './helpdesk-harness.js';

const CUSTOMER = { email: 'client@vendor.example', password: 'синий трактор едет в поле' };

describe('help desk, customer side: certificates, tickets, resolved ones, reopening', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;
  let customer: Journey;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await openJourney(browser, server.baseUrl);
    await createOwner(staff, server);
    customer = await openJourney(browser, server.baseUrl);
    const activation = await openAccessByCli(server, CUSTOMER.email, 'Пётр Клиентов');
    await activateAccount(customer, activation, CUSTOMER.password);
    await signIn(customer, CUSTOMER, '/tickets');
  });

  afterAll(async () => {
    await customer.close();
    await staff.close();
    await browser.close();
    await server.stop();
  });

  it('registers a certificate with a pasted serial, after a wrong code is refused clearly', async () => {
    const code = await issueCertificate(staff, {
      serial: 'KB-2026-0001',
      product: 'Кабинет Сервер',
      level: 'standard',
      validFrom: isoDate(-30),
      validTo: isoDate(300),
    });
    const { page } = customer;
    await page.goto('/certificates');
    await seen(page.getByRole('heading', { name: 'Сертификатов пока нет' }));
    await page.getByRole('link', { name: 'Зарегистрировать сертификат' }).first().click();
    await seen(page.getByRole('heading', { name: 'Регистрация сертификата' }));

    await page.getByRole('textbox', { name: 'Серийный номер' }).fill(' kb 2026–0001 ');
    await seen(page.getByText('Будет проверен как: KB20260001'));
    await page.getByRole('button', { name: 'Далее' }).click();
    const codeField = page.getByRole('textbox', { name: 'Код активации' });
    await seen(codeField);
    // Focus moves to the new step's field, so the person types on without reaching for the mouse.
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe(
      'activationCode',
    );

    customer.expectHttpError(404, /\/api\/helpdesk\/certificates\/register$/);
    await codeField.fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await seen(page.getByText('Сертификат с таким номером и кодом не найден.', { exact: false }));

    await codeField.fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await seen(page.getByRole('heading', { name: 'Сертификат зарегистрирован' }));
    await seen(page.getByText('Кабинет Сервер, уровень «Стандартный»', { exact: false }));

    await page.getByRole('link', { name: 'К моим сертификатам' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Кабинет Сервер' });
    await seen(row);
    expect(await row.innerText()).toContain('KB20260001');
    expect(await row.innerText()).toContain('Действует');
    expect(customer.errors).toEqual([]);
  });

  it('files a ticket: suggestions while typing, the no-certificate notice, a PNG preview', async () => {
    await publishArticle(staff, {
      slug: 'password-reset',
      title: 'Как восстановить пароль',
      body: 'Откройте страницу входа и нажмите «Забыли пароль?». Ссылка придёт на почту.',
    });
    const { page } = customer;
    await page.goto('/tickets');
    await seen(page.getByRole('heading', { name: 'Обращений пока нет' }));
    await page.getByRole('link', { name: 'Отправить обращение' }).first().click();
    await seen(page.getByRole('heading', { name: 'Отправить обращение' }));

    // The registered certificate is offered and chosen; without one the form warns first.
    const certificate = page.getByRole('radio', { name: /Кабинет Сервер — Стандартный/ });
    expect(await certificate.isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Без сертификата' }).check();
    await seen(page.getByText('Обращение получит приоритет «Низкий»', { exact: false }));
    await certificate.check();
    await unseen(page.getByText('Обращение получит приоритет «Низкий»', { exact: false }));

    // Sending too early says what is missing and puts the cursor there.
    await page.getByRole('button', { name: 'Отправить обращение' }).click();
    await seen(page.getByText('Тема — от 3 до 200 символов.'));
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('subject');

    await page.getByRole('radio', { name: 'Инцидент' }).check();
    await page.getByRole('textbox', { name: 'Тема' }).fill('Не могу восстановить пароль');
    await seen(page.getByText('Как восстановить пароль'));
    await page
      .getByRole('textbox', { name: 'Описание' })
      .fill('Письмо со ссылкой не приходит уже час, папку «Спам» проверил.');

    await page.locator('input[type=file]').setInputFiles({
      name: 'screen.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    const preview = page.getByRole('img', { name: 'Предпросмотр: screen.png' });
    await seen(preview);
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    await seen(page.getByText('загружен', { exact: false }));

    // A log dropped onto the area uploads the same way (the server checks it is text).
    const dropped = await page.evaluateHandle(
      `(() => { const data = new DataTransfer(); data.items.add(new File(['ERROR mail timeout\\n'], 'app.log', { type: 'text/plain' })); return data; })()`,
    );
    await page.getByTestId('attachment-drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await seen(
      page
        .getByRole('listitem')
        .filter({ hasText: 'app.log' })
        .getByText('загружен', { exact: false }),
    );

    // A double click must not make two tickets (one idempotency key per form).
    await page.getByRole('button', { name: 'Отправить обращение' }).dblclick();
    await page.waitForURL((url) => /^\/tickets\/\d+$/.test(url.pathname));
    await seen(page.getByText(/Обращение № \d+ отправлено/));
    await seen(page.getByRole('heading', { name: 'Не могу восстановить пароль' }));
    await seen(page.getByRole('img', { name: 'Предпросмотр: screen.png' }));
    await seen(page.getByRole('link', { name: 'Скачать screen.png' }));
    await seen(page.getByRole('link', { name: 'Скачать app.log' }));
    await seen(page.getByText('Кабинет Сервер (№ KB20260001)'));

    await page.getByRole('link', { name: 'Все обращения' }).click();
    await seen(page.getByRole('link', { name: 'Не могу восстановить пароль' }));
    await seen(page.getByText('Найдено 1 обращение'));
    expect(customer.errors).toEqual([]);
  });

  it('ends the form without a ticket when an article solved it, and can still send one', async () => {
    const { page } = customer;
    await page.goto('/tickets/new');
    await page.getByRole('textbox', { name: 'Тема' }).fill('Забыл пароль, как восстановить?');
    await page.getByRole('button', { name: /Как восстановить пароль/ }).click();
    await page.getByRole('button', { name: 'Это решило мою проблему' }).click();
    const solved = page.getByRole('heading', { name: 'Рады, что статья помогла' });
    await seen(solved);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe(
      'Рады, что статья помогла',
    );

    // Changing one's mind brings the form back as it was.
    await page.getByRole('button', { name: 'Всё-таки отправить обращение' }).click();
    expect(await page.getByRole('textbox', { name: 'Тема' }).inputValue()).toBe(
      'Забыл пароль, как восстановить?',
    );
    await page.goto('/tickets');
    await seen(page.getByText('Найдено 1 обращение'));
    expect(customer.errors).toEqual([]);
  });

  it('hides a resolved ticket until «Показать решённые», and keeps that in the address', async () => {
    const number = await fileTicketByApi(customer, 'Вопрос про счёт за октябрь');
    await api(staff, 'POST', `/api/staff/helpdesk/tickets/${String(number)}/status`, {
      to: 'resolved',
    });
    const { page } = customer;
    await page.goto('/tickets');
    await seen(page.getByRole('link', { name: 'Не могу восстановить пароль' }));
    expect(await page.getByRole('link', { name: 'Вопрос про счёт за октябрь' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Показать решённые (1)' }).click();
    await seen(page.getByRole('link', { name: 'Вопрос про счёт за октябрь' }));
    expect(new URL(page.url()).searchParams.get('resolved')).toBe('1');
    await page.reload();
    await seen(page.getByRole('link', { name: 'Вопрос про счёт за октябрь' }));
    await seen(page.getByRole('button', { name: 'Скрыть решённые' }));

    // A phone gets cards with the same facts instead of a wide table.
    const phone = await openJourney(browser, server.baseUrl, {
      viewport: { width: 360, height: 740 },
    });
    await signIn(phone, CUSTOMER, '/tickets');
    await seen(phone.page.getByRole('listitem').filter({ hasText: 'Не могу восстановить пароль' }));
    expect(await phone.page.getByRole('table').count()).toBe(0);
    const errors = [...customer.errors, ...phone.errors];
    await phone.close();
    expect(errors).toEqual([]);
  });

  it('closes a ticket after confirming, then reopens it within the window', async () => {
    const number = await fileTicketByApi(customer, 'Не открывается отчёт');
    const { page } = customer;
    await page.goto(`/tickets/${String(number)}`);
    await seen(page.getByRole('heading', { name: 'Не открывается отчёт' }));
    await seen(page.getByText('Обращение получено и ждёт специалиста.'));

    await page.getByRole('button', { name: 'Закрыть обращение' }).click();
    const dialog = page.getByRole('dialog', { name: 'Закрыть обращение?' });
    await seen(dialog);
    await dialog.getByRole('button', { name: 'Да, закрыть' }).click();
    await seen(page.getByText('Обращение закрыто.', { exact: true }));
    await seen(page.getByText(/Его можно открыть снова до /));
    await unseen(page.getByRole('button', { name: 'Закрыть обращение' }));

    await page.getByRole('button', { name: 'Открыть снова' }).click();
    await seen(page.getByText('Обращение снова в работе.'));
    await seen(
      page.getByTestId('ticket-status-notice').getByText('Специалист работает над обращением.'),
    );
    await seen(page.getByRole('button', { name: 'Закрыть обращение' }));
    expect(customer.errors).toEqual([]);
  });

  it('turns off the non-essential reply emails, and the choice is kept', async () => {
    const { page } = customer;
    await page.goto('/tickets');
    await page.getByRole('link', { name: 'Уведомления' }).click();
    await seen(page.getByRole('heading', { name: 'Уведомления по обращениям' }));
    const onReply = page.getByRole('checkbox', { name: 'Письмо, когда поддержка ответила' });
    expect(await onReply.isChecked()).toBe(true);
    await onReply.uncheck();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByText('Настройки уведомлений сохранены.'));
    await page.reload();
    await seen(page.getByRole('heading', { name: 'Уведомления по обращениям' }));
    expect(await onReply.isChecked()).toBe(false);
    expect(
      await page
        .getByRole('checkbox', { name: 'Письмо, когда обращение взято в работу' })
        .isChecked(),
    ).toBe(true);
    expect(customer.errors).toEqual([]);
  });

  it('after the reopen window, a reply starts a new ticket linked to the closed one', async () => {
    const settings = await api<{
      departments: { id: string; isGeneral: boolean; nameRu: string; nameEn: string }[];
    }>(staff, 'GET', '/api/staff/helpdesk/settings');
    const general = settings.departments.find((department) => department.isGeneral);
    if (!general) throw new Error('no general department');
    await api(staff, 'PUT', `/api/staff/helpdesk/departments/${general.id}`, {
      nameRu: general.nameRu,
      nameEn: general.nameEn,
      reopenWindowDays: 0,
    });
    const number = await fileTicketByApi(customer, 'Старый вопрос про экспорт');
    await api(customer, 'POST', `/api/helpdesk/tickets/${String(number)}/close`, {});

    const { page } = customer;
    await page.goto(`/tickets/${String(number)}`);
    await seen(page.getByText(/Срок, в который его можно открыть снова, прошёл/));
    expect(await page.getByRole('button', { name: 'Открыть снова' }).count()).toBe(0);
    await page
      .getByRole('textbox', { name: 'Сообщение для нового обращения' })
      .fill('Экспорт снова падает после обновления.');
    await page.getByRole('button', { name: 'Создать новое обращение' }).click();
    await page.waitForURL((url) => url.pathname !== `/tickets/${String(number)}`);
    await seen(
      page.getByText(
        new RegExp(`Создано новое обращение № \\d+, связанное с № ${String(number)}\\.`),
      ),
    );
    await seen(page.getByRole('link', { name: `Продолжение обращения № ${String(number)}` }));
    await seen(page.getByText('Экспорт снова падает после обновления.'));
    expect(customer.errors).toEqual([]);
  });
});
