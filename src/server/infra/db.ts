import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import * as schema from '../schema.js';
import {
  CHANGES_CHANNEL,
  PgliteChangeFeed,
  PostgresChangeFeed,
  trackingClient,
  type ChangeFeed,
} from './change-feed.js';
import type { DatabaseConfig } from './config.js';

/** The Drizzle database, the same type for PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; services accept `Db | Tx` through `DbOrTx`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Runs raw SQL and returns its rows, typed by the caller (both drivers answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Runs one SQL text with positional parameters — the contract pg-boss expects of `db`. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Database {
  driver: DatabaseConfig['driver'];
  db: Db;
  /** Raw executor for pg-boss and health checks. */
  executor: SqlExecutor;
  /** Committed changes for this process's read caches; started by `openRuntime`. */
  changes: ChangeFeed;
  migrate(): Promise<void>;
  /**
   * Runs `work` while holding an advisory lock on the database, so instances starting together
   * take turns (PGlite has one process and runs it directly). `work` may use the pool freely:
   * the lock is held on a connection of its own.
   */
  withStartupLock<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Extensions every embedded database loads (PGlite links them per instance; the migration
 * still runs `create extension`). pg_trgm: typo-tolerant knowledge-base search; btree_gin: the
 * organization inside the knowledge base's GIN index.
 */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gin };
export { pg_trgm };

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

// Arbitrary but fixed: every Kabinet instance contends for the same advisory locks.
const MIGRATION_LOCK_KEY = 727_001;
const STARTUP_LOCK_KEY = 727_002;

/** Opens the configured database (PGlite folder or PostgreSQL pool). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.driver === 'pglite'
    ? openPglite(await PGlite.create(config.dataDir, { extensions: PGLITE_EXTENSIONS }))
    : openPostgres(config.url, config.poolSize);
}

/** Wraps an already open PGlite instance (tests load one from a migrated dump). */
export function openPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const changes = new PgliteChangeFeed(client);
  return {
    driver: 'pglite',
    db,
    changes,
    executor: {
      async executeSql(text, values) {
        // pg-boss sends multi-statement scripts (BEGIN; …; COMMIT) without parameters;
        // PGlite's extended protocol takes one statement, so those go through exec().
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await client.query(text, values);
        return { rows: result.rows as Record<string, unknown>[] };
      },
    },
    async migrate() {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_DIR });
    },
    withStartupLock: (work) => work(),
    async close() {
      await changes.close();
      if (!client.closed) await client.close();
    },
  };
}

/**
 * Settings of the pool's sessions, sent with each connection's start-up (no round trip): no JIT
 * compilation and no parallel workers. Kabinet's statements are short, index-bounded reads and
 * writes; for them both only add time. At 1M students the planner over-estimated the 20
 * students' later visits that marking reads, JIT-compiled that read (60 ms) and forked two
 * workers for it: marking's p99 went from 133 ms to 50 ms without them (ADR 0011). Options given
 * in the URL come after these, so an operator can turn either back on.
 */
const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/** The pool's connection settings: the URL's, with `SESSION_OPTIONS` ahead of its own options. */
function withSessionOptions(url: string): pg.ClientConfig {
  const config = parseIntoClientConfig(url);
  return {
    ...config,
    options: config.options ? `${SESSION_OPTIONS} ${config.options}` : SESSION_OPTIONS,
  };
}

function openPostgres(url: string, poolSize: number): Database {
  const changes = new PostgresChangeFeed(url, (payload) =>
    pool.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, payload]),
  );
  const pool = new pg.Pool({
    ...withSessionOptions(url),
    max: poolSize,
    Client: trackingClient(() => {
      changes.committedWrite();
    }),
  });
  // An idle client that loses its server connection must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    driver: 'postgres',
    db,
    changes,
    executor: {
      async executeSql(text, values) {
        const result = await pool.query(text, values);
        // A multi-statement text returns one result per statement.
        const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult) : result;
        return { rows: last.rows as Record<string, unknown>[] };
      },
    },
    async migrate() {
      // One connection holds a session-level advisory lock while it migrates, so N
      // instances starting together apply each migration exactly once.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {
          // The connection is going away; the lock goes with it.
        });
        client.release();
      }
    },
    async withStartupLock(work) {
      // A client outside the pool: holding a pooled one could starve `work` of connections.
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await work();
      } finally {
        // Ending the connection releases the session lock.
        await client.end().catch(() => undefined);
      }
    },
    async close() {
      await changes.close();
      await pool.end();
    },
  };
}

/** Drizzle drops `undefined` params and some drivers do not serialize plain objects. */
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !Array.isArray(value)
  ) {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * Adapts a Drizzle transaction to pg-boss's `db` option, so a job is inserted in the
 * same transaction as the change that causes it. `$n` placeholders become Drizzle params.
 */
export function executorForTransaction(tx: DbOrTx): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      let last = 0;
      for (const match of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, match.index)));
        chunks.push(sql`${toParam(values[Number(match[1]) - 1])}`);
        last = match.index + match[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      const result = await tx.execute(sql.join(chunks));
      return { rows: (result as { rows: Record<string, unknown>[] }).rows };
    },
  };
}
