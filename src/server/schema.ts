/** Every table, for Drizzle's relational queries and for drizzle-kit's migration generator. */
export * from './infra/secrets.schema.js';
export * from './infra/captcha.schema.js';
export * from './modules/orgs/orgs.schema.js';
export * from './modules/access/access.schema.js';
export * from './modules/notify/notify.schema.js';
export * from './modules/recovery/recovery.schema.js';
export * from './modules/notify/sms/sms.schema.js';
export * from './modules/calendar/calendar.schema.js';
export * from './modules/helpdesk/helpdesk.schema.js';
export * from './modules/kb/kb.schema.js';
export * from './modules/classes/classes.schema.js';
export * from './modules/billing/billing.schema.js';
export * from './modules/payments/payments.schema.js';
export * from './modules/payments/providers/sandbox/sandbox.schema.js';
export * from './modules/notify/push/push.schema.js';
export * from './modules/training/training.schema.js';
