/** Why an account cannot sign in; every code has ru/en text and what the person can do. */
export const BLOCK_REASONS = {
  access_period_ended: {
    ru: {
      title: 'Срок доступа закончился',
      advice: 'Продлите доступ: оплатите следующий период или обратитесь в организацию.',
    },
    en: {
      title: 'Your access period has ended',
      advice: 'Extend your access: pay for the next period or contact the organization.',
    },
  },
  employer_access_ended: {
    ru: {
      title: 'Доступ, предоставленный работодателем, закончился',
      advice: 'Обратитесь к работодателю или в организацию, чтобы продлить доступ.',
    },
    en: {
      title: 'The access granted by your employer has ended',
      advice: 'Ask your employer or the organization to extend your access.',
    },
  },
  too_many_failed_attempts: {
    ru: {
      title: 'Слишком много неверных попыток входа',
      advice:
        'Подождите до указанного времени или восстановите пароль — это снимет блокировку сразу.',
    },
    en: {
      title: 'Too many wrong sign-in attempts',
      advice: 'Wait until the time shown, or reset your password — that lifts the lock at once.',
    },
  },
  inactive_too_long: {
    ru: {
      title: 'Вы давно не входили в личный кабинет',
      advice: 'Обратитесь в поддержку организации, чтобы снова открыть доступ.',
    },
    en: {
      title: 'You have not signed in for a long time',
      advice: "Contact the organization's support to reopen your access.",
    },
  },
  suspicious_activity: {
    ru: {
      title: 'Вход приостановлен из-за подозрительной активности',
      advice: 'Обратитесь в поддержку: мы проверим и восстановим доступ.',
    },
    en: {
      title: 'Sign-in is paused because of suspicious activity',
      advice: 'Contact support: we will check and restore your access.',
    },
  },
  policy_violation: {
    ru: {
      title: 'Доступ закрыт из-за нарушения правил',
      advice: 'Обратитесь в поддержку, чтобы узнать подробности.',
    },
    en: {
      title: 'Access is closed for a breach of the rules',
      advice: 'Contact support for details.',
    },
  },
  staff_decision: {
    ru: {
      title: 'Доступ закрыт сотрудником организации',
      advice: 'Обратитесь в поддержку организации.',
    },
    en: {
      title: 'Access was closed by the organization',
      advice: "Contact the organization's support.",
    },
  },
  access_not_opened: {
    ru: {
      title: 'Организация ещё не открыла вам доступ',
      advice: 'Попросите организацию открыть доступ к личному кабинету — вам придёт приглашение.',
    },
    en: {
      title: 'The organization has not opened your access yet',
      advice: 'Ask the organization to open your access — you will receive an invitation.',
    },
  },
} as const;

export type BlockReasonCode = keyof typeof BLOCK_REASONS;
export const BLOCK_REASON_CODES = Object.keys(BLOCK_REASONS) as [
  BlockReasonCode,
  ...BlockReasonCode[],
];
