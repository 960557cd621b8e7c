import type { ChangeFeed, ChangeListener } from './change-feed.js';

// Remembered invalidations, for telling a read that raced one; past this many, all reads in
// flight are refused instead (rare: it takes this many distinct tags between two reads).
const MAX_REMEMBERED_TAGS = 10_000;

interface Entry<V> {
  value: V;
  tags: readonly string[];
  expiresAt: number;
}

/** Taken before a read from the database; `store` refuses the result if it may be stale. */
export interface ReadTicket {
  readonly epoch: number;
  readonly usable: boolean;
}

export interface ReadCacheOptions {
  /** Entries kept at most; the least recently stored goes first. */
  maxEntries: number;
  /** Longest an entry lives, for what changes with the clock rather than with the data. */
  ttlMs: number;
}

/**
 * Results of one kind of read kept in this process, each under the tags of the rows it was read
 * from, and dropped when the change feed announces a change to any of them (ADR 0010). Only
 * answers while the feed is usable, and never stores a result whose read overlapped a change
 * to its tags: such a read may have seen the rows before the change.
 */
export class ReadCache<V> implements ChangeListener {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #keysByTag = new Map<string, Set<string>>();
  readonly #invalidatedAt = new Map<string, number>();
  #epoch = 0;
  #floor = 0;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: ReadCacheOptions,
  ) {
    this.#unsubscribe = feed.subscribe(this);
  }

  get size() {
    return this.#entries.size;
  }

  get(key: string, now = Date.now()): V | undefined {
    if (!this.feed.usable) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.#delete(key, entry);
    return undefined;
  }

  ticket(): ReadTicket {
    return { epoch: this.#epoch, usable: this.feed.usable };
  }

  /** Keeps `value`, read after `ticket` was taken, unless a change to `tags` may have raced it. */
  store(ticket: ReadTicket, key: string, value: V, tags: readonly string[], now = Date.now()) {
    if (!ticket.usable || !this.feed.usable || ticket.epoch < this.#floor) return false;
    if (tags.some((tag) => (this.#invalidatedAt.get(tag) ?? -1) >= ticket.epoch)) return false;
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    this.#entries.set(key, { value, tags, expiresAt: now + this.options.ttlMs });
    for (const tag of tags) {
      let keys = this.#keysByTag.get(tag);
      if (!keys) this.#keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    if (this.#entries.size > this.options.maxEntries) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, Entry<V>];
      this.#delete(oldestKey, oldest);
    }
    return true;
  }

  changed(tag: string) {
    this.#invalidatedAt.set(tag, this.#epoch++);
    if (this.#invalidatedAt.size > MAX_REMEMBERED_TAGS) {
      this.#invalidatedAt.clear();
      this.#floor = this.#epoch;
    }
    const keys = this.#keysByTag.get(tag);
    if (!keys) return;
    for (const key of keys) {
      const entry = this.#entries.get(key);
      if (entry) this.#delete(key, entry);
    }
  }

  reset() {
    this.#entries.clear();
    this.#keysByTag.clear();
    this.#invalidatedAt.clear();
    this.#floor = ++this.#epoch;
  }

  close() {
    this.#unsubscribe();
    this.reset();
  }

  #delete(key: string, entry: Entry<V>) {
    this.#entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.#keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#keysByTag.delete(tag);
    }
  }
}

/**
 * A getter of one `ReadCache` per change feed, made on first use: a process has one database,
 * tests open many, and a cache must hear the feed of the database it reads.
 */
export function cachePerFeed<V>(options: ReadCacheOptions): (feed: ChangeFeed) => ReadCache<V> {
  const caches = new WeakMap<ChangeFeed, ReadCache<V>>();
  return (feed) => {
    let cache = caches.get(feed);
    if (!cache) {
      cache = new ReadCache<V>(feed, options);
      caches.set(feed, cache);
    }
    return cache;
  };
}
