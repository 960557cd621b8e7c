import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Instance-wide secrets generated on first start (cookie key, VAPID keys later).
 * Kept in the database so every instance behind a load balancer shares them;
 * in embedded mode the database lives in the data folder.
 */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
