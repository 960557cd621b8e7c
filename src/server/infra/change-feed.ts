import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The channel the notify triggers announce on (migrations/…_change_feed.sql). */
export const CHANGES_CHANNEL = 'kabinet_changes';

const RECONNECT_MS = 1000;
// Command tags of statements that may have changed rows another process caches.
const WRITING_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY']);

/** What a read cache hears from the feed. */
export interface ChangeListener {
  /** A committed change to rows carrying `tag`. */
  changed(tag: string): void;
  /** Changes may have been missed (the feed was down): forget everything. */
  reset(): void;
}

/**
 * Committed changes, as the tags the notify triggers announce (`student:<id>`, `user:<id>`…),
 * for the read caches of this process (ADR 0010). A cache may answer from memory only while
 * `usable`: the feed is connected, so no change goes unheard, and every write this process
 * made has been heard back, so a person always reads their own change.
 */
export interface ChangeFeed {
  readonly usable: boolean;
  subscribe(listener: ChangeListener): () => void;
  /** Starts listening; `log` hears when the feed is lost and when it is back. */
  start(log?: FeedLog): Promise<void>;
  close(): Promise<void>;
}

/** The part of the process logger the feed uses. */
export interface FeedLog {
  warn(message: string): void;
  info(message: string): void;
}

abstract class BaseChangeFeed implements ChangeFeed {
  readonly #listeners = new Set<ChangeListener>();
  protected connected = false;

  abstract get usable(): boolean;
  abstract start(log?: FeedLog): Promise<void>;
  abstract close(): Promise<void>;

  subscribe(listener: ChangeListener) {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  protected announce(tag: string) {
    for (const listener of this.#listeners) listener.changed(tag);
  }

  protected resetListeners() {
    for (const listener of this.#listeners) listener.reset();
  }
}

/**
 * PGlite runs in this process and hands a notification to its listener before the statement
 * that caused it returns, so every change is heard before anyone can read after it.
 */
export class PgliteChangeFeed extends BaseChangeFeed {
  #unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly client: PGlite) {
    super();
  }

  get usable() {
    return this.connected;
  }

  async start() {
    if (this.#unlisten) return;
    this.#unlisten = await this.client.listen(CHANGES_CHANNEL, (tag) => {
      this.announce(tag);
    });
    this.connected = true;
  }

  async close() {
    this.connected = false;
    this.resetListeners();
    const unlisten = this.#unlisten;
    this.#unlisten = null;
    if (unlisten && !this.client.closed) await unlisten();
  }
}

/**
 * PostgreSQL delivers notifications on a connection of their own, so one can arrive after the
 * writer's next read. Each write this process makes (seen by `TrackingClient`) therefore
 * fences the caches until a barrier notification sent after it comes back on the listening
 * connection: notifications arrive in commit order, so by then the write's own have too.
 */
export class PostgresChangeFeed extends BaseChangeFeed {
  readonly #instance = randomUUID();
  #listener: pg.Client | null = null;
  #closed = false;
  #reconnect: NodeJS.Timeout | null = null;
  #writes = 0;
  #heardBack = 0;
  #barrierInFlight = false;
  #log: FeedLog | undefined;
  #lostSince: number | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly sendBarrier: (payload: string) => Promise<unknown>,
  ) {
    super();
  }

  get usable() {
    return this.connected && this.#heardBack === this.#writes;
  }

  /** A write of this process committed (`TrackingClient`): the caches wait to hear it back. */
  committedWrite() {
    this.#writes++;
    this.#requestBarrier();
  }

