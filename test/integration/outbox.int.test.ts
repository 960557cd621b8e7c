import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/infra/context.js';
import { runCommand } from '../../src/server/cli/commands.js';
import { enqueueEmail, listOutbox } from '../../src/server/modules/notify/index.js';
import {
  ensureDefaultOrganization,
  type Organization,
} from '../../src/server/modules/orgs/index.js';
import { mailOutbox } from '../../src/server/schema.js';
import type { OutboxListResponse } from '../../src/shared/contracts/staff.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createSignedInStaff } from '../helpers/factories.js';

/** Writes `count` emails for `organization` in one transaction, as a bulk notice would. */
async function writeEmails(ctx: AppContext, organization: Organization, count: number) {
  await ctx.db.transaction(async (tx) => {
    for (let n = 1; n <= count; n++) {
      await enqueueEmail(ctx, tx, {
        organizationId: organization.id,
        to: { address: `reader${n}@example.com` },
        locale: 'en',
        template: 'welcome_owner',
        data: { displayName: `Reader ${n}`, organizationName: 'Club', consoleUrl: 'http://x' },
      });
    }
  });
}

describe('the outbox listing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Ids of the organization's outbox, newest first, as the database orders them. */
  const outboxIds = async (organization: Organization) =>
    (
      await t.ctx.db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(eq(mailOutbox.organizationId, organization.id))
        .orderBy(desc(mailOutbox.createdAt))
    ).map((row) => row.id);

  it('pages the outbox for the CLI without skipping emails written within one millisecond', async () => {
    const organization = await createOrganization(t.ctx);
    await writeEmails(t.ctx, organization, 5);
    // 100 µs apart: a cursor truncated to milliseconds would lose every row after page one.
    await t.ctx.db
      .update(mailOutbox)
      .set({
        createdAt: sql`timestamptz '2026-01-15 10:00:00.123' + (
          select count(*) from mail_outbox o where o.organization_id = ${organization.id}
            and o.id::text < ${mailOutbox.id}::text) * interval '100 microseconds'`,
      })
      .where(eq(mailOutbox.organizationId, organization.id));
    const expected = await outboxIds(organization);
    expect(expected).toHaveLength(5);

    const seen: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await listOutbox(t.ctx, organization.id, {
        limit: 2,
        ...(before ? { before } : {}),
      });
      seen.push(...result.messages.map((m) => m.id));
      before = result.nextBefore;
      if (!before) break;
    }
    expect(seen).toEqual(expected);
  });

  it('pages the staff outbox without skipping emails written in one transaction', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    await writeEmails(t.ctx, organization, 5);

    const seen: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 5; page++) {
      const query: URLSearchParams = new URLSearchParams({
        limit: '2',
        ...(before ? { before } : {}),
      });
      const response = await t.app.inject({
        url: `/api/staff/outbox?${query.toString()}`,
        headers,
      });
      expect(response.statusCode).toBe(200);
      const body: OutboxListResponse = response.json();
      seen.push(...body.messages.map((m) => m.id));
      before = body.nextBefore;
      if (!before) break;
    }
    expect(seen).toEqual(await outboxIds(organization));
    expect(new Set(seen).size).toBe(5);
  });

  it('pages without skipping or repeating emails that share one timestamp', async () => {
    const organization = await createOrganization(t.ctx);
    await writeEmails(t.ctx, organization, 5);
    await t.ctx.db
      .update(mailOutbox)
      .set({ createdAt: new Date('2026-03-01T09:00:00Z') })
      .where(eq(mailOutbox.organizationId, organization.id));
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page = await listOutbox(t.ctx, organization.id, {
        limit: 2,
        ...(before ? { before } : {}),
      });
      seen.push(...page.messages.map((m) => m.id));
      before = page.nextBefore;
    } while (before && seen.length < 10);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses a forged page cursor with validation_failed', async () => {
    const { headers } = await createSignedInStaff(t.app, t.ctx);
    const response = await t.app.inject({ url: '/api/staff/outbox?before=not-a-cursor', headers });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it("prints the default organization's outbox for the CLI, newest first", async () => {
    const { organization } = await ensureDefaultOrganization(t.ctx.db);
    const env = { ctx: t.ctx, defaultOrganizationId: organization.id };
    expect(await runCommand(env, ['outbox', 'list'])).toEqual({
      output: 'The outbox is empty.\n',
      exitCode: 0,
    });
    await writeEmails(t.ctx, organization, 3);

    const table = await runCommand(env, ['outbox', 'list', '--limit', '2']);
    expect(table.exitCode).toBe(0);
    const lines = table.output.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z {2}pending {2}reader3@example\.com {2}Your "/);
    expect(lines[1]).toContain('reader2@example.com');

    const json = await runCommand(env, ['outbox', 'list', '--json']);
    const messages = JSON.parse(json.output) as Record<string, unknown>[];
    expect(messages.map((m) => m.toAddress)).toEqual([
      'reader3@example.com',
      'reader2@example.com',
      'reader1@example.com',
    ]);
    expect(messages[0]).not.toHaveProperty('cursor');
    expect(messages[0]).toHaveProperty('textBody');
  });
});
