import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { YooKassaRequestError } from '../../src/server/modules/payments/providers/yookassa/yookassa.provider.js';
import {
  adapterFor,
  paymentRequest,
  refundRequest,
  useYooKassaStandIn,
} from './payments-yookassa-support.js';
import { startYooKassaStandIn } from '../helpers/yookassa-standin.js';

/** The YooKassa adapter against the stand-in: statuses, capture and refunds. */

const yooKassa = useYooKassaStandIn();
const { requestsTo } = yooKassa;

describe('YooKassa adapter: statuses', () => {
  it('reads a card payment that succeeded, with the card’s last digits', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    yooKassa.standIn.succeed(id, { last4: '1111' });
    const payment = await yooKassa.provider.getPayment(id);
    expect(payment).toMatchObject({
      id,
      status: 'succeeded',
      amountKopecks: 100_000,
      confirmationUrl: null,
      cancellation: null,
      paidWith: 'Карта *1111',
    });
    expect(payment.raw).toMatchObject({ id, paid: true });
  });

  it('reads an SBP payment that succeeded as «СБП»', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest({ method: 'sbp' }));
    yooKassa.standIn.succeed(id);
    expect(await yooKassa.provider.getPayment(id)).toMatchObject({
      status: 'succeeded',
      paidWith: 'СБП',
    });
  });

  it('reads a declined payment with YooKassa’s cancellation details', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    yooKassa.standIn.cancel(id, 'insufficient_funds', 'payment_network');
    expect(await yooKassa.provider.getPayment(id)).toMatchObject({
      status: 'canceled',
      confirmationUrl: null,
      paidWith: null,
      cancellation: { party: 'payment_network', reason: 'insufficient_funds' },
    });
  });

  it('reads an expired payment as cancelled by YooKassa', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    yooKassa.standIn.cancel(id, 'expired_on_confirmation', 'yoo_kassa');
    const payment = await yooKassa.provider.getPayment(id);
    expect(payment.cancellation).toEqual({ party: 'yoo_kassa', reason: 'expired_on_confirmation' });
  });

  it('captures an authorised payment, once for a repeated key', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    yooKassa.standIn.authorize(id, { last4: '4242' });
    expect(await yooKassa.provider.getPayment(id)).toMatchObject({
      status: 'waiting_for_capture',
      paidWith: 'Карта *4242',
    });

    const key = randomUUID();
    const captured = await yooKassa.provider.capturePayment(id, key);
    expect(captured).toMatchObject({ id, status: 'succeeded', amountKopecks: 100_000 });
    // A retry of the same capture is answered from YooKassa's idempotence store.
    expect(await yooKassa.provider.capturePayment(id, key)).toMatchObject({ status: 'succeeded' });
    const captures = requestsTo(`/payments/${id}/capture`);
    expect(captures.map((sent) => sent.idempotenceKey)).toEqual([key, key]);
    expect(captures[0]?.body).toEqual({});
  });

  it('refuses definitely to capture a payment that is not authorised', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    await expect(yooKassa.provider.capturePayment(id, randomUUID())).rejects.toBeInstanceOf(
      YooKassaRequestError,
    );
  });

  it('reports an unknown payment as a definite not_found', async () => {
    const error = await yooKassa.provider
      .getPayment(randomUUID())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(YooKassaRequestError);
    expect(error).toMatchObject({ httpStatus: 404, code: 'not_found' });
  });
});

describe('YooKassa adapter: refunds', () => {
  async function paidPayment() {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    yooKassa.standIn.succeed(id);
    return id;
  }

  it('refunds part of a payment with its own receipt, and no more than was paid', async () => {
    const paymentId = await paidPayment();
    const request = refundRequest(paymentId, 30_000);
    const refund = await yooKassa.provider.createRefund(request);
    expect(refund).toMatchObject({
      paymentId,
      status: 'succeeded',
      amountKopecks: 30_000,
      cancellation: null,
    });
    expect(await yooKassa.provider.getRefund(refund.id)).toMatchObject({
      id: refund.id,
      status: 'succeeded',
    });

    const sent = requestsTo('/refunds').at(-1);
    expect(sent?.idempotenceKey).toBe(request.idempotenceKey);
    expect(sent?.body).toMatchObject({
      payment_id: paymentId,
      amount: { value: '300.00', currency: 'RUB' },
      description: 'Возврат по заявлению',
      receipt: { customer: { email: 'parent@example.com' }, items: [{ vat_code: 1 }] },
    });
    expect(yooKassa.standIn.payment(paymentId).refunded_amount).toEqual({
      value: '300.00',
      currency: 'RUB',
    });

    const tooMuch = await yooKassa.provider
      .createRefund(refundRequest(paymentId, 70_001))
      .catch((caught: unknown) => caught);
    expect(tooMuch).toBeInstanceOf(YooKassaRequestError);
    expect(tooMuch).toMatchObject({ code: 'invalid_request', parameter: 'amount.value' });
    await expect(
      yooKassa.provider.createRefund(refundRequest(paymentId, 70_000)),
    ).resolves.toMatchObject({
      status: 'succeeded',
    });
  });

  it('refuses to refund a payment that has not succeeded', async () => {
    const { id } = await yooKassa.provider.createPayment(paymentRequest());
    await expect(yooKassa.provider.createRefund(refundRequest(id, 10_000))).rejects.toMatchObject({
      code: 'invalid_request',
      parameter: 'payment_id',
    });
  });

  it('follows a pending refund to succeeded or canceled', async () => {
    const slow = await startYooKassaStandIn({ refundStatus: 'pending' });
    try {
      const slowProvider = adapterFor(slow);
      const { id } = await slowProvider.createPayment(paymentRequest());
      slow.succeed(id);
      const first = await slowProvider.createRefund(refundRequest(id, 40_000));
      const second = await slowProvider.createRefund(refundRequest(id, 60_000));
      expect([first.status, second.status]).toEqual(['pending', 'pending']);
      // Pending refunds hold their amount: nothing is left to refund.
      await expect(slowProvider.createRefund(refundRequest(id, 1))).rejects.toBeInstanceOf(
        YooKassaRequestError,
      );

      slow.completeRefund(first.id);
      slow.cancelRefund(second.id, 'insufficient_funds');
      expect(await slowProvider.getRefund(first.id)).toMatchObject({ status: 'succeeded' });
      expect(await slowProvider.getRefund(second.id)).toMatchObject({
        status: 'canceled',
        cancellation: { party: 'yoo_money', reason: 'insufficient_funds' },
      });
    } finally {
      await slow.close();
    }
  });
});