  async start(log?: FeedLog) {
    this.#log ??= log;
    if (this.#listener || this.#closed) return;
    const listener = new pg.Client({ connectionString: this.connectionString });
    this.#listener = listener;
    listener.on('notification', (message) => {
      this.#heard(message.payload ?? '');
    });
    listener.on('error', () => {
      this.#lost(listener);
    });
    listener.on('end', () => {
      this.#lost(listener);
    });
    try {
      await listener.connect();
      await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.#lost(listener);
      throw error;
    }
    // Whatever was cached before may have missed changes made while nobody listened.
    this.resetListeners();
    this.connected = true;
    if (this.#lostSince !== null) {
      this.#log?.info(`change feed back after ${String(Date.now() - this.#lostSince)} ms`);
      this.#lostSince = null;
    }
    // Nothing is served from memory before one notification has made the round trip: behind a
    // pooler that accepts LISTEN but never delivers (PgBouncer in transaction mode), nothing is.
    this.#writes++;
    this.#requestBarrier();
  }

  async close() {
    this.#closed = true;
    if (this.#reconnect) clearTimeout(this.#reconnect);
    const listener = this.#listener;
    this.#listener = null;
    this.connected = false;
    this.resetListeners();
    await listener?.end().catch(() => undefined);
  }

  #heard(payload: string) {
    if (!payload.startsWith('barrier:')) {
      this.announce(payload);
      return;
    }
    const [, instance, count] = payload.split(':');
    if (instance !== this.#instance) return;
    this.#barrierInFlight = false;
    this.#heardBack = Math.max(this.#heardBack, Number(count));
    this.#requestBarrier();
  }

  #requestBarrier() {
    if (this.#barrierInFlight || !this.connected || this.#heardBack === this.#writes) return;
    this.#barrierInFlight = true;
    this.sendBarrier(`barrier:${this.#instance}:${this.#writes}`).catch(() => {
      // The pool is failing too; try again once something else is written or it reconnects.
      this.#barrierInFlight = false;
    });
  }

  #lost(listener: pg.Client) {
    if (this.#listener !== listener) return;
    const wasConnected = this.connected;
    this.#listener = null;
    this.connected = false;
    this.#barrierInFlight = false;
    this.resetListeners();
    listener.end().catch(() => undefined);
    if (this.#closed) return;
    // Once per outage, not at every attempt to reconnect (a failed first start is logged by
    // whoever started it).
    if (this.#lostSince === null) {
      this.#lostSince = Date.now();
      if (wasConnected) this.#log?.warn('change feed lost: reads are not cached until it is back');
    }
    this.#reconnect = setTimeout(() => {
      this.#reconnect = null;
      this.start().catch(() => undefined);
    }, RECONNECT_MS);
    this.#reconnect.unref();
  }
}

function writesRows(result: unknown): boolean {
  if (Array.isArray(result)) return result.some(writesRows);
  const command = (result as { command?: unknown } | null)?.command;
  return typeof command === 'string' && WRITING_COMMANDS.has(command);
}

// Taken once, and called with the client as `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const clientQuery = pg.Client.prototype.query;

/**
 * A `pg.Client` that calls `onCommittedWrite` when a write has committed: a writing statement
 * outside a transaction, or the end of a transaction that wrote. It runs before the statement's
 * caller sees the result. A barrier sent for each write inside a transaction would only cost
 * round trips: nobody else can see those rows before the commit.
 */
export function trackingClient(onCommittedWrite: () => void): typeof pg.Client {
  return class TrackingClient extends pg.Client {
    #wroteInTransaction = false;

    // pg's overloads cannot be restated one by one; the arguments pass through untouched.
    override query(...args: unknown[]): never {
      const callback = args.at(-1);
      // The pool queries its clients with a callback; drizzle's transactions with promises.
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          this.#settled(error ? undefined : result);
          Reflect.apply(callback, undefined, [error, result]);
        };
      }
      const pending: unknown = Reflect.apply(clientQuery, this, args);
      if (pending instanceof Promise) {
        pending.then(
          (result: unknown) => {
            this.#settled(result);
          },
          () => {
            this.#settled(undefined);
          },
        );
      }
      return pending as never;
    }

    #settled(result: unknown) {
      if (writesRows(result)) this.#wroteInTransaction = true;
      // 'I': idle, outside any transaction; whatever was written has committed (or rolled back).
      if (this.getTransactionStatus() !== 'I') return;
      if (this.#wroteInTransaction) onCommittedWrite();
      this.#wroteInTransaction = false;
    }
  };
}
