import { describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../../src/server/modules/payments/providers/provider.js';
import { YooKassaRequestError } from '../../src/server/modules/payments/providers/yookassa/yookassa.provider.js';
import {
  paymentRequest,
  refundRequest,
  type SentPayment,
  useYooKassaStandIn,
} from './payments-yookassa-support.js';

/** The YooKassa adapter against the local stand-in of YooKassa's API: payments and notifications. */

const yooKassa = useYooKassaStandIn();
const { requestsTo } = yooKassa;

describe('YooKassa adapter: creating payments', () => {
  it('sends the documented request and reads the pending payment back', async () => {
    const request = paymentRequest();
    const payment = await yooKassa.provider.createPayment(request);

    expect(payment).toMatchObject({
      status: 'pending',
      amountKopecks: 100_000,
      currency: 'RUB',
      cancellation: null,
      paidWith: null,
      metadata: request.metadata,
    });
    expect(payment.confirmationUrl).toBe(
      `${new URL(yooKassa.standIn.apiUrl).origin}/checkout/${payment.id}`,
    );

    const sent = requestsTo('/payments').at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.idempotenceKey).toBe(request.idempotenceKey);
    const credentials = Buffer.from(
      `${yooKassa.standIn.shopId}:${yooKassa.standIn.secretKey}`,
    ).toString('base64');
    expect(sent?.authorization).toBe(`Basic ${credentials}`);
    expect(sent?.body).toEqual({
      amount: { value: '1000.00', currency: 'RUB' },
      capture: true,
      confirmation: { type: 'redirect', return_url: request.returnUrl },
      payment_method_data: { type: 'bank_card' },
      description: request.description,
      metadata: request.metadata,
      receipt: {
        customer: { email: 'parent@example.com' },
        items: [
          {
            description: 'Абонемент «8 занятий»',
            quantity: 1,
            amount: { value: '1000.00', currency: 'RUB' },
            vat_code: 1,
            payment_mode: 'full_prepayment',
            payment_subject: 'service',
          },
        ],
      },
    });
  });

  it('asks for SBP, sends a phone digits only, and cuts a long description to 128 characters', async () => {
    const request = paymentRequest({
      method: 'sbp',
      amountKopecks: 150_029,
      description: 'Я'.repeat(200),
      receipt: {
        customer: { phone: '+7 (900) 123-45-67' },
        items: [
          {
            description: 'Занятие в долг',
            quantity: 2,
            amountKopecks: 50_000,
            vatCode: 1,
            paymentMode: 'full_payment',
            paymentSubject: 'service',
          },
          {
            description: 'Пополнение баланса',
            quantity: 1,
            amountKopecks: 50_029,
            vatCode: 1,
            paymentMode: 'full_prepayment',
            paymentSubject: 'payment',
          },
        ],
      },
    });
    const payment = await yooKassa.provider.createPayment(request);
    expect(payment.amountKopecks).toBe(150_029);

    const body = requestsTo('/payments').at(-1)?.body as SentPayment;
    expect(body.amount).toEqual({ value: '1500.29', currency: 'RUB' });
    expect(body.payment_method_data).toEqual({ type: 'sbp' });
    expect(Array.from(body.description)).toHaveLength(128);
    expect(body.receipt.customer).toEqual({ phone: '79001234567' });
    expect(body.receipt.items[0]).toMatchObject({ quantity: 2, amount: { value: '500.00' } });
    expect(body.receipt.items[1]).toMatchObject({
      amount: { value: '500.29' },
      payment_subject: 'payment',
    });
  });

  it('gets the same payment when a lost answer is retried with the same key', async () => {
    const request = paymentRequest();
    yooKassa.standIn.failNext('internal_error_after_processing');
    await expect(yooKassa.provider.createPayment(request)).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );

    const before = yooKassa.standIn.requests.length;
    const retried = await yooKassa.provider.createPayment(request);
    const again = await yooKassa.provider.createPayment(request);
    expect(again.id).toBe(retried.id);
    expect(yooKassa.standIn.requests.length).toBe(before + 2);
    const created = requestsTo('/payments').filter(
      (sent) => sent.idempotenceKey === request.idempotenceKey,
    );
    expect(created).toHaveLength(3);
    // Three calls, one payment at YooKassa.
    const withThisAttempt = yooKassa.standIn
      .payments()
      .filter((payment) => payment.metadata.attemptId === request.metadata.attemptId);
    expect(withThisAttempt.map((payment) => payment.id)).toEqual([retried.id]);
  });

  it('refuses definitely when the same key comes with a different request', async () => {
    const request = paymentRequest();
    await yooKassa.provider.createPayment(request);
    const error = await yooKassa.provider
      .createPayment({ ...request, amountKopecks: 200_000 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(YooKassaRequestError);
    expect(error).not.toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 'invalid_request',
      parameter: 'Idempotence-Key',
    });
    expect((error as Error).message).toContain('Idempotence key duplicated');
  });

  it('passes on YooKassa’s refusal of a receipt that does not add up to the amount', async () => {
    const request = paymentRequest({ amountKopecks: 100_001 });
    const error = await yooKassa.provider.createPayment(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(YooKassaRequestError);
    expect(error).toMatchObject({ code: 'invalid_request', parameter: 'receipt.items' });
  });

  it('passes on the refusal of a receipt without a customer contact', async () => {
    const request = paymentRequest();
    request.receipt.customer = {};
    const error = await yooKassa.provider.createPayment(request).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_request', parameter: 'receipt.customer' });
  });
});

describe('YooKassa adapter: notifications', () => {
  it('reads the documented notifications of payments and refunds as hints to re-fetch', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    yooKassa.standIn.succeed(id);
    expect(
      yooKassa.provider.parseNotification(yooKassa.standIn.notification('payment.succeeded', id)),
    ).toEqual({
      event: 'payment.succeeded',
      objectType: 'payment',
      objectId: id,
    });
    const refund = await yooKassa.provider.createRefund(refundRequest(id, 100_000));
    expect(
      yooKassa.provider.parseNotification(
        yooKassa.standIn.notification('refund.succeeded', refund.id),
      ),
    ).toEqual({
      event: 'refund.succeeded',
      objectType: 'refund',
      objectId: refund.id,
    });
  });

  it('checks the source address against the configured allow-list', () => {
    expect(yooKassa.provider.isAllowedNotificationSource('185.71.76.10')).toBe(true);
    expect(yooKassa.provider.isAllowedNotificationSource('::ffff:185.71.76.10')).toBe(true);
    expect(yooKassa.provider.isAllowedNotificationSource('2a02:5180::15')).toBe(true);
    expect(yooKassa.provider.isAllowedNotificationSource('127.0.0.1')).toBe(false);
    expect(yooKassa.provider.isAllowedNotificationSource('185.71.77.1')).toBe(false);
  });
});
