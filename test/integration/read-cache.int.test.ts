import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DashboardResponse } from '../../src/shared/contracts/cabinet.js';
import { openDatabase, rowsOf, type Database } from '../../src/server/infra/db.js';
import { findSessionThroughCache } from '../../src/server/modules/access/session-cache.js';
import { SESSION_COOKIE } from '../../src/server/modules/access/sessions.service.js';
import { hashToken } from '../../src/server/modules/access/tokens.js';
import { accountBlocks, lessons, sessions, students } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCabinetFamily, deposit, type CabinetFamily } from '../helpers/cabinet-fixtures.js';
import { testDriver } from '../helpers/database.js';
import { createUser, signInAs } from '../helpers/factories.js';

type Headers = { host: string; cookie: string };

const sessionToken = (headers: Headers) =>
  new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(headers.cookie)?.[1] ?? '';

describe('read cache kept true by the change feed', () => {
  let t: TestApp;
  let f: CabinetFamily;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createCabinetFamily(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const dashboardUrl = () => `/api/students/${f.petya.id}/dashboard`;
  const balanceOf = async (app = t.app, headers: Headers = f.headers) => {
    const response = await app.inject({ url: dashboardUrl(), headers });
    expect(response.statusCode).toBe(200);
    return response.json<DashboardResponse>().balance.balanceKopecks;
  };
  /**
   * That `read` is answered from memory. Retried: on PostgreSQL every write of this process
   * (the job queue's upkeep included) keeps the caches aside for the moment it takes to hear
   * it back, and a read in that moment rightly goes to the database.
   */
  const expectFromMemory = (read: () => Promise<unknown>) =>
    vi.waitFor(
      async () => {
        expect(await statementsDuring(read)).toBe(0);
      },
      { interval: 5 },
    );
  /** Statements sent to the database while `work` runs. */
  const statementsDuring = async (work: () => Promise<unknown>) => {
    const spy = vi.spyOn(t.ctx.db._.session, 'prepareQuery');
    try {
      await work();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  it('announces the tags of committed changes, and nothing of a rolled-back one', async () => {
    const heard: string[] = [];
    const stop = t.ctx.database.changes.subscribe({
      changed: (tag) => heard.push(tag),
      reset: () => undefined,
    });
    try {
      await t.ctx.db
        .transaction(async (tx) => {
          await tx.update(students).set({ fullName: 'Откат' }).where(eq(students.id, f.masha.id));
          tx.rollback();
        })
        .catch(() => undefined);
      await t.ctx.db
        .update(lessons)
        .set({ topic: 'Past Simple' })
        .where(eq(lessons.id, f.lessons.englishNext.id));
      await t.ctx.db
        .update(students)
        .set({ fullName: 'Пётр Иванов' })
        .where(eq(students.id, f.petya.id));
      await vi.waitFor(() => {
        expect(heard).toContain(`student:${f.petya.id}`);
      });
      expect(heard).toContain(`group:${f.groups.english.id}`);
      expect(heard).not.toContain(`student:${f.masha.id}`);
    } finally {
      stop();
    }
  });

  it('answers a repeated home page from memory, and shows a committed change on the next request', async () => {
    const before = await balanceOf();
    // The session and the home page both come from memory now.
    await expectFromMemory(() => balanceOf());

    await deposit(t.ctx, f.organization.id, f.petya.id, 12_300);
    // No waiting: this process does not answer from memory until its own write is heard back.
    expect(await balanceOf()).toBe(before + 12_300);
    await expectFromMemory(() => balanceOf());
  });

  it('keeps one entry per account, so another account never gets this one’s page', async () => {
    const stranger = await createUser(t.ctx, f.organization, { role: null });
    const headers = await signInAs(t.app, f.organization, stranger.email);
    await balanceOf();
    const response = await t.app.inject({ url: dashboardUrl(), headers });
    expect(response.statusCode).toBe(404);
  });

  it('ends a session on the next request once it is signed out elsewhere', async () => {
    const person = await createUser(t.ctx, f.organization, { role: null });
    const headers = await signInAs(t.app, f.organization, person.email);
    const session = () => t.app.inject({ url: '/api/auth/session', headers });
    expect((await session()).json<{ user: unknown }>().user).not.toBeNull();
    const tokenHash = hashToken(sessionToken(headers));
    const resume = () => findSessionThroughCache(t.ctx, f.organization.id, tokenHash, new Date());
    await expectFromMemory(resume);

    await t.ctx.db
      .update(sessions)
      .set({ endedAt: new Date(), endedReason: 'signed_out_elsewhere' })
      .where(eq(sessions.userId, person.id));
    const after = await t.app.inject({ url: dashboardUrl(), headers });
    expect(after.statusCode).toBe(401);
    expect(after.json<{ error: { code: string } }>().error.code).toBe('signed_out_elsewhere');
  });

  it('applies a block set to begin later at the moment it begins', async () => {
    const person = await createUser(t.ctx, f.organization, { role: null });
    const headers = await signInAs(t.app, f.organization, person.email);
    const session = () => t.app.inject({ url: '/api/auth/session', headers });
    const beginsAt = new Date(Date.now() + 1500);
    await t.ctx.db.insert(accountBlocks).values({
      organizationId: f.organization.id,
      userId: person.id,
      reason: 'staff_decision',
      startsAt: beginsAt,
    });
    expect((await session()).statusCode).toBe(200);
    await vi.waitFor(
      async () => {
        const answer = await session();
        expect(answer.json<{ error?: { code: string } }>().error?.code).toBe('account_blocked');
      },
      { timeout: 5000, interval: 200 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(beginsAt.getTime());
  });

  describe.runIf(testDriver() === 'postgres')('with a second instance on PostgreSQL', () => {
    let other: Database;
    let b: TestApp;
    const feedLog: string[] = [];
    beforeAll(async () => {
      const url = t.testDatabase?.url;
      if (!url) throw new Error('no database url');
      other = await openDatabase({ driver: 'postgres', url, poolSize: 3 });
      await other.changes.start({
        warn: (message) => feedLog.push(`warn: ${message}`),
        info: (message) => feedLog.push(`info: ${message}`),
      });
      b = await createTestApp({ database: other });
    });
    afterAll(async () => {
      await b.close();
      await other.close();
    });

    it('keeps its caches aside after each of its own writes until the write is heard back', async () => {
      await vi.waitFor(() => {
        expect(other.changes.usable).toBe(true);
      });
      await other.db
        .update(students)
        .set({ fullName: 'Пётр Иванов' })
        .where(eq(students.id, f.petya.id));
      expect(other.changes.usable).toBe(false);
      await vi.waitFor(() => {
        expect(other.changes.usable).toBe(true);
      });
    });

    /** The other instance hears of a change within moments, not at once. */
    const balanceBecomes = (app: TestApp['app'], expected: number) =>
      vi.waitFor(
        async () => {
          expect(await balanceOf(app)).toBe(expected);
        },
        { timeout: 2000, interval: 20 },
      );

    it('drops its copy within moments of a change committed by the first', async () => {
      const before = await balanceOf(b.app);
      await balanceOf(b.app);
      await deposit(t.ctx, f.organization.id, f.petya.id, 700);
      await balanceBecomes(b.app, before + 700);
    });

    it('answers from the database while its feed is down, and uses memory again once back', async () => {
      await balanceOf(b.app);
      await rowsOf(
        t.ctx.db,
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query ilike 'LISTEN%'`,
      );
      await vi.waitFor(() => {
        expect(other.changes.usable).toBe(false);
      });
      const before = await balanceOf(b.app);
      await deposit(t.ctx, f.organization.id, f.petya.id, 500);
      expect(await balanceOf(b.app)).toBe(before + 500);
      await vi.waitFor(
        () => {
          expect(other.changes.usable).toBe(true);
        },
        { timeout: 5000 },
      );
      expect(feedLog).toEqual([
        'warn: change feed lost: reads are not cached until it is back',
        expect.stringMatching(/^info: change feed back after \d+ ms$/),
      ]);
      await deposit(t.ctx, f.organization.id, f.petya.id, 400);
      await balanceBecomes(b.app, before + 900);
    });
  });
});
