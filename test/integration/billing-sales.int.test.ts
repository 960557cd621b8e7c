import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classesSettings,
  ledgerEntries,
  paymentAllocations,
  subscriptions,
} from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertFamily, insertGroup, insertStudent } from '../helpers/classes-factories.js';
import { createUser, signInAs } from '../helpers/factories.js';
import {
  call,
  chargedVisit,
  codeOf,
  createType,
  lessonAt,
  moneyOrganization,
  sell,
  totalsOf,
} from './billing-fixtures.js';

describe('billing: subscription types and sales', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const entriesOf = (studentId: string) =>
    t.ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.studentId, studentId));

  it('creates, edits and archives subscription types, refusing an empty or foreign scope', async () => {
    const { headers, group, course } = await moneyOrganization(t);
    const base = '/api/staff/billing/subscription-types';
    const type = await createType(t, headers, {
      name: 'Безлимит',
      lessonsCount: null,
      coversAllGroups: false,
      groupIds: [group.id],
      courseIds: [course.id],
      unusedLessons: 'carry_over',
    });
    const empty = await call(t, headers, 'POST', base, {
      name: 'Пустой',
      lessonsCount: 4,
      validityDays: 30,
      priceKopecks: 1,
      coversAllGroups: false,
    });
    expect([empty.status, codeOf(empty.body)]).toEqual([400, 'subscription_type_scope_empty']);
    const other = await moneyOrganization(t);
    const foreign = await call(t, headers, 'PUT', `${base}/${type.id}`, {
      name: 'Чужой',
      lessonsCount: 4,
      validityDays: 30,
      priceKopecks: 1,
      coversAllGroups: false,
      groupIds: [other.group.id],
    });
    expect(foreign.status).toBe(404);

    const edited = await call<{ name: string; lessonsCount: number | null }>(
      t,
      headers,
      'PUT',
      `${base}/${type.id}`,
      {
        name: 'Безлимит на месяц',
        lessonsCount: null,
        validityDays: 31,
        priceKopecks: 500_000,
        coversAllGroups: true,
      },
    );
    expect(edited.body).toMatchObject({ name: 'Безлимит на месяц', lessonsCount: null });
    await call(t, headers, 'POST', `${base}/${type.id}/archive`, { archived: true });
    const onSale = await call<{ items: unknown[] }>(t, headers, 'GET', base);
    const archived = await call<{ items: { id: string }[] }>(
      t,
      headers,
      'GET',
      `${base}?archived=true`,
    );
    expect(onSale.body.items).toHaveLength(0);
    expect(archived.body.items.map((item) => item.id)).toEqual([type.id]);
  });

  it('sells with a discount, copying the terms, numbering per organization and counting the end', async () => {
    const { headers, student } = await moneyOrganization(t);
    const type = await createType(t, headers, { priceKopecks: 999_00, validityDays: 30 });
    const byAmount = await sell(t, headers, {
      studentId: student.id,
      typeId: type.id,
      beginsOn: '2026-03-10',
      discount: { kind: 'amount', kopecks: 100_00 },
    });
    const byPercent = await sell(t, headers, {
      studentId: student.id,
      typeId: type.id,
      beginsOn: '2026-02-28',
      discount: { kind: 'percent', percent: 12.5 },
    });
    expect(byAmount).toMatchObject({ number: 1, priceKopecks: 899_00, endsOn: '2026-04-08' });
    // 12.5% of 999 ₽ is 124.875 ₽: rounded half up to 124.88 ₽.
    expect(byPercent).toMatchObject({ number: 2, priceKopecks: 87_412, endsOn: '2026-03-29' });
    const elsewhere = await moneyOrganization(t);
    const otherType = await createType(t, elsewhere.headers);
    const first = await sell(t, elsewhere.headers, {
      studentId: elsewhere.student.id,
      typeId: otherType.id,
    });
    expect(first.number).toBe(1);

    // Later edits of the type never change what was sold.
    await call(t, headers, 'PUT', `/api/staff/billing/subscription-types/${type.id}`, {
      name: 'Другое',
      lessonsCount: 2,
      validityDays: 5,
      priceKopecks: 1,
      coversAllGroups: true,
    });
    const [row] = await t.ctx.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, byAmount.id));
    expect(row).toMatchObject({ name: '8 занятий', lessonsTotal: 8, originalPriceKopecks: 999_00 });

    const tooBig = await call(t, headers, 'POST', '/api/staff/billing/subscriptions', {
      studentId: student.id,
      typeId: type.id,
      discount: { kind: 'amount', kopecks: 2 },
    });
    expect([tooBig.status, codeOf(tooBig.body)]).toEqual([400, 'discount_invalid']);
  });

  it('makes a shareable type the family’s and keeps a personal one the buyer’s', async () => {
    const { organization, headers } = await moneyOrganization(t);
    const family = await insertFamily(t.ctx, organization.id);
    const sister = await insertStudent(t.ctx, organization.id, { familyId: family.id });
    const shared = await createType(t, headers, { shareableInFamily: true });
    const personal = await createType(t, headers);
    expect((await sell(t, headers, { studentId: sister.id, typeId: shared.id })).familyId).toBe(
      family.id,
    );
    expect(
      (await sell(t, headers, { studentId: sister.id, typeId: personal.id })).familyId,
    ).toBeNull();
  });

  it('takes fresh money as a payment and sells once however often the request is retried', async () => {
    const { headers, student } = await moneyOrganization(t);
    const type = await createType(t, headers);
    const key = randomUUID();
    const body = {
      studentId: student.id,
      typeId: type.id,
      payment: { kind: 'money', amountKopecks: 300_000, method: 'cash' },
    };
    const [a, b] = await Promise.all([sell(t, headers, body, key), sell(t, headers, body, key)]);
    const again = await sell(t, headers, body, key);
    expect(new Set([a.id, b.id, again.id]).size).toBe(1);
    expect(again.paidKopecks).toBe(300_000);
    const entries = await entriesOf(student.id);
    expect(entries.map((e) => [e.kind, e.amountKopecks, e.subscriptionId])).toEqual([
      ['payment_in', 300_000, a.id],
    ]);
    const allocations = await t.ctx.db
      .select()
      .from(paymentAllocations)
      .where(eq(paymentAllocations.subscriptionId, a.id));
    expect(allocations).toMatchObject([{ amountKopecks: 300_000, ledgerEntryId: entries[0]?.id }]);
    expect((await totalsOf(t, student.id)).balance).toBe(300_000);

    const reused = await call(
      t,
      headers,
      'POST',
      '/api/staff/billing/subscriptions',
      { ...body, typeId: (await createType(t, headers)).id },
      key,
    );
    expect([reused.status, codeOf(reused.body)]).toEqual([409, 'idempotency_key_reused']);
    const keyless = await call(t, headers, 'POST', '/api/staff/billing/subscriptions', body, null);
    expect([keyless.status, codeOf(keyless.body)]).toEqual([400, 'idempotency_key_required']);
  });

  it('buys from the balance only with free money, without a new ledger entry', async () => {
    const { headers, student } = await moneyOrganization(t);
    const type = await createType(t, headers, { priceKopecks: 500_000 });
    const payments = `/api/staff/billing/students/${student.id}/payments`;
    await call(t, headers, 'POST', payments, { amountKopecks: 700_000, method: 'bank_transfer' });
    const fromBalance = { studentId: student.id, typeId: type.id, payment: { kind: 'balance' } };
    const first = await sell(t, headers, fromBalance);
    expect(first.paidKopecks).toBe(500_000);
    // 7 000 ₽ on the balance, 5 000 ₽ held by the first subscription: 2 000 ₽ are free.
    const second = await call(t, headers, 'POST', '/api/staff/billing/subscriptions', fromBalance);
    expect([second.status, codeOf(second.body)]).toEqual([409, 'insufficient_free_balance']);
    const part = await sell(t, headers, {
      ...fromBalance,
      payment: { kind: 'balance', amountKopecks: 200_000 },
    });
    expect(part.paidKopecks).toBe(200_000);
    expect((await entriesOf(student.id)).map((e) => e.kind)).toEqual(['deposit']);
    const money = await call<{ student: { balanceKopecks: number; freeBalanceKopecks: number } }>(
      t,
      headers,
      'GET',
      `/api/staff/billing/students/${student.id}/money`,
    );
    expect(money.body.student).toMatchObject({ balanceKopecks: 700_000, freeBalanceKopecks: 0 });
  });

  it('settles lessons in debt inside its dates and scope, unless the organization turned it off', async () => {
    const { organization, headers, student, group, course } = await moneyOrganization(t);
    const otherGroup = await insertGroup(t.ctx, organization.id, {
      courseId: course.id,
      name: 'Рисование',
    });
    const before = await chargedVisit(t, organization, {
      studentId: student.id,
      groupId: group.id,
      startsAt: lessonAt('2026-02-27'),
    });
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
    await chargedVisit(t, organization, {
      studentId: student.id,
      groupId: otherGroup.id,
      startsAt: lessonAt('2026-03-05'),
    });
    expect((await totalsOf(t, student.id)).debtLessons).toBe(4);

    const type = await createType(t, headers, { coversAllGroups: false, groupIds: [group.id] });
    const sold = await sell(t, headers, {
      studentId: student.id,
      typeId: type.id,
      beginsOn: '2026-03-01',
    });
    expect(sold.lessonsUsed).toBe(2);
    expect(await totalsOf(t, student.id)).toEqual({ balance: -200_000, debtLessons: 2 });
    expect(before.id).toBeDefined();

    await t.ctx.db
      .insert(classesSettings)
      .values({ organizationId: organization.id, settleDebtsOnSale: false });
    const wide = await createType(t, headers);
    const unsettled = await sell(t, headers, {
      studentId: student.id,
      typeId: wide.id,
      beginsOn: '2026-02-01',
    });
    expect(unsettled.lessonsUsed).toBe(0);
    expect((await totalsOf(t, student.id)).debtLessons).toBe(2);
  });

  it('refuses archived types, other organizations’ students and staff without money rights', async () => {
    const { organization, headers, student } = await moneyOrganization(t);
    const type = await createType(t, headers);
    await call(t, headers, 'POST', `/api/staff/billing/subscription-types/${type.id}/archive`, {
      archived: true,
    });
    const archived = await call(t, headers, 'POST', '/api/staff/billing/subscriptions', {
      studentId: student.id,
      typeId: type.id,
    });
    expect([archived.status, codeOf(archived.body)]).toEqual([409, 'subscription_type_archived']);

    const other = await moneyOrganization(t);
    const foreign = await call(
      t,
      headers,
      'GET',
      `/api/staff/billing/students/${other.student.id}/money`,
    );
    expect(foreign.status).toBe(404);
    const teacher = await createUser(t.ctx, organization, { role: 'teacher' });
    const teacherHeaders = await signInAs(t.app, organization, teacher.email);
    const refused = await call(t, teacherHeaders, 'GET', '/api/staff/billing/subscriptions');
    expect(refused.status).toBe(403);
  });
});
