import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import type { DbOrTx } from '../../infra/db.js';
import { organizations, students } from '../../schema.js';
import { localDay } from '../calendar/index.js';

/** Kinds of money writes; each namespaces the client's idempotency key of its own operation. */
export type MoneyOperation = 'sale' | 'payment' | 'refund' | 'correction' | 'cancel';

/**
 * The ledger's idempotency key for a client key: namespaced by the operation, so a key reused
 * for another kind of write never returns an unrelated entry.
 */
export function ledgerKey(operation: MoneyOperation, key: string): string {
  return `${operation}:${key}`;
}

/**
 * A row id derived from the organization, the operation and the client's key. A sale has no
 * idempotency column of its own (it may move no money at all), so the subscription's id is the
 * key: a retried sale finds the row the first attempt stored, and a concurrent duplicate hits
 * the primary key.
 */
export function idFromKey(organizationId: string, operation: MoneyOperation, key: string): string {
  const hex = createHash('sha256').update(`${organizationId}\n${operation}\n${key}`).digest('hex');
  // RFC 9562 version 8 (custom) with the variant bits set, so it is a well-formed uuid.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type MoneyStudent = typeof students.$inferSelect;

/** A student of the organization whose money may move; merged duplicates answer not_found. */
export async function getMoneyStudent(
  db: DbOrTx,
  organizationId: string,
  studentId: string,
): Promise<MoneyStudent> {
  const [row] = await db
    .select()
    .from(students)
    .where(
      and(
        eq(students.id, studentId),
        eq(students.organizationId, organizationId),
        isNull(students.mergedIntoId),
      ),
    );
  if (!row) throw new AppError('not_found');
  return row;
}

/** The organization's time zone (dates of lessons and subscriptions are local to it). */
export async function organizationTimeZone(db: DbOrTx, organizationId: string): Promise<string> {
  const [row] = await db
    .select({ timezone: organizations.timezone })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.timezone ?? 'Europe/Moscow';
}

/** Today in the organization's time zone, `YYYY-MM-DD`. */
export async function organizationToday(
  db: DbOrTx,
  organizationId: string,
  now: Date,
): Promise<string> {
  return localDay(now, await organizationTimeZone(db, organizationId));
}

/** The local date of an instant in a time zone (re-exported for billing's files). */
export const localDayOf = localDay;

/** `day` plus `days` calendar days (`YYYY-MM-DD`, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` counting both ends (`2026-01-01`…`2026-01-03` → 3). */
export function daysInclusive(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}
