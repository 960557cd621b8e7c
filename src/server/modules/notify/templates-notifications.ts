/** Emails that stand in for push notifications (subscription ending, new debt…). */
export const NOTIFICATION_MAIL_TEMPLATES = {} as const;
