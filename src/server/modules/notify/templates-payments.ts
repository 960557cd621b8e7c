/** Payment emails: the receipt, a course's access email after payment. */
export const PAYMENT_MAIL_TEMPLATES = {} as const;
