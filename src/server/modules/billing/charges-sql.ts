import { sql, type SQL } from 'drizzle-orm';

/** SQL fragments shared by the charging repositories. */

/** An instant as ISO text in UTC: both database drivers then answer the same string. */
export const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `a::uuid, b::uuid, …` for an `in (…)` list. */
export const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
