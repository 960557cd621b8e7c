import type { DemoArticle } from './types.js';

/** Password reset and account recovery. */
export const PASSWORD_ARTICLES: DemoArticle[] = [
  {
    slug: 'reset-password-email',
    category: 'password',
    tags: ['пароль', 'почта'],
    ru: {
      title: 'Как сбросить пароль по электронной почте',
      body: `Забыли пароль? На странице входа нажмите **«Забыли пароль?»** и введите почту, указанную в учётной записи.

1. Откройте письмо «Сброс пароля» — оно приходит в течение пары минут. Проверьте папку «Спам».
2. Перейдите по ссылке из письма: она действует 1 час и только один раз.
3. Придумайте новый пароль. После смены пароля все другие сеансы завершатся.

Письмо не пришло — запросите ссылку повторно через минуту или воспользуйтесь восстановлением по SMS.`,
    },
    en: {
      title: 'Resetting your password by email',
      body: 'On the sign-in page choose "Forgot password?", enter your email and follow the link from the message within an hour. Check the spam folder if it does not arrive.',
    },
  },
  {
    slug: 'reset-password-sms',
    category: 'password',
    tags: ['пароль', 'телефон', 'sms'],
    ru: {
      title: 'Восстановление пароля по SMS',
      body: `Если к учётной записи привязан телефон, пароль можно восстановить по **SMS-коду**.

1. Нажмите «Забыли пароль?» и выберите «По номеру телефона».
2. Введите номер в любом виде: \`+7 900 000-00-01\` или \`89000000001\`.
3. Введите шестизначный код из SMS. Код действует 10 минут, на ввод даётся пять попыток.

Новый код можно запросить через минуту. SMS не приходит — проверьте, что телефон в сети и номер указан верно.`,
    },
    en: {
      title: 'Resetting your password by SMS',
      body: 'With a phone on the account, choose "Forgot password?" → by phone, enter the number and the six-digit code from the SMS. The code is valid for 10 minutes.',
    },
  },
  {
    slug: 'password-requirements',
    category: 'password',
    tags: ['пароль'],
    ru: {
      title: 'Новый пароль не принимается: требования к паролю',
      body: `Кабинет не примет пароль, если он:

- короче **10 символов**;
- входит в список самых распространённых паролей (\`123456789\`, \`qwerty123\` и подобные);
- совпадает с вашей почтой или именем.

Надёжный пароль — фраза из нескольких слов, например «зелёный-чайник-на-крыше». Запоминать её проще, чем набор символов.`,
    },
    en: {
      title: 'My new password is refused: password rules',
      body: 'A password must be at least 10 characters, not a common password and not your email or name. A phrase of several words is both strong and easy to remember.',
    },
  },
  {
    slug: 'account-recovery',
    category: 'password',
    tags: ['восстановление', 'доступ', 'почта', 'телефон'],
    ru: {
      title: 'Восстановление доступа, если нет доступа к почте и телефону',
      body: `Если вы потеряли доступ и к почте, и к телефону, сбросить пароль обычным способом не получится. Подайте **заявку на восстановление доступа**:

1. На странице входа нажмите «Нет доступа к почте и телефону».
2. Укажите ФИО, прежний логин (если помните) и новую почту или новый телефон.
3. Приложите скан или фото документа, удостоверяющего личность (PDF, JPEG или PNG).
4. Подтвердите новую почту по ссылке или новый телефон кодом из SMS.

Сотрудники проверят заявку и пришлют ссылку для входа на новый адрес. Статус заявки можно смотреть по ссылке из письма. Документы удаляются через 30 дней после решения.`,
    },
    en: {
      title: 'Recovering an account without your email and phone',
      body: 'Lost both your email and phone? Submit an account recovery request with your name, a new contact and an identity document. Staff check it and send a sign-in link to the new address.',
    },
  },
  {
    slug: 'change-email-or-phone',
    category: 'password',
    tags: ['почта', 'телефон', 'профиль'],
    ru: {
      title: 'Как сменить почту или номер телефона',
      body: `Откройте **«Настройки → Профиль»** и нажмите «Изменить» рядом с почтой или телефоном.

- На новую почту придёт письмо со ссылкой для подтверждения; до подтверждения действует старая почта.
- Новый телефон подтверждается кодом из SMS.

Если старая почта уже недоступна и войти нельзя, подайте заявку на восстановление доступа.`,
    },
    en: {
      title: 'Changing your email or phone number',
      body: 'Open Settings → Profile and choose "Change". A new email is confirmed by a link, a new phone by an SMS code.',
    },
  },
];
