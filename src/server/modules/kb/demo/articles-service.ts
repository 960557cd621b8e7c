import type { DemoArticle } from './types.js';

/** Payments, certificates and tickets, training. */
export const SERVICE_ARTICLES: DemoArticle[] = [
  {
    slug: 'card-declined',
    category: 'payments',
    tags: ['оплата', 'карта'],
    ru: {
      title: 'Карта отклонена при оплате',
      body: `Если банк **отклонил платёж**, деньги не списываются. Частые причины:

- на карте недостаточно средств или превышен лимит на покупки в интернете;
- банк не подтвердил платёж: не введён код 3-D Secure из SMS;
- истёк срок действия карты или она заблокирована;
- банк запретил оплату за рубежом или в интернете.

Попробуйте ещё раз, проверьте данные карты или заплатите через СБП. Если отказ повторяется, позвоните в банк по номеру на обороте карты.`,
    },
    en: {
      title: 'My card was declined',
      body: 'A declined payment takes no money. Check the balance and online limits, confirm 3-D Secure, or pay with SBP; call your bank if it keeps happening.',
    },
  },
  {
    slug: 'pay-with-sbp',
    category: 'payments',
    tags: ['оплата', 'сбп'],
    ru: {
      title: 'Оплата через СБП (Систему быстрых платежей)',
      body: `Через **СБП** можно заплатить без ввода данных карты:

1. Выберите способ оплаты «СБП».
2. На компьютере отсканируйте QR-код камерой телефона; на телефоне выберите свой банк из списка.
3. Подтвердите платёж в приложении банка.

Комиссия за оплату через СБП не взимается. Статус платежа обновится автоматически в течение минуты.`,
    },
    en: {
      title: 'Paying with SBP (the Faster Payments System)',
      body: 'Choose SBP, scan the QR code with your phone or pick your bank, and confirm the payment in the banking app. No fee is charged.',
    },
  },
  {
    slug: 'payment-receipt',
    category: 'payments',
    tags: ['оплата', 'чек'],
    ru: {
      title: 'Где взять чек об оплате',
      body: `Электронный **кассовый чек** приходит на почту сразу после оплаты. Все чеки также есть в разделе «Платежи»: откройте платёж и нажмите «Чек».

Для бухгалтерии можно скачать счёт и акт в том же разделе. Чек не пришёл — проверьте папку «Спам» и правильность почты в профиле.`,
    },
    en: {
      title: 'Where to find a payment receipt',
      body: 'The electronic receipt is emailed right after payment and is also available under Payments → the payment → Receipt.',
    },
  },
  {
    slug: 'balance-and-subscription',
    category: 'payments',
    tags: ['оплата', 'баланс', 'абонемент'],
    ru: {
      title: 'Баланс и абонемент: в чём разница',
      body: `**Баланс** — деньги на вашем счёте в кабинете. С него оплачиваются занятия и услуги по мере их оказания.

**Абонемент** — оплаченный пакет занятий или период доступа. Он действует до указанной даты или до окончания занятий.

Пополнение баланса не продлевает абонемент автоматически: чтобы купить новый, нажмите «Продлить абонемент». Отрицательный баланс означает задолженность.`,
    },
    en: {
      title: 'Balance and subscription: what is the difference',
      body: 'The balance is money on your account; a subscription is a paid package of lessons or a period. Topping up the balance does not extend a subscription.',
    },
  },
  {
    slug: 'payment-not-credited',
    category: 'payments',
    tags: ['оплата', 'списание'],
    ru: {
      title: 'Деньги списались, а оплата не отобразилась',
      body: `Иногда банк **списывает деньги**, но подтверждение приходит с задержкой. Подождите 15 минут и обновите страницу «Платежи».

Если платёж так и не появился или деньги списались дважды, отправьте обращение в поддержку и приложите выписку или скриншот из банка. Ошибочно списанные деньги возвращаются на карту в течение 10 рабочих дней.`,
    },
    en: {
      title: 'Money was taken but the payment does not show',
      body: 'Confirmation sometimes arrives late; wait 15 minutes. If it still does not show or you were charged twice, file a ticket with a bank statement.',
    },
  },
  {
    slug: 'register-certificate',
    category: 'support',
    tags: ['сертификат', 'поддержка'],
    ru: {
      title: 'Как зарегистрировать сертификат технической поддержки',
      body: `**Сертификат** даёт право на техническую поддержку определённого уровня и задаёт приоритет ваших обращений.

1. Откройте «Мои сертификаты» и нажмите «Зарегистрировать сертификат».
2. Введите серийный номер и код активации с бланка сертификата или из письма.
3. Кабинет проверит, что сертификат существует, не истёк и не зарегистрирован на другую учётную запись.

После регистрации сертификат появится в списке, и его можно выбрать при отправке обращения.`,
    },
    en: {
      title: 'Registering a support certificate',
      body: 'Open My certificates → Register, enter the serial number and activation code. The certificate must exist, be valid and not belong to another account.',
    },
  },
  {
    slug: 'certificate-expired',
    category: 'support',
    tags: ['сертификат'],
    ru: {
      title: 'Срок действия сертификата истёк',
      body: `За 30 дней до окончания срока сертификата приходит письмо-напоминание. После окончания срока сертификат нельзя выбрать в обращении: обращение уйдёт в общую очередь с минимальным приоритетом.

Чтобы продлить поддержку, купите новый сертификат у поставщика и зарегистрируйте его в разделе «Мои сертификаты».`,
    },
    en: {
      title: 'My support certificate has expired',
      body: 'An expired certificate cannot be chosen for a ticket; tickets then go to the general queue with the lowest priority. Buy and register a new certificate.',
    },
  },
  {
    slug: 'file-a-ticket',
    category: 'support',
    tags: ['обращение', 'поддержка'],
    ru: {
      title: 'Как отправить обращение в поддержку',
      body: `Откройте «Мои обращения» и нажмите **«Отправить обращение»**.

1. Выберите сертификат или «Без сертификата» (тогда обращение попадёт в общую очередь с минимальным приоритетом).
2. Кратко опишите тему и подробно — проблему: что делали, что ожидали, что получилось.
3. Приложите скриншоты или журналы (логи).

Пока вы пишете, кабинет предлагает статьи базы знаний: возможно, ответ уже есть. Каждому обращению присваивается номер — по нему удобно следить за статусом.`,
    },
    en: {
      title: 'How to file a support ticket',
      body: 'Open My tickets → New ticket, choose a certificate or none, describe the problem and attach screenshots or logs. Suggested articles may already answer it.',
    },
  },
  {
    slug: 'ticket-auto-close-reopen',
    category: 'support',
    tags: ['обращение', 'закрытие'],
    ru: {
      title: 'Обращение закрылось автоматически: как открыть его снова',
      body: `Если сотрудник поддержки предложил решение или запросил информацию, а ответа нет **3 рабочих дня**, обращение закрывается автоматически. Через один рабочий день приходит напоминание.

Чтобы **открыть обращение снова**, откройте его и нажмите «Открыть снова» или просто ответьте. Это можно сделать в течение 30 дней после закрытия; позже ответ создаст новое обращение со ссылкой на старое.`,
    },
    en: {
      title: 'My ticket closed automatically: how to reopen it',
      body: 'A ticket waiting for your reply closes after 3 working days. Reopen it within 30 days with "Reopen" or simply reply; later a reply starts a new linked ticket.',
    },
  },
  {
    slug: 'training-progress',
    category: 'training',
    tags: ['обучение', 'прогресс'],
    ru: {
      title: 'Где посмотреть прогресс обучения',
      body: `Прогресс показан на главной странице кабинета и в разделе **«Обучение»**: процент пройденных уроков, результаты тестов и срок окончания доступа.

Урок считается пройденным, когда вы дочитали материал до конца или сдали тест к нему. Итоговый тест открывается после прохождения всех уроков.`,
    },
    en: {
      title: 'Where to see your training progress',
      body: 'The home page and the Training section show completed lessons, test results and when your access ends.',
    },
  },
  {
    slug: 'progress-not-saved',
    category: 'training',
    tags: ['обучение', 'прогресс'],
    ru: {
      title: 'Прогресс не сохраняется: урок не засчитан',
      body: `Если урок не отметился пройденным:

- дочитайте страницу до конца и дождитесь отметки «Пройдено»;
- не проходите урок одновременно в двух вкладках или на двух устройствах;
- проверьте подключение к интернету: без него результаты теста не отправляются.

Если прогресс всё равно пропал, отправьте обращение и укажите название курса и урока.`,
    },
    en: {
      title: 'Progress is not saved: a lesson was not counted',
      body: 'Read the page to the end, avoid two tabs at once and check your connection. File a ticket with the course and lesson if progress is still lost.',
    },
  },
];
