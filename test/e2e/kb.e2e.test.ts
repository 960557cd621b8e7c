import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOwner,
  launchBrowser,
  openJourney,
  seen,
  startServer,
  unseen,
  type Journey,
  type KabinetServer,
} from './harness.js';

const ARTICLE = {
  slug: 'password-reset',
  titleRu: 'Как восстановить пароль',
  titleEn: 'How to reset your password',
  // `#` on purpose: the page must show it below its own <h1>.
  bodyRu:
    'Откройте страницу входа и нажмите «Забыли пароль?». Ссылка для восстановления придёт на почту.\n\n# Если письмо не пришло\n\nПроверьте папку «Спам» и подождите десять минут.',
  bodyEn: 'Open the sign-in page and press “Forgot password?”. A reset link arrives by email.',
};
const DRAFT = {
  slug: 'card-payment',
  titleRu: 'Как оплатить занятия картой',
  bodyRu: 'Оплата картой Мир и Visa: откройте «Оплата» и нажмите «Оплатить картой».',
};

/** Levels of the page's headings in document order, e.g. [1, 2, 2]. */
function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(`[...document.querySelectorAll('main h1, main h2, main h3, main h4')]
    .filter((h) => h.offsetParent !== null)
    .map((h) => Number(h.tagName.slice(1)))`);
}

/** True when nothing sticks out sideways (no horizontal scrolling on a phone). */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
}

