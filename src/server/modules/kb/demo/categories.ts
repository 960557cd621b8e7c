import type { DemoCategory } from './types.js';

/** The starter knowledge base's sections, in display order. */
export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    slug: 'sign-in',
    nameRu: 'Вход в личный кабинет',
    nameEn: 'Signing in',
    descriptionRu: 'Что делать, если не получается войти.',
    descriptionEn: 'What to do when you cannot sign in.',
  },
  {
    slug: 'blocked',
    nameRu: 'Блокировка учётной записи',
    nameEn: 'Blocked accounts',
    descriptionRu: 'Почему учётная запись заблокирована и как вернуть доступ.',
    descriptionEn: 'Why an account is blocked and how to get access back.',
  },
  {
    slug: 'password',
    nameRu: 'Пароль и восстановление доступа',
    nameEn: 'Password and account recovery',
    descriptionRu: 'Сброс пароля по почте и SMS, восстановление доступа к учётной записи.',
    descriptionEn: 'Resetting the password by email or SMS, recovering an account.',
  },
  {
    slug: 'payments',
    nameRu: 'Оплата',
    nameEn: 'Payments',
    descriptionRu: 'Оплата картой и через СБП, чеки, баланс и абонементы.',
    descriptionEn: 'Card and SBP payments, receipts, balance and subscriptions.',
  },
  {
    slug: 'support',
    nameRu: 'Сертификаты и обращения',
    nameEn: 'Certificates and tickets',
    descriptionRu: 'Сертификаты технической поддержки и обращения в поддержку.',
    descriptionEn: 'Support certificates and support tickets.',
  },
  {
    slug: 'training',
    nameRu: 'Обучение',
    nameEn: 'Training',
    descriptionRu: 'Прогресс обучения, уроки и тесты.',
    descriptionEn: 'Training progress, lessons and tests.',
  },
];
