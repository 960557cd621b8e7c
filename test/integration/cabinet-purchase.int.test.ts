import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BuyFromBalanceResponse,
  DashboardResponse,
  LedgerResponse,
  SubscriptionOffersResponse,
  VisitsResponse,
} from '../../src/shared/contracts/cabinet.js';
import { localDay } from '../../src/server/modules/calendar/zoned-time.js';
import { ledgerEntries, paymentAllocations, subscriptions } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createCabinetFamily,
  insertSubscriptionType,
  sell,
  type CabinetFamily,
} from '../helpers/cabinet-fixtures.js';

type ErrorBody = { error: { code: string } };

describe('cabinet: «Купить абонемент с баланса»', () => {
  let t: TestApp;
  let f: CabinetFamily;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createCabinetFamily(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: f.headers });
    expect(response.statusCode).toBe(200);
    return response.json<T>();
  };
  const buy = (studentId: string, typeId: string, idempotencyKey: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/students/${studentId}/subscriptions/from-balance`,
      headers: f.headers,
      payload: { typeId, idempotencyKey },
    });

  it('offers the types covering the student’s groups, marking what the free balance covers', async () => {
    const body = await get<SubscriptionOffersResponse>(
      `/api/students/${f.petya.id}/subscription-offers`,
    );
    expect(body.freeKopecks).toBe(300_000);
    expect(body.offers).toEqual([
      expect.objectContaining({
        typeId: f.types.chessType.id,
        name: '8 занятий шахмат',
        lessonsCount: 8,
        priceKopecks: 240_000,
        affordable: true,
      }),
      expect.objectContaining({
        typeId: f.types.expensiveType.id,
        lessonsCount: null,
        priceKopecks: 900_000,
        affordable: false,
      }),
    ]);
  });

  it('refuses what is not offered, what the balance cannot pay, and invisible students', async () => {
    const archived = await insertSubscriptionType(t.ctx, f.organization.id, {
      name: 'Старый',
      priceKopecks: 1_000,
      archivedAt: new Date(),
    });
    for (const typeId of [f.types.shortType.id, archived.id, crypto.randomUUID()]) {
      const response = await buy(f.petya.id, typeId, crypto.randomUUID());
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().error.code).toBe('cabinet_offer_unavailable');
    }
    const tooDear = await buy(f.petya.id, f.types.expensiveType.id, crypto.randomUUID());
    expect(tooDear.statusCode).toBe(409);
    expect(tooDear.json<ErrorBody>().error.code).toBe('insufficient_free_balance');
    // Маша owes money: nothing is free to spend.
    const owing = await buy(f.masha.id, f.types.shortType.id, crypto.randomUUID());
    expect(owing.json<ErrorBody>().error.code).toBe('insufficient_free_balance');
    const stranger = await buy(crypto.randomUUID(), f.types.chessType.id, crypto.randomUUID());
    expect(stranger.statusCode).toBe(404);
    const short = await buy(f.petya.id, f.types.chessType.id, 'short');
    expect(short.statusCode).toBe(400);
    const sold = await t.ctx.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.studentId, f.petya.id));
    expect(sold).toEqual([]);
  });

  it('buys in one step from the free balance, once however often it is retried', async () => {
    const key = crypto.randomUUID();
    const first = await buy(f.petya.id, f.types.chessType.id, key);
    expect(first.statusCode).toBe(200);
    const bought = first.json<BuyFromBalanceResponse>();
    expect(bought.subscription).toMatchObject({
      name: '8 занятий шахмат',
      status: 'active',
      priceKopecks: 240_000,
      paidKopecks: 240_000,
      lessonsTotal: 8,
      beginsOn: f.today,
    });
    const again = await buy(f.petya.id, f.types.chessType.id, key);
    expect(again.statusCode).toBe(200);
    expect(again.json<BuyFromBalanceResponse>().subscription.id).toBe(bought.subscription.id);

    const rows = await t.ctx.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.studentId, f.petya.id));
    expect(rows).toHaveLength(1);
    // Paid by an allocation from the balance: no new money entry.
    const allocations = await t.ctx.db
      .select()
      .from(paymentAllocations)
      .where(eq(paymentAllocations.subscriptionId, bought.subscription.id));
    expect(allocations.map((a) => [a.amountKopecks, a.ledgerEntryId])).toEqual([[240_000, null]]);
    const moneyIn = await t.ctx.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.studentId, f.petya.id), eq(ledgerEntries.kind, 'payment_in')));
    expect(moneyIn).toEqual([]);
  });

  it('then shows the subscription as active and only the rest as free money', async () => {
    const body = await get<DashboardResponse>(`/api/students/${f.petya.id}/dashboard`);
    expect(body.balance).toEqual({
      balanceKopecks: 300_000,
      reservedKopecks: 240_000,
      freeKopecks: 60_000,
      debtLessons: 2,
      hasActiveSubscription: true,
      offerPurchaseFromBalance: false,
    });
    // It begins today: the older lessons in debt lie outside its dates and stay owed.
    expect(body.paymentsDue.map((line) => [line.kind, line.debtLessons])).toEqual([['debt', 2]]);
  });

  it('keeps the ledger chained when one transaction writes several entries', async () => {
    // A staff sale dated back over the debts settles them in the sale's own transaction.
    await sell(
      t.ctx,
      f.organization.id,
      f.petya.id,
      f.types.chessType.id,
      240_000,
      localDay(f.lessons.chessPast1.startsAt, f.organization.timezone),
    );
    const visits = await get<VisitsResponse>(`/api/students/${f.petya.id}/visits`);
    expect(visits.visits.map((v) => v.charge?.outcome)).toEqual(['subscription', 'subscription']);
    const ledger = await get<LedgerResponse>(`/api/students/${f.petya.id}/ledger`);
    expect(ledger.entries.map((e) => [e.kind, e.amountKopecks, e.balanceAfterKopecks])).toEqual([
      ['visit_charge', -30_000, 480_000],
      ['visit_charge', -30_000, 510_000],
      ['payment_in', 240_000, 540_000],
      ['deposit', 300_000, 300_000],
    ]);
  });
});
