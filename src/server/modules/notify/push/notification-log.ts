import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Notification } from '../../../../shared/contracts/notifications.js';
import { AppError } from '../../../infra/app-error.js';
import type { AppContext } from '../../../infra/context.js';
import { notificationDeliveries, notifications } from './push.schema.js';

interface LogCursor {
  createdAt: string;
  id: string;
}

const encodeCursor = (cursor: LogCursor) =>
  Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');

function decodeCursor(value: string): LogCursor {
  const [createdAt = '', id = ''] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const valid =
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(createdAt) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  if (!valid)
    throw new AppError('validation_failed', [{ path: ['before'], code: 'invalid_cursor' }]);
  return { createdAt, id };
}

/**
 * One page of a person's notifications, newest first, each with its delivery attempts. Keyset
 * pagination on (user_id, created_at, id) through `notifications_user_created`; times travel as
 * text with microseconds, as in the email outbox. `withErrors` is for staff: the person's own
 * log does not show what a push service answered.
 */
export async function listNotificationLog(
  ctx: AppContext,
  person: { organizationId: string; userId: string },
  options: { before?: string | undefined; limit: number; withErrors: boolean },
): Promise<{ notifications: Notification[]; nextBefore: string | null }> {
  const after = options.before ? decodeCursor(options.before) : null;
  const rows = await ctx.db
    .select({
      ...getTableColumns(notifications),
      cursorTime: sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, person.userId),
        eq(notifications.organizationId, person.organizationId),
        after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  const deliveries =
    rows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(notificationDeliveries)
          .where(
            inArray(
              notificationDeliveries.notificationId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(notificationDeliveries.createdAt));
  const last = rows.at(-1);
  return {
    notifications: rows.map((row) => ({
      id: row.id,
      type: row.type,
      title: row.title,
      body: row.body,
      url: row.url,
      urgent: row.urgent,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      deliverAfter: row.deliverAfter?.toISOString() ?? null,
      sentAt: row.sentAt?.toISOString() ?? null,
      deliveries: deliveries
        .filter((d) => d.notificationId === row.id)
        .map((d) => ({
          channel: d.channel,
          status: d.status,
          httpStatus: d.httpStatus,
          error: options.withErrors ? d.error : null,
          device: d.device,
          at: d.createdAt.toISOString(),
        })),
    })),
    nextBefore:
      rows.length === options.limit && last
        ? encodeCursor({ createdAt: last.cursorTime, id: last.id })
        : null,
  };
}
