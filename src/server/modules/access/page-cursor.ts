import { AppError } from '../../infra/app-error.js';

/** A keyset position: a creation time as text with microseconds, and the row id. */
export interface PageCursor {
  createdAt: string;
  id: string;
}

/** The opaque page cursor clients pass back. */
export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

/** Reads a cursor from `encodePageCursor`; `validation_failed` on `field` for anything else. */
export function decodePageCursor(value: string, field = 'cursor'): PageCursor {
  const [createdAt = '', id = ''] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const valid =
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(createdAt) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  if (!valid) throw new AppError('validation_failed', [{ path: [field], code: 'invalid_cursor' }]);
  return { createdAt, id };
}

/** The next page's cursor when this page was full, else null. */
export function nextPageCursor(
  rows: { cursorTime: string; id: string }[],
  limit: number,
): string | null {
  const last = rows.at(-1);
  return rows.length === limit && last
    ? encodePageCursor({ createdAt: last.cursorTime, id: last.id })
    : null;
}
