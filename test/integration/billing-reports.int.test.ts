import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoneyEntry } from '../../src/shared/contracts/billing-history.js';
import { students } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertStudent } from '../helpers/classes-factories.js';
import {
  call,
  chargedVisit,
  codeOf,
  createType,
  lessonAt,
  moneyOrganization,
  sell,
} from './billing-fixtures.js';

type Page<T> = { items: T[]; nextCursor: string | null };

describe('billing: the debts report and the money history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists lessons in debt until a sale settles them, and underpaid subscriptions', async () => {
    const { organization, headers, student, group } = await moneyOrganization(t);
    await chargedVisit(t, organization, {
      studentId: student.id,
      groupId: group.id,
      startsAt: lessonAt('2026-03-02'),
    });
    await chargedVisit(t, organization, {
      studentId: student.id,
      groupId: group.id,
      startsAt: lessonAt('2026-03-04'),
    });
    const lessons = () =>
      call<Page<{ studentId: string; debtLessons: number }>>(
        t,
        headers,
        'GET',
        '/api/staff/billing/debts/lessons',
      );
    expect((await lessons()).body.items).toEqual([
      expect.objectContaining({ studentId: student.id, debtLessons: 2, fullName: 'Маша Иванова' }),
    ]);
    const sold = await sell(t, headers, {
      studentId: student.id,
      typeId: (await createType(t, headers)).id,
      beginsOn: '2026-03-01',
      payment: { kind: 'money', amountKopecks: 500_000, method: 'cash' },
    });
    expect((await lessons()).body.items).toEqual([]);
    const underpaid = await call<Page<{ id: string; paidKopecks: number; priceKopecks: number }>>(
      t,
      headers,
      'GET',
      '/api/staff/billing/debts/subscriptions',
    );
    expect(underpaid.body.items).toEqual([
      expect.objectContaining({ id: sold.id, paidKopecks: 500_000, priceKopecks: 800_000 }),
    ]);
  });

  it('pages the students in debt, most lessons first', async () => {
    const { organization, headers } = await moneyOrganization(t);
    const rows = Array.from({ length: 53 }, (_, i) => ({
      organizationId: organization.id,
      fullName: `Ученик ${i}`,
      debtLessons: (i % 5) + 1,
    }));
    await t.ctx.db.insert(students).values(rows);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<{ debtLessons: number }> } = await call<
        Page<{ debtLessons: number }>
      >(t, headers, 'GET', `/api/staff/billing/debts/lessons${cursor ? `?cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((item) => item.debtLessons));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(53);
    expect(seen).toEqual(seen.toSorted((a, b) => b - a));
    const bad = await call(t, headers, 'GET', '/api/staff/billing/debts/lessons?cursor=bad');
    expect([bad.status, codeOf(bad.body)]).toEqual([400, 'validation_failed']);
  });

  it('explains each entry of the money history with its running balance and links', async () => {
    const { organization, headers, student, group } = await moneyOrganization(t);
    const brother = await insertStudent(t.ctx, organization.id, { fullName: 'Петя Иванов' });
    await chargedVisit(t, organization, {
      studentId: student.id,
      groupId: group.id,
      startsAt: lessonAt('2026-03-02'),
    });
    const sold = await sell(t, headers, {
      studentId: student.id,
      typeId: (await createType(t, headers, { lessonsCount: 4, priceKopecks: 400_000 })).id,
      beginsOn: '2026-03-01',
      payment: { kind: 'money', amountKopecks: 400_000, method: 'bank_transfer' },
    });
    const history = await call<Page<MoneyEntry>>(
      t,
      headers,
      'GET',
      `/api/staff/billing/students/${student.id}/ledger`,
    );
    const byKind = new Map(history.body.items.map((entry) => [entry.kind, entry]));
    expect(byKind.get('payment_in')).toMatchObject({
      amountKopecks: 400_000,
      paymentMethod: 'bank_transfer',
      createdByName: 'Анна Админова',
      subscription: { id: sold.id, number: sold.number },
    });
    expect(byKind.get('visit_charge')).toMatchObject({
      amountKopecks: -100_000,
      subscription: { id: sold.id },
      visit: { groupName: 'Английский 7–9', status: 'present', studentName: 'Маша Иванова' },
      charge: { lessonNumber: 1, supersededReason: null },
    });
    const balances = history.body.items
      .map((entry) => entry.balanceAfterKopecks)
      .toSorted((a, b) => a - b);
    expect(balances).toEqual([300_000, 400_000]);
    const empty = await call<Page<MoneyEntry>>(
      t,
      headers,
      'GET',
      `/api/staff/billing/students/${brother.id}/ledger`,
    );
    expect(empty.body).toEqual({ items: [], nextCursor: null });
  });

  it('documents the staff billing API in OpenAPI, with its summaries', async () => {
    const response = await t.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, Record<string, { summary?: string }>> }>();
    const billing = Object.entries(doc.paths).filter(([path]) =>
      path.startsWith('/api/staff/billing/'),
    );
    expect(billing.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        '/api/staff/billing/subscription-types',
        '/api/staff/billing/subscriptions/{id}/freeze',
        '/api/staff/billing/students/{id}/refunds',
        '/api/staff/billing/debts/fees',
      ]),
    );
    for (const [, operations] of billing) {
      for (const operation of Object.values(operations)) expect(operation.summary).toBeTruthy();
    }
  });
});
