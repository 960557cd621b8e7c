import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  call,
  chargedVisit,
  codeOf,
  createType,
  lessonAt,
  moneyOrganization,
  sell,
  totalsOf,
  type Headers,
  type Sold,
} from './billing-fixtures.js';

describe('billing: freezes and cancelled sales', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const freeze = (headers: Headers, id: string, value: { from: string; to: string } | null) =>
    call<{ subscription: Sold }>(
      t,
      headers,
      'POST',
      `/api/staff/billing/subscriptions/${id}/freeze`,
      {
        freeze: value,
      },
    );
  const cancel = (headers: Headers, id: string, body: object, key?: string) =>
    call<{ subscription: Sold; refund: { amountKopecks: number } | null }>(
      t,
      headers,
      'POST',
      `/api/staff/billing/subscriptions/${id}/cancel`,
      body,
      key,
    );

  /** A paid 4-lesson subscription for March with visits on 3 and 10 March charged to it. */
  async function twoChargedVisits() {
    const setup = await moneyOrganization(t);
    const { organization, headers, student, group } = setup;
    const type = await createType(t, headers, { lessonsCount: 4, priceKopecks: 400_000 });
    const sold = await sell(t, headers, {
      studentId: student.id,
      typeId: type.id,
      beginsOn: '2026-03-01',
      payment: { kind: 'money', amountKopecks: 400_000, method: 'cash' },
    });
    for (const day of ['2026-03-03', '2026-03-10']) {
      await chargedVisit(t, organization, {
        studentId: student.id,
        groupId: group.id,
        startsAt: lessonAt(day),
      });
    }
    return { ...setup, sold };
  }

  it('moves the end by the frozen days and re-runs the visits charged inside the freeze', async () => {
    const { headers, student, sold } = await twoChargedVisits();
    expect(sold.endsOn).toBe('2026-03-30');
    const frozen = await freeze(headers, sold.id, { from: '2026-03-09', to: '2026-03-15' });
    expect(frozen.body.subscription).toMatchObject({
      endsOn: '2026-04-06',
      lessonsUsed: 1,
      frozenFrom: '2026-03-09',
    });
    expect(await totalsOf(t, student.id)).toEqual({ balance: 300_000, debtLessons: 1 });

    // A shorter freeze gives the old days back first; the lesson of 10 March is served again.
    const shorter = await freeze(headers, sold.id, { from: '2026-03-01', to: '2026-03-02' });
    expect(shorter.body.subscription).toMatchObject({ endsOn: '2026-04-01', lessonsUsed: 2 });
    expect(await totalsOf(t, student.id)).toEqual({ balance: 200_000, debtLessons: 0 });
    const lifted = await freeze(headers, sold.id, null);
    expect(lifted.body.subscription).toMatchObject({ endsOn: '2026-03-30', frozenFrom: null });

    const outside = await freeze(headers, sold.id, { from: '2026-04-01', to: '2026-04-03' });
    expect([outside.status, codeOf(outside.body)]).toEqual([400, 'freeze_invalid']);
    const backwards = await freeze(headers, sold.id, { from: '2026-03-12', to: '2026-03-11' });
    expect(codeOf(backwards.body)).toBe('freeze_invalid');
  });

  it('cancels a sale: its visits go into debt and its money stays on the balance, once', async () => {
    const { headers, student, sold } = await twoChargedVisits();
    expect(await totalsOf(t, student.id)).toEqual({ balance: 200_000, debtLessons: 0 });
    const first = await cancel(
      headers,
      sold.id,
      { comment: 'Продали не тот абонемент' },
      'cancel-key-1',
    );
    expect(first.body.subscription).toMatchObject({
      status: 'cancelled',
      lessonsUsed: 0,
      chargedKopecks: 0,
    });
    expect(first.body.refund).toBeNull();
    expect(await totalsOf(t, student.id)).toEqual({ balance: 400_000, debtLessons: 2 });
    const again = await cancel(headers, sold.id, {}, 'cancel-key-2');
    expect(again.status).toBe(200);
    expect(await totalsOf(t, student.id)).toEqual({ balance: 400_000, debtLessons: 2 });
    const money = await call<{ student: { freeBalanceKopecks: number } }>(
      t,
      headers,
      'GET',
      `/api/staff/billing/students/${student.id}/money`,
    );
    expect(money.body.student.freeBalanceKopecks).toBe(400_000);
    const paying = await call(
      t,
      headers,
      'POST',
      `/api/staff/billing/students/${student.id}/payments`,
      {
        amountKopecks: 1,
        method: 'cash',
        target: { subscriptionId: sold.id },
      },
    );
    expect(codeOf(paying.body)).toBe('subscription_ended');
  });

  it('cancels a sale with a refund of what it holds, and refuses to freeze it afterwards', async () => {
    const { headers, student, sold } = await twoChargedVisits();
    const done = await cancel(headers, sold.id, { refund: { method: 'cash' } });
    expect(done.body.refund).toMatchObject({ amountKopecks: -400_000 });
    expect(done.body.subscription.paidKopecks).toBe(0);
    expect(await totalsOf(t, student.id)).toEqual({ balance: 0, debtLessons: 2 });
    const entries = await t.ctx.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.studentId, student.id));
    expect(entries.reduce((sum, e) => sum + e.amountKopecks, 0)).toBe(0);
    const frozen = await freeze(headers, sold.id, { from: '2026-03-05', to: '2026-03-06' });
    expect(codeOf(frozen.body)).toBe('subscription_ended');
  });
});
