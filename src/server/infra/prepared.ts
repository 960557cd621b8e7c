import { createHash } from 'node:crypto';
import { sql, type Placeholder, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db.js';

/** The named placeholders a statement's builder receives, one per parameter. */
export type Placeholders<TParams> = { readonly [K in keyof TParams & string]: Placeholder<K> };

/** Values a SQL fragment takes either bound now or as placeholders of a prepared statement. */
export type Bindable<T> = { readonly [K in keyof T]: T[K] | Placeholder };

/** A statement rendered once and run as a named prepared statement with fresh parameters. */
export interface PreparedStatement<TRow, TParams> {
  rows(db: DbOrTx, params: TParams): Promise<TRow[]>;
}

// The same rendering `db.execute` uses: neither driver is configured with a casing option.
const dialect = new PgDialect();

/**
 * A hot read defined once, for the requests every page makes. Two costs go away:
 * - rendering: `build` runs once, with placeholders, instead of assembling the SQL tree and
 *   its text on every request (a third of a millisecond for the cabinet home);
 * - planning: on PostgreSQL each pooled connection parses and plans the text once, then only
 *   binds and executes it (the cabinet home plans in 1.5 ms and runs in 0.5 ms).
 * PGlite runs the same text unnamed. The name carries a hash of the text, so two statements
 * can never clash on a connection.
 */
export function preparedStatement<TRow, TParams extends object>(
  name: string,
  build: (params: Placeholders<TParams>) => SQL,
): PreparedStatement<TRow, TParams> {
  let rendered: { query: Query; statement: string } | undefined;
  const render = () => {
    const query = dialect.sqlToQuery(build(placeholders as Placeholders<TParams>));
    return { query, statement: statementName(name, query.sql) };
  };
  return {
    async rows(db, params) {
      rendered ??= render();
      const result: unknown = await db._.session
        .prepareQuery(rendered.query, undefined, rendered.statement, false)
        .execute(params as Record<string, unknown>);
      return (result as { rows: TRow[] }).rows;
    },
  };
}

const placeholders: Record<string, Placeholder> = new Proxy(
  {},
  { get: (_target, key) => (typeof key === 'string' ? sql.placeholder(key) : undefined) },
);

/**
 * Ids as ONE array parameter, for `column = any(…)`: the text is the same whatever their count,
 * so the statement can be prepared once (PostgreSQL plans `= any(array)` exactly like the
 * `in (…)` list it turns one into).
 */
export const uuidArray = (ids: readonly string[]): SQL => sql`${sql.param([...ids])}::uuid[]`;

/** A statement name unique to `text`, within PostgreSQL's 63 bytes. */
export function statementName(name: string, text: string): string {
  const digest = createHash('sha256').update(text).digest('base64url').slice(0, 16);
  return `${name.slice(0, 40)}_${digest}`;
}

/**
 * `rowsOf` for raw SQL built per request, as a named prepared statement per shape of its text
 * (see `executePrepared`): for statements whose values are all parameters.
 */
export async function preparedRowsOf<TRow>(db: DbOrTx, name: string, query: SQL): Promise<TRow[]> {
  const rendered = dialect.sqlToQuery(query);
  const result: unknown = await db._.session
    .prepareQuery(rendered, undefined, statementName(name, rendered.sql), false)
    .execute();
  return (result as { rows: TRow[] }).rows;
}

/** A drizzle query builder that can be run as a named prepared statement. */
interface PreparableQuery<TResult> {
  prepare(name: string): { execute(): Promise<TResult> };
}

/** What drizzle's node-postgres prepared query holds: the text, and the configs sent to `pg`. */
interface NodePgPrepared {
  queryString?: unknown;
  rawQueryConfig?: { name?: string };
  queryConfig?: { name?: string };
}

/**
 * Runs a query built per request (filters, sorts) as a named prepared statement, one per shape
 * of its text: PostgreSQL plans each shape once per connection. Only for queries whose shapes
 * are few (a fixed set of filters and sorts, never values spliced into the text).
 *
 * The name is known only once the text is rendered, and rendering twice costs a sizeable share
 * of a request, so the statement drizzle prepares is renamed after its text. PGlite ignores
 * names. Should drizzle's internals move, every shape would share `name` and PostgreSQL would
 * refuse the second one at once (test/integration/prepared-statements.int.test.ts).
 */
export function executePrepared<TResult>(
  query: PreparableQuery<TResult>,
  name: string,
): Promise<TResult> {
  const prepared = query.prepare(name);
  const { queryString, rawQueryConfig, queryConfig } = prepared as NodePgPrepared;
  if (typeof queryString === 'string' && rawQueryConfig && queryConfig) {
    rawQueryConfig.name = queryConfig.name = statementName(name, queryString);
  }
  return prepared.execute();
}
