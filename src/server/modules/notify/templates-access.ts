import type { Locale } from '../../../shared/errors.js';
import { layout, plainText, type RenderedMail } from './mail-layout.js';

/** Emails of the access module: welcome, invitations, access periods, passwords, contacts. */
export const ACCESS_MAIL_TEMPLATES = {
  /** To the owner right after the first-administrator setup. */
  welcome_owner(
    data: { displayName: string; organizationName: string; consoleUrl: string },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Открыть консоль' : 'Open the console',
      url: data.consoleUrl,
    };
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `Вы — владелец личного кабинета «${data.organizationName}». В консоли сотрудников можно открыть доступ клиентам, вести обращения и расписание.`,
          ]
        : [
            `Hello, ${data.displayName}!`,
            `You are the owner of the "${data.organizationName}" customer portal. The staff console lets you open access for customers, handle tickets and run the schedule.`,
          ];
    return {
      subject:
        locale === 'ru'
          ? `Личный кабинет «${data.organizationName}» готов к работе`
          : `Your "${data.organizationName}" portal is ready`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** Staff opened cabinet access: a single-use link to set one's own password (never a password). */
  invitation(
    data: {
      displayName: string;
      organizationName: string;
      activationUrl: string;
      /** The login to use later: email, phone or personal code. */
      login: string;
      /** When the link stops working, already formatted for the locale. */
      expiresOn: string;
    },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Задать пароль' : 'Set your password',
      url: data.activationUrl,
    };
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `«${data.organizationName}» открыл вам доступ к личному кабинету. Чтобы войти, задайте свой пароль по ссылке ниже.`,
            `До ${data.expiresOn} ссылка сработает один раз. Ваш логин: ${data.login}.`,
            'Если вы не ждали этого письма, просто не открывайте ссылку.',
          ]
        : [
            `Hello, ${data.displayName}!`,
            `"${data.organizationName}" has opened your access to the customer portal. To sign in, set your own password using the link below.`,
            `Until ${data.expiresOn}, the link works once. Your login: ${data.login}.`,
            'If you did not expect this email, simply do not open the link.',
          ];
    return {
      subject:
        locale === 'ru'
          ? `Доступ к личному кабинету «${data.organizationName}»`
          : `Your access to the "${data.organizationName}" portal`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** The access period ends soon (sent once per period by `access.warn-access-ending`). */
  access_ending(
    data: {
      displayName: string;
      organizationName: string;
      /** When access ends, already formatted for the locale. */
      endsOn: string;
      cabinetUrl: string;
      supportEmail: string | null;
      supportPhone: string | null;
    },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Открыть личный кабинет' : 'Open the portal',
      url: data.cabinetUrl,
    };
    const contacts = [data.supportEmail, data.supportPhone].filter(Boolean).join(', ');
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `${data.endsOn} заканчивается ваш доступ к личному кабинету «${data.organizationName}». После этого войти в кабинет будет нельзя.`,
            'Чтобы продлить доступ, оплатите следующий период или обратитесь в организацию.',
            ...(contacts ? [`Поддержка: ${contacts}.`] : []),
          ]
        : [
            `Hello, ${data.displayName}!`,
            `Your access to the "${data.organizationName}" portal ends on ${data.endsOn}. After that you will not be able to sign in.`,
            'To extend it, pay for the next period or contact the organization.',
            ...(contacts ? [`Support: ${contacts}.`] : []),
          ];
    return {
      subject:
        locale === 'ru'
          ? `Доступ к личному кабинету заканчивается ${data.endsOn}`
          : `Your portal access ends on ${data.endsOn}`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** A password-reset link (the person asked for it by email). */
  password_reset(
    data: { displayName: string; organizationName: string; resetUrl: string; minutes: number },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Задать новый пароль' : 'Set a new password',
      url: data.resetUrl,
    };
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `Кто-то (надеемся, вы) попросил сменить пароль в личном кабинете «${data.organizationName}».`,
            `Ссылка одноразовая и действует ${data.minutes} мин. После смены пароля войдите заново на всех устройствах.`,
            'Если вы не просили сменить пароль, ничего не делайте: пароль останется прежним.',
          ]
        : [
            `Hello, ${data.displayName}!`,
            `Someone (hopefully you) asked to reset the password of your "${data.organizationName}" portal account.`,
            `The link works once, for ${data.minutes} minutes. After the change, sign in again on every device.`,
            'If you did not ask for this, do nothing: your password stays the same.',
          ];
    return {
      subject: locale === 'ru' ? 'Смена пароля в личном кабинете' : 'Reset your portal password',
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** A reset was asked for an address no account uses: say so, reveal nothing else. */
  password_reset_no_account(
    data: {
      organizationName: string;
      address: string;
      supportEmail: string | null;
      supportPhone: string | null;
    },
    locale: Locale,
  ): RenderedMail {
    const contacts = [data.supportEmail, data.supportPhone].filter(Boolean).join(', ');
    const paragraphs =
      locale === 'ru'
        ? [
            'Здравствуйте!',
            `Кто-то (возможно, вы) попросил сменить пароль в личном кабинете «${data.organizationName}» для адреса ${data.address}, но ни одна учётная запись этот адрес не использует.`,
            'Если вы клиент организации, попросите её открыть вам доступ к личному кабинету или проверьте, какой адрес вы ей сообщали.',
            ...(contacts ? [`Контакты организации: ${contacts}.`] : []),
            'Если вы ничего не запрашивали, просто удалите это письмо.',
          ]
        : [
            'Hello,',
            `Someone (perhaps you) asked to reset a "${data.organizationName}" portal password for ${data.address}, but no account uses this address.`,
            'If you are a customer of the organization, ask it to open portal access for you, or check which address you gave it.',
            ...(contacts ? [`The organization's contacts: ${contacts}.`] : []),
            'If you did not ask for anything, simply delete this email.',
          ];
    return {
      subject:
        locale === 'ru'
          ? 'Учётной записи с этим адресом нет'
          : 'No portal account uses this address',
      text: plainText(paragraphs),
      html: layout(locale, paragraphs),
    };
  },

  /** To the new address of an email change: confirm it belongs to the person. */
  email_change_confirm(
    data: { displayName: string; organizationName: string; confirmUrl: string; hours: number },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Подтвердить адрес' : 'Confirm this address',
      url: data.confirmUrl,
    };
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `Подтвердите, что этот адрес теперь ваш адрес для входа в личный кабинет «${data.organizationName}». Всё, что есть в кабинете, останется на месте.`,
            `Ссылка одноразовая и действует ${data.hours} ч. Если вы ничего не меняли, просто удалите письмо.`,
          ]
        : [
            `Hello, ${data.displayName}!`,
            `Please confirm this is now your sign-in address for the "${data.organizationName}" portal. Everything in your account stays as it is.`,
            `The link works once, for ${data.hours} hours. If you changed nothing, simply delete this email.`,
          ];
    return {
      subject: locale === 'ru' ? 'Подтвердите новый адрес' : 'Confirm your new email address',
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** To the old address of an email change: a notice, so a hijacked account is noticed. */
  email_change_notice(
    data: { displayName: string; organizationName: string; newAddress: string },
    locale: Locale,
  ): RenderedMail {
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `В личном кабинете «${data.organizationName}» попросили сменить адрес для входа на ${data.newAddress}. Адрес сменится, когда его подтвердят по ссылке из письма на новый адрес.`,
            'Если это были не вы, смените пароль и обратитесь в организацию.',
          ]
        : [
            `Hello, ${data.displayName}!`,
            `Someone asked to change the sign-in address of your "${data.organizationName}" portal account to ${data.newAddress}. It changes once confirmed from the email sent to the new address.`,
            'If this was not you, change your password and contact the organization.',
          ];
    return {
      subject: locale === 'ru' ? 'Смена адреса для входа' : 'Your sign-in address is being changed',
      text: plainText(paragraphs),
      html: layout(locale, paragraphs),
    };
  },

  /** Self-registration: confirm the address to open the new account. */
  registration_confirm(
    data: { displayName: string; organizationName: string; confirmUrl: string; hours: number },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Подтвердить адрес' : 'Confirm your address',
      url: data.confirmUrl,
    };
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `Чтобы завершить регистрацию в личном кабинете «${data.organizationName}», подтвердите адрес по ссылке ниже.`,
            `Ссылка одноразовая и действует ${data.hours} ч. Если вы не регистрировались, просто удалите письмо.`,
          ]
        : [
            `Hello, ${data.displayName}!`,
            `To finish registering with the "${data.organizationName}" portal, confirm your address with the link below.`,
            `The link works once, for ${data.hours} hours. If you did not register, simply delete this email.`,
          ];
    return {
      subject: locale === 'ru' ? 'Подтвердите регистрацию' : 'Confirm your registration',
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** Self-registration with an address that already has an account: sign in or reset instead. */
  registration_exists(
    data: { displayName: string; organizationName: string; resetUrl: string },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Восстановить пароль' : 'Reset your password',
      url: data.resetUrl,
    };
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `Кто-то (возможно, вы) попытался зарегистрироваться в личном кабинете «${data.organizationName}» с этим адресом, но у вас уже есть учётная запись. Новая не создана.`,
            'Войдите со своим паролем, а если забыли его — восстановите по ссылке ниже.',
          ]
        : [
            `Hello, ${data.displayName}!`,
            `Someone (perhaps you) tried to register with the "${data.organizationName}" portal using this address, but you already have an account. No new one was created.`,
            'Sign in with your password, or reset it with the link below if you forgot it.',
          ];
    return {
      subject: locale === 'ru' ? 'У вас уже есть учётная запись' : 'You already have an account',
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },
} as const;