/** Presses Tab until `name` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, test: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return;
  }
  throw new Error(`Tab never reached: ${test}`);
}

/**
 * The focused element looks different from itself unfocused: an outline or a ring (buttons,
 * links), or a changed border (Mantine inputs). Transitions are paused while comparing.
 */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || !el.matches(':focus-visible')) return false;
    const target = el.closest('.mantine-Input-wrapper')?.querySelector('input, textarea') ?? el;
    target.style.transition = 'none';
    const look = () => {
      const s = getComputedStyle(target);
      return [s.outlineStyle === 'none' ? '' : s.outlineStyle + s.outlineWidth + s.outlineColor, s.boxShadow, s.borderColor].join('|');
    };
    const focused = look();
    el.blur();
    const blurred = look();
    el.focus();
    target.style.transition = '';
    return focused !== blurred;
  })()`);
}

describe('knowledge base: staff write and publish, visitors find, read and rate', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;
  let visitor: Journey;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await openJourney(browser, server.baseUrl);
    await createOwner(staff, server);
    visitor = await openJourney(browser, server.baseUrl);
  });

  afterAll(async () => {
    await visitor.close();
    await staff.close();
    await browser.close();
    await server.stop();
  });

  it('staff create, correct and delete categories in the console; a full one is refused clearly', async () => {
    const { page } = staff;
    await page.goto('/console/kb');
    await page.getByRole('link', { name: 'Разделы', exact: true }).click();
    await seen(page.getByRole('heading', { name: 'Разделы базы знаний' }));
    await seen(page.getByText('Разделов пока нет', { exact: false }));

    await page.getByRole('button', { name: 'Новый раздел' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый раздел' });
    await dialog.getByRole('textbox', { name: 'Адрес (slug)' }).fill('-вход-');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(dialog.getByText('Адрес — от 2 до 80 символов', { exact: false }));
    await seen(dialog.getByText('Введите название по-русски', { exact: false }));
    // The cursor lands on the first field to fix.
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-invalid")')).toBe(
      'true',
    );

    await dialog.getByRole('textbox', { name: 'Адрес (slug)' }).fill('Sign-In');
    await dialog.getByRole('textbox', { name: 'Название по-русски' }).fill('Вход и пароль');
    await dialog.getByRole('textbox', { name: 'Название по-английски' }).fill('Sign-in');
    await dialog.getByRole('textbox', { name: 'Описание по-русски' }).fill('Не получается войти');
    await dialog.getByRole('textbox', { name: 'Порядок' }).fill('10');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByRole('status').getByText('Раздел «Вход и пароль» сохранён'));
    const row = page.getByRole('row').filter({ hasText: 'Вход и пароль' });
    expect(await row.innerText()).toContain('/kb/c/sign-in');

    await page.getByRole('button', { name: 'Изменить раздел «Вход и пароль»' }).click();
    const edit = page.getByRole('dialog', { name: 'Раздел «Вход и пароль»' });
    await edit.getByRole('textbox', { name: 'Название по-английски' }).fill('Sign-in and password');
    await edit
      .getByRole('textbox', { name: 'Описание по-английски' })
      .fill('Cannot sign in, forgot the password');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await seen(row.getByText('Sign-in and password'));

    // A second category with the same address is refused on the address field.
    staff.expectHttpError(409, /\/api\/staff\/kb\/categories$/);
    await page.getByRole('button', { name: 'Новый раздел' }).click();
    await dialog.getByRole('textbox', { name: 'Адрес (slug)' }).fill('sign-in');
    await dialog.getByRole('textbox', { name: 'Название по-русски' }).fill('Дубль');
    await dialog.getByRole('textbox', { name: 'Название по-английски' }).fill('Duplicate');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(dialog.getByText('Такой адрес (slug) уже занят', { exact: false }));
    await dialog.getByRole('textbox', { name: 'Адрес (slug)' }).fill('payments');
    await dialog.getByRole('textbox', { name: 'Название по-русски' }).fill('Оплата');
    await dialog.getByRole('textbox', { name: 'Название по-английски' }).fill('Payments');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByRole('status').getByText('Раздел «Оплата» сохранён'));

    // An empty category goes; Order puts «Вход и пароль» (10) before «Оплата» (20).
    const names = await page.getByRole('row').allInnerTexts();
    expect(names.findIndex((r) => r.includes('Вход и пароль'))).toBeLessThan(
      names.findIndex((r) => r.includes('Оплата')),
    );
    await page.getByRole('button', { name: 'Удалить раздел «Оплата»' }).click();
    await page
      .getByRole('dialog', { name: 'Удалить раздел?' })
      .getByRole('button', {
        name: 'Удалить',
      })
      .click();
    await seen(page.getByRole('status').getByText('Раздел «Оплата» удалён'));
    await unseen(page.getByRole('row').filter({ hasText: 'Оплата' }));
    expect(staff.errors).toEqual([]);
  });

  it('staff write an article in Russian and English and publish it, and keep a draft', async () => {
    const { page } = staff;
    await page.goto('/console/kb');
    await page.getByRole('link', { name: 'Новая статья' }).click();
    await seen(page.getByRole('heading', { name: 'Новая статья' }));
    await page.getByRole('textbox', { name: 'Адрес (slug)' }).fill(ARTICLE.slug);
    await page.getByRole('combobox', { name: 'Раздел', exact: true }).click();
    await page.getByRole('option', { name: 'Вход и пароль' }).click();
    await page.getByRole('textbox', { name: 'Заголовок' }).fill(ARTICLE.titleRu);
    await page.getByRole('textbox', { name: 'Текст (Markdown)' }).fill(ARTICLE.bodyRu);
    await seen(
      page.getByRole('region', { name: 'Предпросмотр' }).getByText('Если письмо не пришло'),
    );
    await page.getByRole('tab', { name: 'English' }).click();
    await page.getByRole('textbox', { name: 'Заголовок' }).fill(ARTICLE.titleEn);
    await page.getByRole('textbox', { name: 'Текст (Markdown)' }).fill(ARTICLE.bodyEn);
    await page.getByRole('button', { name: 'Сохранить и опубликовать' }).click();
    await page.waitForURL((url) => /^\/console\/kb\/[0-9a-f-]{36}$/.test(url.pathname));
    await seen(page.getByText('Опубликована'));
    await seen(page.getByRole('link', { name: 'Открыть на сайте' }));

    await page.goto('/console/kb/new');
    await page.getByRole('textbox', { name: 'Адрес (slug)' }).fill(DRAFT.slug);
    await page.getByRole('combobox', { name: 'Раздел', exact: true }).click();
    await page.getByRole('option', { name: 'Вход и пароль' }).click();
    await page.getByRole('textbox', { name: 'Заголовок' }).fill(DRAFT.titleRu);
    await page.getByRole('textbox', { name: 'Текст (Markdown)' }).fill(DRAFT.bodyRu);
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.waitForURL((url) => /^\/console\/kb\/[0-9a-f-]{36}$/.test(url.pathname));
    await seen(page.getByText('Черновик'));

    // A category with articles cannot be deleted, and the console says why and where they are.
    staff.expectHttpError(409, /\/api\/staff\/kb\/categories\/[0-9a-f-]{36}$/);
    await page.goto('/console/kb/categories');
    await page.getByRole('button', { name: 'Удалить раздел «Вход и пароль»' }).click();
    const confirm = page.getByRole('dialog', { name: 'Удалить раздел?' });
    await confirm.getByRole('button', { name: 'Удалить' }).click();
    const refusal = confirm.getByRole('alert');
    await seen(refusal.getByText('Раздел не удалён'));
    await seen(refusal.getByText('В разделе есть статьи', { exact: false }));
    await refusal.getByRole('link', { name: 'Показать 2 статьи раздела' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/console/kb' && url.search.includes('category='),
    );
    await seen(page.getByRole('row').filter({ hasText: ARTICLE.titleRu }));
    await seen(page.getByRole('row').filter({ hasText: DRAFT.titleRu }));
    expect(staff.errors).toEqual([]);
  });

  it('a visitor finds the article with a typo and in the wrong layout, reads it and says it helped', async () => {
    const { page } = visitor;
    await page.goto('/kb');
    await seen(page.getByRole('heading', { name: 'База знаний', level: 1 }));
    // Only published articles count.
    await seen(page.getByRole('link', { name: /Вход и пароль.*1 статья/ }));
    const search = page.getByRole('searchbox', { name: 'Поиск по базе знаний' });
    const results = page.getByRole('region', { name: 'Результаты поиска' });

    await search.fill('васстановление пороля');
    await seen(results.getByRole('link', { name: ARTICLE.titleRu }));
    await search.fill('gfhjkm');
    await seen(results.getByRole('link', { name: ARTICLE.titleRu }));
    // The draft is not found, and its address shows a page that says so.
    await search.fill('оплатить картой');
    await seen(results.getByText('Совпадений со статьями не найдено'));
    visitor.expectHttpError(404, /\/api\/kb\/articles\/card-payment/);
    await page.goto(`/kb/a/${DRAFT.slug}`);
    await seen(page.getByRole('heading', { name: 'Статья не найдена' }));

    await page.goto('/kb?q=gfhjkm');
    await results.getByRole('link', { name: ARTICLE.titleRu }).click();
    await seen(page.getByRole('heading', { name: ARTICLE.titleRu, level: 1 }));
    await seen(page.getByRole('heading', { name: 'Если письмо не пришло', level: 2 }));
    expect(await headingLevels(page)).toEqual([1, 2]);

    await page
      .getByRole('navigation', { name: 'Вы здесь' })
      .getByRole('link', { name: 'Вход и пароль' })
      .click();
    await seen(page.getByRole('heading', { name: 'Вход и пароль', level: 1 }));
    const question = page.getByRole('button', { name: ARTICLE.titleRu });
    expect(await question.getAttribute('aria-expanded')).toBe('false');
    await question.click();
    expect(await question.getAttribute('aria-expanded')).toBe('true');
    await seen(page.getByText('Ссылка для восстановления придёт на почту', { exact: false }));
    await seen(page.getByRole('heading', { name: 'Если письмо не пришло', level: 3 }));
    await unseen(page.getByText(DRAFT.titleRu));

    await page.getByRole('link', { name: 'Открыть статью' }).click();
    await seen(page.getByText('Была ли статья полезна?'));
    await page.getByRole('button', { name: 'Да' }).click();
    await seen(page.getByRole('status').getByText('Спасибо за отзыв!'));
    expect(await page.getByRole('button', { name: 'Да' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(visitor.errors).toEqual([]);
  });

  it('staff see the view and the helpful vote in the console', async () => {
    const { page } = staff;
    await page.goto('/console/kb');
    const row = page.getByRole('row').filter({ hasText: ARTICLE.titleRu });
    await seen(row);
    const cells = await row.getByRole('cell').allTextContents();
    // Title, category, status, views, «да / нет», changed.
    expect(cells[2]).toBe('Опубликована');
    expect(Number(cells[3])).toBeGreaterThanOrEqual(1);
    expect(cells[4]).toBe('1 / 0');
    const helpful = page.getByRole('region', { name: /За последние 30 дней/ });
    await seen(helpful.getByText('Полезна', { exact: true }));
    expect(await helpful.innerText()).toMatch(/Полезна\s+1\b/);
    const draftRow = page.getByRole('row').filter({ hasText: DRAFT.titleRu });
    expect((await draftRow.getByRole('cell').allTextContents())[2]).toBe('Черновик');
    expect(staff.errors).toEqual([]);
  });

  it('reads the English version in English', async () => {
    const { page } = visitor;
    await page.goto(`/kb/a/${ARTICLE.slug}`);
    await page.getByRole('button', { name: /^Язык интерфейса/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await seen(page.getByRole('heading', { name: ARTICLE.titleEn, level: 1 }));
    await seen(page.getByRole('link', { name: 'Sign-in and password' }));
    await page.getByRole('button', { name: /^Interface language/ }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await seen(page.getByRole('heading', { name: ARTICLE.titleRu, level: 1 }));
    expect(visitor.errors).toEqual([]);
  });

  it('works on a 360 px phone with the keyboard alone', async () => {
    const phone = await openJourney(browser, server.baseUrl, {
      viewport: { width: 360, height: 740 },
    });
    try {
      const { page } = phone;
      await page.goto('/kb');
      await seen(page.getByRole('heading', { name: 'База знаний', level: 1 }));
      expect(await fitsWidth(page)).toBe(true);
      expect(await headingLevels(page)).toEqual([1, 2]);

      await tabTo(page, `document.activeElement?.getAttribute('type') === 'search'`);
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.type('gfhjkm');
      const link = page
        .getByRole('region', { name: 'Результаты поиска' })
        .getByRole('link', { name: ARTICLE.titleRu });
      await seen(link);
      expect(await fitsWidth(page)).toBe(true);
      await tabTo(
        page,
        `document.activeElement?.textContent === ${JSON.stringify(ARTICLE.titleRu)}`,
      );
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await seen(page.getByRole('heading', { name: ARTICLE.titleRu, level: 1 }));
      expect(await fitsWidth(page)).toBe(true);

      // The vote buttons are reachable and show where the focus is.
      await tabTo(page, `document.activeElement?.textContent === 'Нет'`);
      expect(await focusVisible(page)).toBe(true);

      await page.goto('/kb/c/sign-in');
      await seen(page.getByRole('heading', { name: 'Вход и пароль', level: 1 }));
      expect(await fitsWidth(page)).toBe(true);
      await tabTo(
        page,
        `document.activeElement?.getAttribute('aria-expanded') === 'false' && document.activeElement.textContent === ${JSON.stringify(ARTICLE.titleRu)}`,
      );
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await seen(page.getByText('Ссылка для восстановления придёт на почту', { exact: false }));
      expect(await headingLevels(page)).toEqual([1, 2, 3]);
      expect(await fitsWidth(page)).toBe(true);

      // Category cards on /kb are links a keyboard reaches, with a visible focus.
      await page.goto('/kb');
      await tabTo(page, `document.activeElement?.getAttribute('href') === '/kb/c/sign-in'`);
      expect(await focusVisible(page)).toBe(true);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
