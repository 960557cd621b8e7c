import { describe, expect, it } from 'vitest';
import type { ChangeFeed, ChangeListener } from './change-feed.js';
import { ReadCache } from './read-cache.js';

/** A feed driven by hand. */
class ManualFeed implements ChangeFeed {
  usable = true;
  readonly listeners = new Set<ChangeListener>();
  subscribe(listener: ChangeListener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  announce(tag: string) {
    for (const listener of this.listeners) listener.changed(tag);
  }
  lose() {
    this.usable = false;
    for (const listener of this.listeners) listener.reset();
  }
  start = () => Promise.resolve();
  close = () => Promise.resolve();
}

const setup = (options = { maxEntries: 10, ttlMs: 1000 }) => {
  const feed = new ManualFeed();
  return { feed, cache: new ReadCache<string>(feed, options) };
};

describe('ReadCache', () => {
  it('keeps a read until a change to one of its tags', () => {
    const { feed, cache } = setup();
    expect(cache.store(cache.ticket(), 'k', 'v1', ['student:1', 'group:7'])).toBe(true);
    feed.announce('student:2');
    expect(cache.get('k')).toBe('v1');
    feed.announce('group:7');
    expect(cache.get('k')).toBeUndefined();
  });

  it('refuses a read that overlapped a change to its tags, not one that overlapped others', () => {
    const { feed, cache } = setup();
    const ticket = cache.ticket();
    feed.announce('group:7');
    expect(cache.store(ticket, 'k', 'stale', ['student:1', 'group:7'])).toBe(false);
    expect(cache.store(ticket, 'other', 'fine', ['student:2'])).toBe(true);
    expect(cache.store(cache.ticket(), 'k', 'fresh', ['student:1', 'group:7'])).toBe(true);
    expect(cache.get('k')).toBe('fresh');
  });

  it('answers nothing and keeps nothing while the feed is not usable', () => {
    const { feed, cache } = setup();
    cache.store(cache.ticket(), 'k', 'v', ['a:1']);
    const ticket = cache.ticket();
    feed.lose();
    expect(cache.get('k')).toBeUndefined();
    feed.usable = true;
    // Cleared on the loss, and a read begun before it is not trusted either.
    expect(cache.get('k')).toBeUndefined();
    expect(cache.store(ticket, 'k', 'v', ['a:1'])).toBe(false);
    const unusable = { ...cache.ticket(), usable: false };
    expect(cache.store(unusable, 'k', 'v', ['a:1'])).toBe(false);
  });

  it('lets entries expire and drops the oldest beyond its size', () => {
    const { cache } = setup({ maxEntries: 2, ttlMs: 100 });
    cache.store(cache.ticket(), 'a', '1', ['t:a'], 0);
    cache.store(cache.ticket(), 'b', '2', ['t:b'], 50);
    expect(cache.get('a', 99)).toBe('1');
    expect(cache.get('a', 100)).toBeUndefined();
    cache.store(cache.ticket(), 'c', '3', ['t:c'], 60);
    cache.store(cache.ticket(), 'd', '4', ['t:d'], 60);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 60)).toBeUndefined();
    expect(cache.get('d', 60)).toBe('4');
  });

  it('forgets a replaced entry’s tags', () => {
    const { feed, cache } = setup();
    cache.store(cache.ticket(), 'k', 'v1', ['group:1']);
    cache.store(cache.ticket(), 'k', 'v2', ['group:2']);
    feed.announce('group:1');
    expect(cache.get('k')).toBe('v2');
  });
});
