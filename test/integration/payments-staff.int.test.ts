import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  StaffPaymentDetail,
  StaffPaymentList,
} from '../../src/shared/contracts/payments-staff.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertStudent } from '../helpers/classes-factories.js';
import { createSignedInStaff, createUser, hostOf, signInAs } from '../helpers/factories.js';
import {
  applyToLedger,
  insertAttempt,
  insertEvent,
  insertRefund,
} from './payments-staff-fixtures.js';

describe('staff payments: list, search and one payment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  type Headers = { host: string; cookie: string };
  const list = async (headers: Headers, query = '') => {
    const response = await t.app.inject({ url: `/api/staff/payments${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<StaffPaymentList>();
  };
  const numbersOf = (page: StaffPaymentList) => page.items.map((item) => item.number);

  /** Payments of two families at known times (Moscow), oldest first. */
  async function payments() {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx, 'manager');
    const anna = await createUser(t.ctx, organization, {
      role: null,
      name: 'Анна Иванова',
      email: `anna.${organization.slug}@example.com`,
    });
    const boris = await createUser(t.ctx, organization, { role: null, name: 'Борис Петров' });
    const masha = await insertStudent(t.ctx, organization.id, { fullName: 'Маша Иванова' });
    const petya = await insertStudent(t.ctx, organization.id, { fullName: 'Петя Сидоров' });
    const at = (iso: string) => new Date(iso);
    const rows = [
      { payerId: anna.id, studentId: masha.id, createdAt: at('2026-11-01T08:00:00Z') },
      {
        payerId: boris.id,
        studentId: petya.id,
        createdAt: at('2026-11-02T08:00:00Z'),
        status: 'canceled' as const,
        cancellationParty: 'issuer',
        cancellationReason: 'insufficient_funds',
        paidWith: null,
      },
      {
        payerId: anna.id,
        studentId: masha.id,
        createdAt: at('2026-11-03T21:30:00Z'),
        purpose: 'debt' as const,
      },
      {
        payerId: null,
        studentId: null,
        createdAt: at('2026-11-04T08:00:00Z'),
        purpose: 'course_access' as const,
        receiptEmail: 'buyer@example.com',
        providerPaymentId: `yk-${organization.slug}`,
      },
      {
        payerId: boris.id,
        studentId: petya.id,
        createdAt: at('2026-11-05T08:00:00Z'),
        status: 'pending' as const,
      },
    ];
    const attempts = [];
    for (const values of rows) attempts.push(await insertAttempt(t.ctx, organization.id, values));
    return { organization, headers, anna, boris, masha, petya, attempts };
  }

  it('lists payments newest first with who paid and for whom', async () => {
    const { headers, attempts, anna } = await payments();
    const page = await list(headers);
    expect(numbersOf(page)).toEqual(attempts.map((a) => a.number).reverse());
    expect(page.nextBefore).toBeNull();
    const first = page.items.at(-1);
    expect(first).toMatchObject({
      payer: { id: anna.id, displayName: 'Анна Иванова', email: anna.email },
      studentName: 'Маша Иванова',
      status: 'succeeded',
      paidWith: 'Карта *4444',
    });
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const { headers, attempts } = await payments();
    const seen: number[] = [];
    let before: string | null = null;
    do {
      const query: string = `?limit=2${before ? `&before=${before}` : ''}`;
      const page = await list(headers, query);
      seen.push(...numbersOf(page));
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual(attempts.map((a) => a.number).reverse());
    const broken = await t.app.inject({ url: '/api/staff/payments?before=garbage', headers });
    expect(broken.statusCode).toBe(400);
  });

  it('finds payments by number, provider id, payer, buyer email and student', async () => {
    const { organization, headers, attempts, anna } = await payments();
    const [a1, a2, a3, a4, a5] = attempts.map((a) => a.number);
    const search = async (q: string) =>
      numbersOf(await list(headers, `?q=${encodeURIComponent(q)}`));
    expect(await search(String(a2))).toEqual([a2]);
    expect(await search(`№${String(a3)}`)).toEqual([a3]);
    expect(await search(`yk-${organization.slug}`)).toEqual([a4]);
    expect(await search('buyer@example.com')).toEqual([a4]);
    expect(await search(anna.email.toUpperCase())).toEqual([a3, a1]);
    expect(await search('борис')).toEqual([a5, a2]);
    expect(await search('Сидоров')).toEqual([a5, a2]);
    expect(await search('100%_')).toEqual([]);
  });

  it('filters by status, purpose and local days of the organization', async () => {
    const { headers, attempts } = await payments();
    const [a1, a2, a3, a4, a5] = attempts.map((a) => a.number);
    expect(numbersOf(await list(headers, '?status=canceled'))).toEqual([a2]);
    expect(numbersOf(await list(headers, '?purpose=debt'))).toEqual([a3]);
    // 2026-11-03T21:30Z is already 00:30 on 4 November in Moscow.
    expect(numbersOf(await list(headers, '?from=2026-11-02&to=2026-11-03'))).toEqual([a2]);
    expect(numbersOf(await list(headers, '?from=2026-11-04&to=2026-11-05'))).toEqual([a5, a4, a3]);
    expect(numbersOf(await list(headers, '?to=2026-11-01'))).toEqual([a1]);
  });

  it('shows one payment with the raw decline, the provider events and refunds', async () => {
    const { organization, headers, attempts, masha } = await payments();
    const [paid, declined] = attempts;
    if (!paid || !declined) throw new Error('fixtures');
    const entry = await applyToLedger(t.ctx, paid, masha.id);
    // A second apart: PGlite's clock can give two inserts in a row the same instant, and the
    // timeline orders ties by id.
    const at = (second: number) => new Date(Date.UTC(2026, 10, 4, 9, 0, second));
    await insertEvent(t.ctx, paid, {
      source: 'create',
      event: 'pending',
      outcome: 'advanced',
      fromStatus: 'created',
      toStatus: 'pending',
      createdAt: at(0),
    });
    await insertEvent(t.ctx, paid, {
      sourceIp: '185.71.76.5',
      fromStatus: 'pending',
      toStatus: 'succeeded',
      createdAt: at(1),
    });
    await insertEvent(t.ctx, paid, {
      sourceIp: '185.71.76.5',
      outcome: 'unchanged',
      createdAt: at(2),
    });
    const refund = await insertRefund(t.ctx, paid, {
      createdBy: (await createUser(t.ctx, organization, { name: 'Кассир' })).id,
    });

    const response = await t.app.inject({ url: `/api/staff/payments/${paid.id}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    const { payment } = response.json<{ payment: StaffPaymentDetail }>();
    expect(payment).toMatchObject({
      id: paid.id,
      ledgerEntryId: entry.id,
      appliedAs: 'purpose',
      cancellation: null,
      receipt: {
        html: `/api/payments/${paid.id}/receipt.html`,
        pdf: `/api/payments/${paid.id}/receipt.pdf`,
      },
    });
    expect(payment.events.map((e) => [e.source, e.outcome, e.sourceIp])).toEqual([
      ['create', 'advanced', null],
      ['webhook', 'applied', '185.71.76.5'],
      ['webhook', 'unchanged', '185.71.76.5'],
    ]);
    expect(payment.refunds).toMatchObject([
      {
        id: refund.id,
        amountKopecks: 30_000,
        reason: 'Ошибочная оплата',
        createdBy: { displayName: 'Кассир' },
      },
    ]);

    const other = await t.app.inject({ url: `/api/staff/payments/${declined.id}`, headers });
    expect(other.json<{ payment: StaffPaymentDetail }>().payment).toMatchObject({
      status: 'canceled',
      cancellation: { party: 'issuer', reason: 'insufficient_funds' },
      receipt: null,
    });
  });

  it('keeps payments to money staff of their own organization', async () => {
    const { organization, headers, attempts, anna } = await payments();
    const paid = attempts[0];
    if (!paid) throw new Error('fixtures');
    const teacher = await createUser(t.ctx, organization, { role: 'teacher' });
    const asTeacher = await signInAs(t.app, organization, teacher.email);
    expect(
      (await t.app.inject({ url: '/api/staff/payments', headers: asTeacher })).statusCode,
    ).toBe(403);
    const asParent = await signInAs(t.app, organization, anna.email);
    expect(
      (await t.app.inject({ url: `/api/staff/payments/${paid.id}`, headers: asParent })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/staff/payments', headers: { host: hostOf(organization) } }))
        .statusCode,
    ).toBe(401);
    const other = await createSignedInStaff(t.app, t.ctx);
    expect(
      (await t.app.inject({ url: `/api/staff/payments/${paid.id}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    expect(numbersOf(await list(other.headers))).toEqual([]);
    // The list of the first organization is untouched by the other's.
    expect((await list(headers)).items).toHaveLength(attempts.length);
  });
});
