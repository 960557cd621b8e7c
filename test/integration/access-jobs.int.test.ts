import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccount } from '../../src/server/modules/access/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import {
  accountBlocks,
  mailOutbox,
  organizations,
  securityAudit,
  sessions,
  users,
} from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization } from '../helpers/factories.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T07:00:00Z');
const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

describe('access jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const run = (name: string, organization: Organization, now: Date) =>
    t.ctx.queue.runNow(t.ctx, name, now, { organizationId: organization.id });

  async function organizationWith(settings: Partial<typeof organizations.$inferInsert>) {
    const organization = await createOrganization(t.ctx);
    await t.ctx.db.update(organizations).set(settings).where(eq(organizations.id, organization.id));
    return organization;
  }

  const account = (organization: Organization, email: string, more: object = {}) =>
    seedDemoAccount(t.ctx, organization.id, {
      email,
      displayName: email,
      password: null,
      accessOpenedAt: daysFrom(NOW, -100),
      ...more,
    }).then((result) => result.id);

  const emailsTo = async (organization: Organization) =>
    (
      await t.ctx.db
        .select()
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.organizationId, organization.id),
            eq(mailOutbox.template, 'access_ending'),
          ),
        )
    ).map((mail) => mail.toAddress);

  it('warns once per access period, within the organization’s warning days', async () => {
    const organization = await organizationWith({ accessWarningDays: 7 });
    await account(organization, 'soon@example.com', { accessValidUntil: daysFrom(NOW, 3) });
    await account(organization, 'later@example.com', { accessValidUntil: daysFrom(NOW, 10) });
    await account(organization, 'ended@example.com', { accessValidUntil: daysFrom(NOW, -1) });
    await account(organization, 'open-ended@example.com');
    await account(organization, 'staff@example.com', {
      role: 'manager',
      accessValidUntil: daysFrom(NOW, 2),
    });

    await run('access.warn-access-ending', organization, NOW);
    expect(await emailsTo(organization)).toEqual(['soon@example.com']);
    await run('access.warn-access-ending', organization, daysFrom(NOW, 1));
    expect(await emailsTo(organization)).toEqual(['soon@example.com']);

    // Three days later the 10-day period is within the window too.
    await run('access.warn-access-ending', organization, daysFrom(NOW, 3));
    expect((await emailsTo(organization)).sort()).toEqual([
      'later@example.com',
      'soon@example.com',
    ]);
    const [mail] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'soon@example.com'));
    expect(mail?.subject).toBe('Доступ к личному кабинету заканчивается 18 июня 2026 г.');
  });

  it('warns again after the period is extended, and never with warnings switched off', async () => {
    const organization = await organizationWith({ accessWarningDays: 5 });
    const id = await account(organization, 'renewed@example.com', {
      accessValidUntil: daysFrom(NOW, 2),
    });
    await run('access.warn-access-ending', organization, NOW);
    await t.ctx.db
      .update(users)
      .set({ accessValidUntil: daysFrom(NOW, 4) })
      .where(eq(users.id, id));
    await run('access.warn-access-ending', organization, NOW);
    expect(await emailsTo(organization)).toEqual(['renewed@example.com', 'renewed@example.com']);

    const silent = await organizationWith({ accessWarningDays: 0 });
    await account(silent, 'quiet@example.com', { accessValidUntil: daysFrom(NOW, 1) });
    await run('access.warn-access-ending', silent, NOW);
    expect(await emailsTo(silent)).toEqual([]);
  });

  const inactivityBlocks = (userId: string) =>
    t.ctx.db
      .select()
      .from(accountBlocks)
      .where(and(eq(accountBlocks.userId, userId), eq(accountBlocks.reason, 'inactive_too_long')));

  it('blocks customers inactive for longer than the organization allows, once, and ends their sessions', async () => {
    const organization = await organizationWith({ inactivityBlockDays: 30 });
    const idle = await account(organization, 'idle@example.com', {
      password: 'irrelevant but present',
    });
    await t.ctx.db
      .update(users)
      .set({ lastSignInAt: daysFrom(NOW, -40) })
      .where(eq(users.id, idle));
    const recent = await account(organization, 'recent@example.com');
    await t.ctx.db
      .update(users)
      .set({ lastSignInAt: daysFrom(NOW, -10) })
      .where(eq(users.id, recent));
    const neverSignedIn = await account(organization, 'never@example.com');
    const justOpened = await account(organization, 'new@example.com', {
      accessOpenedAt: daysFrom(NOW, -5),
    });
    const staff = await account(organization, 'staff@example.com', { role: 'admin' });
    await t.ctx.db.insert(sessions).values({
      organizationId: organization.id,
      userId: idle,
      tokenHash: `idle-${idle}`,
      lastSeenAt: daysFrom(NOW, -35),
      expiresAt: daysFrom(NOW, 10),
    });

    await run('access.block-inactive', organization, NOW);
    await run('access.block-inactive', organization, NOW);
    expect(await inactivityBlocks(idle)).toHaveLength(1);
    expect(await inactivityBlocks(neverSignedIn)).toHaveLength(1);
    for (const id of [recent, justOpened, staff]) {
      expect(await inactivityBlocks(id)).toEqual([]);
    }
    const [session] = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, idle));
    expect(session?.endedReason).toBe('account_blocked');
    const audit = await t.ctx.db
      .select()
      .from(securityAudit)
      .where(eq(securityAudit.subjectId, idle));
    expect(audit).toMatchObject([
      { action: 'block.set', actorId: null, details: { reason: 'inactive_too_long', via: 'job' } },
    ]);
  });

  it('does not block again right after staff lift the block, only after another full period', async () => {
    const organization = await organizationWith({ inactivityBlockDays: 30 });
    const id = await account(organization, 'lifted@example.com');
    await run('access.block-inactive', organization, NOW);
    const [block] = await inactivityBlocks(id);
    await t.ctx.db
      .update(accountBlocks)
      .set({ liftedAt: daysFrom(NOW, 1) })
      .where(eq(accountBlocks.id, block?.id ?? ''));

    await run('access.block-inactive', organization, daysFrom(NOW, 2));
    expect(await inactivityBlocks(id)).toHaveLength(1);
    await run('access.block-inactive', organization, daysFrom(NOW, 32));
    expect(await inactivityBlocks(id)).toHaveLength(2);
  });

  it('leaves organizations without an inactivity limit alone', async () => {
    const organization = await organizationWith({ inactivityBlockDays: null });
    const id = await account(organization, 'free@example.com');
    await run('access.block-inactive', organization, NOW);
    expect(await inactivityBlocks(id)).toEqual([]);
  });
});
