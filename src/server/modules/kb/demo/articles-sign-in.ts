import type { DemoArticle } from './types.js';

/** Sign-in troubles and blocked accounts. */
export const SIGN_IN_ARTICLES: DemoArticle[] = [
  {
    slug: 'invisible-characters',
    category: 'sign-in',
    tags: ['вход', 'пароль'],
    ru: {
      title: 'Не получается войти: лишние пробелы и невидимые символы',
      body: `Если вы **скопировали** логин или пароль из письма, мессенджера или заметок, вместе с ним часто копируются пробел в конце строки, перевод строки или невидимый символ.

Что сделать:

1. Сотрите поле полностью и **наберите логин и пароль вручную**.
2. Если копируете, выделяйте текст аккуратно, без пробела в конце.
3. Менеджеры паролей вставляют пароль без лишних символов — пользуйтесь ими.

Пробелы в начале и в конце логина кабинет убирает сам, а в пароле любой символ важен.`,
    },
    en: {
      title: 'Cannot sign in: extra spaces and invisible characters',
      body: 'Text copied from an email or a messenger often carries a trailing space or an invisible character. Clear the field and type your login and password by hand.',
    },
  },
  {
    slug: 'keyboard-layout',
    category: 'sign-in',
    tags: ['вход', 'пароль', 'раскладка'],
    ru: {
      title: 'Пароль не подходит: включена другая раскладка клавиатуры',
      body: `Частая причина ошибки «Неверный логин или пароль» — пароль набран **в русской раскладке** вместо английской (или наоборот). Например, «пароль» в английской раскладке выглядит как \`gfhjkm\`.

- Посмотрите на индикатор языка в углу экрана (RU/EN) и переключите раскладку (обычно Alt+Shift, Ctrl+Shift или Win+Пробел).
- На телефоне проверьте язык экранной клавиатуры.
- Нажмите на значок «глаз» в поле пароля, чтобы увидеть, что вы набрали.

Если в поле логина вы набрали почту русскими буквами, кабинет предложит исправление.`,
    },
    en: {
      title: 'Wrong password: the keyboard is on another layout',
      body: 'A password typed in the Russian layout instead of the English one (or the other way round) does not match. Check the language indicator, switch the layout and show the password with the eye icon.',
    },
  },
  {
    slug: 'caps-lock',
    category: 'sign-in',
    tags: ['вход', 'пароль'],
    ru: {
      title: 'Включён Caps Lock: регистр букв в пароле',
      body: `Пароль чувствителен к регистру: «Парол1» и «пАРОЛ1» — разные пароли. Если включена клавиша **Caps Lock**, все буквы набираются заглавными.

Когда Caps Lock включён, под полем пароля появляется предупреждение. Выключите его и наберите пароль снова. На телефоне проверьте, не зафиксирован ли верхний регистр на клавиатуре.`,
    },
    en: {
      title: 'Caps Lock is on: letter case in the password',
      body: 'Passwords are case-sensitive. When Caps Lock is on, the sign-in form warns you under the password field; turn it off and type the password again.',
    },
  },
  {
    slug: 'signed-in-elsewhere',
    category: 'sign-in',
    tags: ['вход', 'сеанс', 'устройство'],
    ru: {
      title: 'Меня выкинуло из кабинета: вход с другого устройства',
      body: `Организация может ограничить число одновременных сеансов. Если вы вошли на **другом устройстве** (телефон, рабочий компьютер, другой браузер), самый старый сеанс завершается, и на первом устройстве появляется сообщение «Вы вошли на другом устройстве».

Что сделать:

1. Просто войдите снова на нужном устройстве.
2. В разделе «Настройки → Сеансы» посмотрите список устройств и завершите лишние.
3. Если вы не узнаёте устройство, **смените пароль** — это завершит все сеансы.`,
    },
    en: {
      title: 'Signed out: you signed in on another device',
      body: 'The organization may limit simultaneous sessions, so signing in elsewhere ends the oldest one. Sign in again, review your sessions in Settings, and change your password if you do not recognise a device.',
    },
  },
  {
    slug: 'personal-code-sign-in',
    category: 'sign-in',
    tags: ['вход', 'личный код'],
    ru: {
      title: 'Как войти по личному коду',
      body: `Если у вас нет электронной почты, учебный центр выдаёт **личный код** — восемь латинских букв и цифр, например \`DEMA-7946\`.

Введите код в поле «Почта, телефон или личный код». Дефис и регистр не важны. Пароль вы задаёте при первом входе. Потеряли код — обратитесь к администратору вашей организации.`,
    },
    en: {
      title: 'Signing in with a personal code',
      body: 'Without an email address, your training centre gives you a personal code of eight letters and digits. Type it in the login field; dashes and letter case do not matter.',
    },
  },
  {
    slug: 'blocked-failed-attempts',
    category: 'blocked',
    tags: ['блокировка', 'вход', 'пароль'],
    ru: {
      title: 'Вход временно заблокирован после неудачных попыток',
      body: `После нескольких подряд **неверных паролей** вход в учётную запись временно блокируется — это защита от подбора пароля. Сообщение показывает, через сколько минут можно попробовать снова.

- Подождите указанное время и введите пароль внимательно (проверьте раскладку и Caps Lock).
- Не помните пароль — не ждите, а **сбросьте его** по ссылке «Забыли пароль?».`,
    },
    en: {
      title: 'Sign-in temporarily blocked after failed attempts',
      body: 'Several wrong passwords in a row lock sign-in for a while to stop password guessing. Wait the time shown, or reset your password right away.',
    },
  },
  {
    slug: 'blocked-by-administrator',
    category: 'blocked',
    tags: ['блокировка'],
    ru: {
      title: 'Учётную запись заблокировал администратор',
      body: `Администратор организации может заблокировать учётную запись **по решению сотрудников** или **за нарушение правил** пользования сервисом. Причину и дату окончания блокировки вы увидите на странице входа.

Если вы не согласны с блокировкой, напишите администратору вашей организации или отправьте обращение в поддержку — без входа это можно сделать со страницы «Нет доступа».`,
    },
    en: {
      title: 'The administrator blocked my account',
      body: 'Staff may block an account by their decision or for a violation of the rules. The sign-in page shows the reason and the end date; contact the organization if you disagree.',
    },
  },
  {
    slug: 'blocked-suspicious-activity',
    category: 'blocked',
    tags: ['блокировка', 'безопасность'],
    ru: {
      title: 'Блокировка из-за подозрительной активности',
      body: `Если в учётную запись пытались войти из необычных мест или было много попыток входа, мы блокируем её, чтобы **защитить ваши данные**.

Чтобы вернуть доступ, восстановите пароль по почте или SMS: новая ссылка подтверждает, что учётная запись ваша. Если блокировка осталась, свяжитесь с поддержкой.`,
    },
    en: {
      title: 'Blocked because of suspicious activity',
      body: 'Unusual sign-in attempts make us block the account to protect your data. Reset your password by email or SMS to prove it is yours; contact support if the block stays.',
    },
  },
  {
    slug: 'blocked-inactive',
    category: 'blocked',
    tags: ['блокировка'],
    ru: {
      title: 'Учётная запись заблокирована за долгое отсутствие',
      body: `Некоторые организации блокируют учётные записи, в которые **долго не входили** (срок задаёт организация, например 180 дней).

Для разблокировки обратитесь к администратору организации. После снятия блокировки войдите со старым паролем или сбросьте его.`,
    },
    en: {
      title: 'Account blocked after a long absence',
      body: 'Some organizations block accounts nobody has signed in to for a long time. Ask the organization administrator to lift the block.',
    },
  },
  {
    slug: 'access-period-ended',
    category: 'blocked',
    tags: ['блокировка', 'доступ', 'обучение'],
    ru: {
      title: 'Закончился период доступа к обучению',
      body: `Доступ к личному кабинету учебного центра открывается на **период подготовки**. Когда срок закончился (или работодатель прекратил оплату вашего обучения), вход закрывается.

- За несколько дней до окончания срока приходит письмо-напоминание.
- Чтобы продлить доступ, обратитесь в учебный центр или к вашему работодателю.
- Прогресс обучения сохраняется и будет доступен после продления.`,
    },
    en: {
      title: 'My access period has ended',
      body: 'Access to a training centre opens for an access period. When it ends, or the employer stops paying, sign-in closes; ask the centre or your employer to extend it. Your progress is kept.',
    },
  },
  {
    slug: 'access-not-opened',
    category: 'blocked',
    tags: ['доступ', 'вход'],
    ru: {
      title: 'Доступ ещё не открыт',
      body: `Учётная запись создана, но **доступ ещё не открыт**: например, обучение начинается позже или ещё не пришло подтверждение оплаты. Дата открытия указана в письме-приглашении.

Если дата прошла, а войти нельзя, напишите администратору организации.`,
    },
    en: {
      title: 'Access is not open yet',
      body: 'The account exists but access opens later, for example when your course starts. The invitation email shows the date.',
    },
  },
];
