import { ACCESS_MAIL_TEMPLATES } from './templates-access.js';
import { CERTIFICATE_MAIL_TEMPLATES } from './templates-certificates.js';
import { HELPDESK_MAIL_TEMPLATES } from './templates-helpdesk.js';
import { RECOVERY_MAIL_TEMPLATES } from './templates-recovery.js';
import { PAYMENT_MAIL_TEMPLATES } from './templates-payments.js';
import { NOTIFICATION_MAIL_TEMPLATES } from './templates-notifications.js';

export type { RenderedMail } from './mail-layout.js';

/** Every email Kabinet sends, in Russian and English, each as HTML and plain text. */
export const MAIL_TEMPLATES = {
  ...ACCESS_MAIL_TEMPLATES,
  ...RECOVERY_MAIL_TEMPLATES,
  ...HELPDESK_MAIL_TEMPLATES,
  ...CERTIFICATE_MAIL_TEMPLATES,
  ...PAYMENT_MAIL_TEMPLATES,
  ...NOTIFICATION_MAIL_TEMPLATES,
} as const;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
export type MailTemplateData<Name extends MailTemplateName> = Parameters<
  (typeof MAIL_TEMPLATES)[Name]
>[0];
