import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseOffer } from '../../src/shared/contracts/payments-staff.js';
import { grantCourseAccess, quoteCourseAccess } from '../../src/server/modules/training/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { courseAccessGrants, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createOrganization,
  createSignedInStaff,
  createUser,
  hostOf,
  signInAs,
} from '../helpers/factories.js';
import { payBySandboxCard, sendWebhook, startPayment } from './payments-core-support.js';
import { insertAttempt, outboxOf } from './payments-staff-fixtures.js';

const DAY = 86_400_000;

describe('course offers and course access after payment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const offerBody = {
    title: 'Подготовка к ЕГЭ по математике',
    description: 'Видеоуроки и задания',
    priceKopecks: 1_500_000,
    accessDays: 30,
  };

  async function createOffer(headers: { host: string; cookie: string }, body = offerBody) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/course-offers',
      headers,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CourseOffer>();
  }

  /** A paid course_access attempt for `offer`, as the payments service creates it. */
  const paidAttempt = (
    organization: Organization,
    offerId: string,
    payerId: string | null = null,
  ) =>
    insertAttempt(t.ctx, organization.id, {
      purpose: 'course_access',
      targetId: offerId,
      payerId,
      amountKopecks: 1_500_000,
      description: 'Онлайн-курс',
    });

  const grant = (
    organization: Organization,
    options: { offerId: string; attemptId: string; email: string | null; payerId?: string | null },
    now?: Date,
  ) =>
    t.ctx.db.transaction((tx) =>
      grantCourseAccess(t.ctx, tx, {
        organizationId: organization.id,
        offerId: options.offerId,
        buyerEmail: options.email,
        buyerName: 'Пётр Покупателев',
        payerId: options.payerId ?? null,
        attemptId: options.attemptId,
        locale: 'ru',
        ...(now ? { now } : {}),
      }),
    );

  const account = async (organization: Organization, email: string) => {
    const [row] = await t.ctx.db.select().from(users).where(eq(users.email, email));
    expect(row?.organizationId).toBe(organization.id);
    if (!row) throw new Error('no account');
    return row;
  };

  it('lets money staff manage offers and shows an offer on sale to anyone', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx, 'manager');
    const offer = await createOffer(headers);
    expect(offer).toMatchObject({ ...offerBody, active: true });

    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/course-offers/${offer.id}`,
      headers,
      payload: { ...offerBody, title: 'ЕГЭ: математика', accessDays: 60 },
    });
    expect(edited.json()).toMatchObject({ title: 'ЕГЭ: математика', accessDays: 60 });

    const anonymous = { host: hostOf(organization) };
    const open = await t.app.inject({ url: `/api/course-offers/${offer.id}`, headers: anonymous });
    expect(open.json()).toEqual({
      id: offer.id,
      title: 'ЕГЭ: математика',
      description: 'Видеоуроки и задания',
      priceKopecks: 1_500_000,
      accessDays: 60,
    });

    await t.app.inject({
      method: 'PUT',
      url: `/api/staff/course-offers/${offer.id}`,
      headers,
      payload: { ...offerBody, active: false },
    });
    const offSale = await t.app.inject({
      url: `/api/course-offers/${offer.id}`,
      headers: anonymous,
    });
    expect(offSale.statusCode).toBe(404);
    const list = await t.app.inject({
      url: '/api/staff/course-offers?active=false',
      headers,
    });
    expect(list.json<{ items: CourseOffer[] }>().items.map((item) => item.id)).toEqual([offer.id]);

    const elsewhere = await createOrganization(t.ctx);
    const foreign = await t.app.inject({
      url: `/api/course-offers/${offer.id}`,
      headers: { host: hostOf(elsewhere) },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses teachers, strangers and invalid offers', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx, 'admin');
    const teacher = await createUser(t.ctx, organization, { role: 'teacher' });
    const teacherHeaders = await signInAs(t.app, organization, teacher.email);
    const asTeacher = await t.app.inject({
      url: '/api/staff/course-offers',
      headers: teacherHeaders,
    });
    expect(asTeacher.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      url: '/api/staff/course-offers',
      headers: { host: hostOf(organization) },
    });
    expect(anonymous.statusCode).toBe(401);
    const free = await t.app.inject({
      method: 'POST',
      url: '/api/staff/course-offers',
      headers,
      payload: { ...offerBody, priceKopecks: 0 },
    });
    expect([free.statusCode, free.json<{ error: { code: string } }>().error.code]).toEqual([
      400,
      'validation_failed',
    ]);
  });

  it('deletes an offer nobody paid for and keeps one with payments', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const unused = await createOffer(headers);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/staff/course-offers/${unused.id}`,
      headers,
    });
    expect(deleted.statusCode).toBe(204);
    const paid = await createOffer(headers);
    await paidAttempt(organization, paid.id);
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/staff/course-offers/${paid.id}`,
      headers,
    });
    expect([refused.statusCode, refused.json<{ error: { code: string } }>().error.code]).toEqual([
      409,
      'course_offer_has_payments',
    ]);
  });

  it('quotes the price and a description, and refuses an offer off sale', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const offer = await createOffer(headers, { ...offerBody, accessDays: 21 });
    const quote = await quoteCourseAccess(t.ctx.db, organization.id, offer.id);
    expect(quote).toEqual({
      amountKopecks: 1_500_000,
      description: 'Онлайн-курс «Подготовка к ЕГЭ по математике», доступ на 21 день',
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/staff/course-offers/${offer.id}`,
      headers,
      payload: { ...offerBody, active: false },
    });
    await expect(quoteCourseAccess(t.ctx.db, organization.id, offer.id)).rejects.toMatchObject({
      code: 'payment_course_access_unavailable',
    });
    const elsewhere = await createOrganization(t.ctx);
    await expect(quoteCourseAccess(t.ctx.db, elsewhere.id, offer.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('creates the account of a new buyer and sends the access invitation, never a password', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const offer = await createOffer(headers);
    const attempt = await paidAttempt(organization, offer.id);
    const before = Date.now();
    const result = await grant(organization, {
      offerId: offer.id,
      attemptId: attempt.id,
      email: '  Petr.Buyer@Example.com ',
    });
    expect(result).toMatchObject({
      accountCreated: true,
      grantedNow: true,
      previousValidUntil: null,
    });

    const created = await account(organization, 'petr.buyer@example.com');
    expect(created).toMatchObject({
      displayName: 'Пётр Покупателев',
      passwordHash: null,
      accessGrantedBy: 'payment',
      staffRole: null,
    });
    expect(created.accessOpenedAt).not.toBeNull();
    const until = created.accessValidUntil?.getTime() ?? 0;
    expect(until).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(until).toBeLessThanOrEqual(Date.now() + 30 * DAY);

    const [invitation, ...others] = await outboxOf(t.ctx, organization.id);
    expect(others).toEqual([]);
    expect(invitation).toMatchObject({
      template: 'invitation',
      toAddress: 'petr.buyer@example.com',
    });
    const token = /\/activate\?token=([\w-]+)/.exec(invitation?.textBody ?? '')?.[1];
    expect(token).toBeDefined();
    // No password exists to be sent: the person sets one through the link.
    expect(invitation?.textBody).toContain('задайте свой пароль по ссылке');

    const activated = await t.app.inject({
      method: 'POST',
      url: '/api/auth/activate',
      headers: { host: hostOf(organization) },
      payload: { token, newPassword: 'a brand new passphrase 2026' },
    });
    expect(activated.statusCode, activated.body).toBeLessThan(300);
  });

  it('grants once per attempt however often the payment is applied', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const offer = await createOffer(headers);
    const attempt = await paidAttempt(organization, offer.id);
    const options = { offerId: offer.id, attemptId: attempt.id, email: 'once@example.com' };
    const first = await grant(organization, options);
    const again = await grant(organization, options);
    expect(again).toEqual({ ...first, grantedNow: false });
    const rows = await t.ctx.db
      .select()
      .from(courseAccessGrants)
      .where(eq(courseAccessGrants.attemptId, attempt.id));
    expect(rows).toHaveLength(1);
    expect((await account(organization, 'once@example.com')).accessValidUntil).toEqual(
      first.validUntil,
    );
    expect(await outboxOf(t.ctx, organization.id)).toHaveLength(1);
  });

  it('extends the access period of an existing account from its end, or from now when it ended', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const offer = await createOffer(headers);
    const active = await createUser(t.ctx, organization, { role: null, name: 'Ольга' });
    const ended = await createUser(t.ctx, organization, { role: null, name: 'Олег', locale: 'en' });
    const now = new Date();
    const activeEnd = new Date(now.getTime() + 5 * DAY);
    await t.ctx.db
      .update(users)
      .set({ accessOpenedAt: now, accessValidUntil: activeEnd, accessGrantedBy: 'employer' })
      .where(eq(users.id, active.id));
    await t.ctx.db
      .update(users)
      .set({ accessOpenedAt: now, accessValidUntil: new Date(now.getTime() - 10 * DAY) })
      .where(eq(users.id, ended.id));

    const forActive = await paidAttempt(organization, offer.id);
    const extended = await grant(
      organization,
      { offerId: offer.id, attemptId: forActive.id, email: active.email },
      now,
    );
    expect(extended).toMatchObject({ accountCreated: false, userId: active.id });
    expect(extended.previousValidUntil).toEqual(activeEnd);
    expect(extended.validUntil).toEqual(new Date(activeEnd.getTime() + 30 * DAY));
    expect((await account(organization, active.email)).accessGrantedBy).toBe('payment');

    const forEnded = await paidAttempt(organization, offer.id);
    const restarted = await grant(
      organization,
      { offerId: offer.id, attemptId: forEnded.id, email: ended.email.toUpperCase() },
      now,
    );
    expect(restarted.validUntil).toEqual(new Date(now.getTime() + 30 * DAY));

    const mails = await outboxOf(t.ctx, organization.id, 'course_access_extended');
    expect(mails.map((mail) => [mail.toAddress, mail.locale])).toEqual([
      [active.email, 'ru'],
      [ended.email, 'en'],
    ]);
    expect(mails[0]?.subject).toBe('Доступ к курсу «Подготовка к ЕГЭ по математике» продлён');
    expect(mails[1]?.textBody).toContain('Your portal access is now open until');
    expect(await outboxOf(t.ctx, organization.id, 'invitation')).toEqual([]);
  });

  it('never shortens access without an end, and gives the signed-in payer access without an email', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const offer = await createOffer(headers);
    const unlimited = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db
      .update(users)
      .set({ accessOpenedAt: new Date(), accessValidUntil: null })
      .where(eq(users.id, unlimited.id));
    const attempt = await paidAttempt(organization, offer.id, unlimited.id);
    const result = await grant(organization, {
      offerId: offer.id,
      attemptId: attempt.id,
      email: null,
      payerId: unlimited.id,
    });
    expect(result).toMatchObject({ userId: unlimited.id, validUntil: null, accountCreated: false });
    const [mail] = await outboxOf(t.ctx, organization.id, 'course_access_extended');
    expect(mail?.textBody).toContain('не ограничен по сроку');
  });

  it('gives two payments of one new buyer one account with both periods', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const offer = await createOffer(headers);
    const attempts = [
      await paidAttempt(organization, offer.id),
      await paidAttempt(organization, offer.id),
    ];
    const now = new Date();
    await Promise.all(
      attempts.map((attempt) =>
        grant(
          organization,
          { offerId: offer.id, attemptId: attempt.id, email: 'twice@example.com' },
          now,
        ),
      ),
    );
    const person = await account(organization, 'twice@example.com');
    expect(person.accessValidUntil).toEqual(new Date(now.getTime() + 60 * DAY));
    const grants = await t.ctx.db
      .select()
      .from(courseAccessGrants)
      .where(eq(courseAccessGrants.userId, person.id));
    expect(grants.map((row) => row.accountCreated).sort()).toEqual([false, true]);
  });

  it('sells a course to a new person end to end: pay, invitation, receipt, no double grant', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const offer = await createOffer(headers);
    const payment = await startPayment(
      t,
      { host: hostOf(organization), cookie: '' },
      {
        purpose: 'course_access',
        targetId: offer.id,
        buyer: { email: 'new.learner@example.com', name: 'Новый Ученик' },
      },
    );
    expect(payment.amountKopecks).toBe(1_500_000);
    await payBySandboxCard(t.ctx, payment.providerPaymentId);
    for (let delivery = 0; delivery < 2; delivery++) {
      expect((await sendWebhook(t, payment.providerPaymentId)).statusCode).toBe(200);
    }
    const learner = await account(organization, 'new.learner@example.com');
    expect(learner).toMatchObject({ displayName: 'Новый Ученик', accessGrantedBy: 'payment' });
    const mails = await outboxOf(t.ctx, organization.id);
    expect(mails.map((mail) => [mail.template, mail.toAddress]).sort()).toEqual([
      ['invitation', 'new.learner@example.com'],
      ['payment_receipt', 'new.learner@example.com'],
    ]);
    const grants = await t.ctx.db
      .select()
      .from(courseAccessGrants)
      .where(eq(courseAccessGrants.attemptId, payment.paymentId));
    expect(grants).toMatchObject([{ userId: learner.id, accountCreated: true }]);
  });
});
