import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/cli/commands.js';
import {
  endDueSubscriptions,
  unusedValue,
} from '../../src/server/modules/billing/subscriptions-end.service.js';
import { freeBalanceOf } from '../../src/server/modules/billing/index.js';
import { ledgerEntries, organizations, subscriptions } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  chargedVisit,
  createType,
  lessonAt,
  moneyOrganization,
  sell,
  totalsOf,
} from './billing-fixtures.js';

describe('billing: the end of subscriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const entriesOf = async (studentId: string) =>
    (await t.ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.studentId, studentId))).map(
      (entry) => [entry.kind, entry.amountKopecks],
    );
  const subscription = async (id: string) => {
    const [row] = await t.ctx.db.select().from(subscriptions).where(eq(subscriptions.id, id));
    if (!row) throw new Error('no such subscription');
    return row;
  };

  /** A paid subscription for March (ends 30 March) with one lesson charged to it. */
  async function oneLessonUsed(values: Parameters<typeof createType>[2]) {
    const setup = await moneyOrganization(t);
    const { organization, headers, student, group } = setup;
    const type = await createType(t, headers, {
      lessonsCount: 4,
      priceKopecks: 400_000,
      ...values,
    });
    const sold = await sell(t, headers, {
      studentId: student.id,
      typeId: type.id,
      beginsOn: '2026-03-01',
      payment: { kind: 'money', amountKopecks: values?.priceKopecks ?? 400_000, method: 'cash' },
    });
    await chargedVisit(t, organization, {
      studentId: student.id,
      groupId: group.id,
      startsAt: lessonAt('2026-03-03'),
    });
    return { ...setup, sold };
  }

  it('charges the value of unused lessons of a burn subscription after its last local day', async () => {
    const { student, sold } = await oneLessonUsed({ unusedLessons: 'burn' });
    // 23:00 in Moscow on its last day: still open.
    await endDueSubscriptions(t.ctx, new Date('2026-03-30T20:00:00Z'));
    expect((await subscription(sold.id)).endedAt).toBeNull();
    await endDueSubscriptions(t.ctx, new Date('2026-03-30T21:30:00Z'));
    const ended = await subscription(sold.id);
    expect(ended).toMatchObject({ endReason: 'expired', chargedKopecks: 400_000 });
    expect(await entriesOf(student.id)).toEqual([
      ['payment_in', 400_000],
      ['visit_charge', -100_000],
      ['expiry_charge', -300_000],
    ]);
    // Running it again changes nothing.
    await endDueSubscriptions(t.ctx, new Date('2026-04-02T00:00:00Z'));
    expect(await entriesOf(student.id)).toHaveLength(3);
  });

  it('leaves the unused value of a carry-over subscription on the balance as free money', async () => {
    const { student, sold } = await oneLessonUsed({ unusedLessons: 'carry_over' });
    expect(await freeBalanceOf(t.ctx.db, student.id)).toBe(0);
    await endDueSubscriptions(t.ctx, new Date('2026-04-01T00:00:00Z'));
    expect((await subscription(sold.id)).endReason).toBe('expired');
    expect((await totalsOf(t, student.id)).balance).toBe(300_000);
    expect(await freeBalanceOf(t.ctx.db, student.id)).toBe(300_000);
  });

  it('charges an unlimited burn subscription its remaining price, in its own time zone', async () => {
    const setup = await moneyOrganization(t);
    await t.ctx.db
      .update(organizations)
      .set({ timezone: 'Asia/Vladivostok' })
      .where(eq(organizations.id, setup.organization.id));
    const type = await createType(t, setup.headers, { lessonsCount: null, priceKopecks: 500_000 });
    const sold = await sell(t, setup.headers, {
      studentId: setup.student.id,
      typeId: type.id,
      beginsOn: '2026-03-01',
    });
    // Midnight of 31 March in Vladivostok is 14:00 UTC on 30 March.
    await endDueSubscriptions(t.ctx, new Date('2026-03-30T14:30:00Z'));
    expect((await subscription(sold.id)).endReason).toBe('expired');
    expect(await entriesOf(setup.student.id)).toEqual([['expiry_charge', -500_000]]);
  });

  it('ends each subscription once when two instances run together', async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await oneLessonUsed({ unusedLessons: 'burn' }));
    const now = new Date('2026-04-05T00:00:00Z');
    await Promise.all([endDueSubscriptions(t.ctx, now), endDueSubscriptions(t.ctx, now)]);
    for (const { student } of runs) {
      expect((await entriesOf(student.id)).filter(([kind]) => kind === 'expiry_charge')).toEqual([
        ['expiry_charge', -300_000],
      ]);
    }
  });

  it('runs as the job `billing.subscriptions-end`', async () => {
    const { organization, student } = await oneLessonUsed({ unusedLessons: 'burn' });
    await runCommand({ ctx: t.ctx, defaultOrganizationId: organization.id }, [
      'jobs',
      'run',
      'billing.subscriptions-end',
      '--now',
      '2026-04-10T00:00:00Z',
    ]);
    expect(await entriesOf(student.id)).toContainEqual(['expiry_charge', -300_000]);
  });

  it('values unused slots, keeping the uncharged part of a slot used at a percent', () => {
    const base = { lessonsTotal: 3, priceKopecks: 1_000, chargedKopecks: 0 };
    expect(unusedValue(base, [])).toBe(1_000);
    expect(unusedValue(base, [2])).toBe(667);
    expect(unusedValue({ ...base, lessonsTotal: null, chargedKopecks: 200 }, [])).toBe(800);
  });
});
