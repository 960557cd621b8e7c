import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateAccount,
  closeConsole,
  openAccessByCli,
  openConsole,
  openJourney,
  seen,
  signIn,
  unseen,
  type Console,
  type Journey,
} from './harness.js';
import {
  chooseStudent,
  payOnSandbox,
  rub,
  SANDBOX_CARDS,
  seedPayingFamily,
} from './payments-harness.js';

// A parent pays online through the sandbox provider's hosted page, as with a real bank: a debt
// by a good card, a declined card and the retry, a top-up followed by a purchase from the
// balance; then the history, the receipts and the staff console's view of the same payments.

const PARENT = { email: 'olga@family.example', password: 'зелёный кит плывёт домой' };
const DUE_REGION = 'Подходит срок оплаты / есть долг';

describe('online payments from the parent’s cabinet', () => {
  let c: Console;
  let parent: Journey;

  beforeAll(async () => {
    c = await openConsole();
    parent = await openJourney(c.browser, c.server.baseUrl);
    const activation = await openAccessByCli(c.server, PARENT.email, 'Ольга Иванова');
    await activateAccount(parent, activation, PARENT.password);
    await seedPayingFamily(c.staff, PARENT.email);
    await signIn(parent, PARENT, '/');
  });

  afterAll(async () => {
    await parent.close();
    await closeConsole(c);
  });

  it('pays lessons in debt by a test card and the debt block clears at once', async () => {
    const { page } = parent;
    await chooseStudent(page, 'Маша Иванова');
    const due = page.getByRole('region', { name: DUE_REGION });
    await seen(due.getByText('Занятия в долг: Английский, группа 1'));
    await due.getByRole('link', { name: /^Оплатить: Занятия в долг/ }).click();
    await seen(page.getByRole('heading', { name: 'К оплате', level: 1 }));

    await page
      .getByRole('button', { name: 'Оплатить онлайн: Занятия в долг: Английский, группа 1' })
      .click();
    const dialog = page.getByRole('dialog', {
      name: 'Оплатить: Занятия в долг: Английский, группа 1',
    });
    await seen(dialog.getByText(rub('К оплате: 1 000 ₽')));
    expect(await dialog.getByRole('radio', { name: /Банковская карта/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: rub('Оплатить 1 000 ₽') }).click();

    await payOnSandbox(page, SANDBOX_CARDS.success, rub('Оплатить 1 000 ₽'));
    await seen(page.getByRole('heading', { name: 'Оплата прошла' }));
    await seen(page.getByText(rub('Оплачено 1 000 ₽ — ')));
    const receipt = page.getByRole('link', { name: 'Открыть квитанцию' });
    const html = await parent.context.request.get((await receipt.getAttribute('href')) ?? '');
    expect(html.status()).toBe(200);
    expect(await html.text()).toContain('1\u00a0000\u00a0₽');
    const pdfHref = await page.getByRole('link', { name: 'Скачать PDF' }).getAttribute('href');
    const pdf = await parent.context.request.get(pdfHref ?? '');
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await page.getByRole('link', { name: 'На главную' }).click();
    await seen(due.getByText('Долгов нет, всё оплачено.'));
    await unseen(due.getByText('Занятия в долг: Английский, группа 1'));
    expect(parent.errors).toEqual([]);
  });

  it('explains a declined card and pays again with another card', async () => {
    const { page } = parent;
    await page.goto('/cabinet/due');
    await chooseStudent(page, 'Петя Иванов');
    await page.getByRole('button', { name: 'Оплатить онлайн: Занятия в долг: Шахматы' }).click();
    const dialog = page.getByRole('dialog', { name: 'Оплатить: Занятия в долг: Шахматы' });
    await dialog.getByRole('button', { name: rub('Оплатить 1 000 ₽') }).click();

    await payOnSandbox(page, SANDBOX_CARDS.insufficientFunds, rub('Оплатить 1 000 ₽'));
    const declinedPath = new URL(page.url()).pathname;
    await seen(page.getByRole('heading', { name: 'Оплата не прошла' }));
    await seen(page.getByText(/^Недостаточно средств на карте/));
    await seen(
      page.getByText('Попробуйте другую карту: Visa, MasterCard, МИР — или оплатите через СБП.'),
    );
    await seen(page.getByRole('button', { name: 'Оплатить через СБП' }));

    await page.getByRole('button', { name: 'Повторить оплату' }).click();
    await payOnSandbox(page, SANDBOX_CARDS.success, rub('Оплатить 1 000 ₽'));
    expect(new URL(page.url()).pathname).not.toBe(declinedPath);
    await seen(page.getByRole('heading', { name: 'Оплата прошла' }));

    await page.getByRole('link', { name: 'На главную' }).click();
    await seen(
      page.getByRole('region', { name: DUE_REGION }).getByText('Долгов нет, всё оплачено.'),
    );
    expect(parent.errors).toEqual([]);
  });

  it('tops up the balance by card, then buys a subscription from it', async () => {
    const { page } = parent;
    await page.goto('/');
    await chooseStudent(page, 'Маша Иванова');
    const balance = page.getByRole('region', { name: 'Баланс' });
    await balance.getByRole('button', { name: 'Пополнить баланс' }).click();
    const dialog = page.getByRole('dialog', { name: 'Пополнить баланс' });
    const amount = dialog.getByRole('textbox', { name: 'Сумма пополнения, ₽' });
    await amount.fill('50');
    await dialog.getByRole('button', { name: 'Перейти к оплате' }).click();
    await seen(dialog.getByText(rub('Укажите сумму от 100 ₽ до 500 000 ₽.')));
    await amount.fill('3 000');
    await dialog.getByRole('button', { name: rub('Оплатить 3 000 ₽') }).click();

    await payOnSandbox(page, SANDBOX_CARDS.success, rub('Оплатить 3 000 ₽'));
    await seen(page.getByText(rub('Оплачено 3 000 ₽ — ')));
    await page.getByRole('link', { name: 'На главную' }).click();
    await seen(balance.getByText(/^3\s000\s₽$/));
    await seen(balance.getByText(rub('На балансе 3 000 ₽, но активного абонемента нет')));

    await balance.getByRole('button', { name: 'Купить абонемент с баланса' }).click();
    const buy = page.getByRole('dialog', { name: 'Купить абонемент с баланса' });
    await buy.getByRole('button', { name: rub('Купить за 2 400 ₽') }).click();
    await unseen(buy);
    // Numbers are the organization's: paying a debt sells a settlement subscription too.
    await seen(page.getByText(/^Абонемент №\d+ «8 занятий» куплен и оплачен с баланса\.$/));

    await page.goto('/cabinet/subscriptions');
    const bought = page.getByRole('listitem').filter({ hasText: /^Абонемент №\d+ «8 занятий»/ });
    await seen(bought.getByText('Действует'));
    await seen(bought.getByText(rub('Оплачен полностью: 2 400 ₽')));
    expect(parent.errors).toEqual([]);
  });

  it('lists the payments with their statuses and receipts', async () => {
    const { page } = parent;
    await page.getByRole('link', { name: 'Платежи', exact: true }).first().click();
    await seen(page.getByRole('heading', { name: 'Платежи', level: 1 }));
    const items = page.getByRole('listitem').filter({ hasText: /№\d+/ });
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(4);
    await seen(items.first().getByText(rub('3 000 ₽')));
    expect(await items.filter({ hasText: 'Не прошёл' }).count()).toBe(1);
    expect(await items.filter({ hasText: 'Оплачен' }).count()).toBe(3);
    expect(await page.getByRole('link', { name: /^Квитанция платежа №\d+$/ }).count()).toBe(3);
    await items
      .filter({ hasText: 'Не прошёл' })
      .getByRole('link', { name: /подробнее/ })
      .click();
    await seen(page.getByRole('heading', { name: 'Оплата не прошла' }));
    expect(parent.errors).toEqual([]);
  });

  it('shows staff the payments and the raw decline reason, refunds a part, reconciles', async () => {
    const { page } = c.staff;
    await page.goto('/console/payments');
    await seen(page.getByRole('heading', { name: 'Платежи', level: 1 }));
    const rows = page.getByRole('table', { name: 'Платежи' }).getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
    await page.getByRole('textbox', { name: 'Поиск' }).fill('Петя');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole('combobox', { name: 'Статус' }).click();
    await page.getByRole('option', { name: 'Не прошёл' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await rows.getByRole('link', { name: /^Платёж №\d+$/ }).click();
    await seen(page.getByText('Причина: insufficient_funds'));
    await seen(page.getByRole('table', { name: 'События' }));
    await seen(page.getByText('Вернуть можно только успешный платёж.'));

    await page.goto('/console/payments?purpose=balance_top_up');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await rows.getByRole('link', { name: /^Платёж №\d+$/ }).click();
    await seen(page.getByRole('heading', { name: 'Вернуть деньги' }));
    await page.getByRole('radio', { name: 'Часть' }).check();
    await page.getByRole('textbox', { name: 'Сумма возврата, ₽' }).fill('500');
    await page.getByRole('button', { name: rub('Вернуть 500 ₽') }).click();
    await seen(page.getByText('Укажите причину — не короче 3 символов.'));
    await page.getByRole('textbox', { name: 'Причина возврата' }).fill('Пополнили по ошибке');
    await page.getByRole('button', { name: rub('Вернуть 500 ₽') }).click();
    await seen(page.getByText(rub('Возврат 500 ₽ отправлен в платёжный сервис.')));
    const refunds = page.getByRole('table', { name: 'Возвраты' });
    await seen(refunds.getByText('Пополнили по ошибке'));
    await seen(refunds.getByText('Выполнен'));

    await page.getByRole('link', { name: 'Ко всем платежам' }).click();
    await page.getByRole('link', { name: 'Сверка платежей' }).click();
    await seen(page.getByRole('heading', { name: 'Сверка платежей', level: 1 }));
    await seen(page.getByText(/^Расхождений нет/));
    // 1 000 + 1 000 + 3 000 received online, 500 refunded.
    await seen(page.getByRole('table', { name: 'Итоги' }).getByText(rub('4 500 ₽')));
    expect(c.staff.errors).toEqual([]);
  });

  it('fits a 360 px phone: the pay dialog, the history and the result', async () => {
    const phone = await openJourney(c.browser, c.server.baseUrl, {
      viewport: { width: 360, height: 740 },
    });
    try {
      await signIn(phone, PARENT, '/');
      const { page } = phone;
      const overflow = async () =>
        Number(
          await page.evaluate(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          ),
        );
      await page.getByRole('button', { name: 'Пополнить баланс' }).click();
      await seen(page.getByRole('dialog', { name: 'Пополнить баланс' }));
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.goto('/payments');
      await seen(page.getByRole('heading', { name: 'Платежи', level: 1 }));
      await seen(page.getByRole('link', { name: /^Квитанция платежа №\d+$/ }));
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page
        .getByRole('link', { name: /подробнее/ })
        .first()
        .click();
      await seen(page.getByRole('heading', { name: 'Оплата прошла' }));
      expect(await overflow()).toBeLessThanOrEqual(0);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
  it('tops up by СБП through the QR page', async () => {
    const { page } = parent;
    await page.goto('/cabinet/balance');
    await chooseStudent(page, 'Петя Иванов');
    await page.getByRole('button', { name: 'Пополнить баланс' }).click();
    const dialog = page.getByRole('dialog', { name: 'Пополнить баланс' });
    await dialog.getByRole('textbox', { name: 'Сумма пополнения, ₽' }).fill('500');
    await dialog.getByRole('radio', { name: /^СБП/ }).check();
    await dialog.getByRole('button', { name: rub('Оплатить 500 ₽') }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sandbox/pay/'));
    await seen(page.getByRole('heading', { name: 'Оплата через СБП' }));
    await page.getByRole('button', { name: 'Оплатить в приложении банка (тест)' }).click();
    await page.getByRole('link', { name: 'Вернуться в магазин', exact: true }).click();
    await seen(page.getByText(rub('Оплачено 500 ₽ — ')));
    await seen(page.getByText('Способ оплаты: СБП'));
    expect(parent.errors).toEqual([]);
  });
});
