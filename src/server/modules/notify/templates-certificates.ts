import type { Locale } from '../../../shared/errors.js';
import { layout, plainText, type RenderedMail } from './mail-layout.js';

/** Emails about support certificates. */
export const CERTIFICATE_MAIL_TEMPLATES = {
  /** A registered certificate ends soon (once per certificate, `helpdesk.certificate-expiry`). */
  certificate_expiring(
    data: {
      displayName: string;
      organizationName: string;
      serial: string;
      product: string;
      /** The last valid day, already formatted for the locale. */
      validTo: string;
      daysLeft: number;
      certificatesUrl: string;
    },
    locale: Locale,
  ): RenderedMail {
    const ru = locale === 'ru';
    const action = {
      label: ru ? 'Мои сертификаты' : 'My certificates',
      url: data.certificatesUrl,
    };
    const paragraphs = ru
      ? [
          `Здравствуйте, ${data.displayName}!`,
          `Сертификат технической поддержки ${data.serial} («${data.product}») действует до ${data.validTo} включительно — осталось дней: ${data.daysLeft}.`,
          `Чтобы обращения и дальше шли с вашим уровнем поддержки, продлите сертификат у «${data.organizationName}» и зарегистрируйте новый в личном кабинете.`,
        ]
      : [
          `Hello, ${data.displayName}!`,
          `Support certificate ${data.serial} ("${data.product}") is valid until ${data.validTo} inclusive — days left: ${data.daysLeft}.`,
          `To keep your support level for tickets, renew the certificate with "${data.organizationName}" and register the new one in your portal.`,
        ];
    return {
      subject: ru
        ? `Сертификат ${data.serial} скоро закончится`
        : `Certificate ${data.serial} expires soon`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },
} as const;
