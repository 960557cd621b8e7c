import { describe, expect, it } from 'vitest';
import { readPayment, readRefund, YooKassaProtocolError } from './yookassa-wire.js';

// The payment object of YooKassa's «response format» documentation page.
const documentedPayment = {
  id: '23d93cac-000f-5000-8000-126628f15141',
  status: 'pending',
  paid: false,
  amount: { value: '100.00', currency: 'RUB' },
  confirmation: {
    type: 'redirect',
    confirmation_url:
      'https://yoomoney.ru/api-pages/v2/payment-confirm/epl?orderId=23d93cac-000f-5000-8000-126628f15141',
  },
  created_at: '2019-01-22T14:30:45.129Z',
  description: 'Order No. 1',
  metadata: {},
  recipient: { account_id: '100500', gateway_id: '100700' },
  refundable: false,
  test: false,
};

describe('reading YooKassa objects', () => {
  it('reads the documented pending payment', () => {
    expect(readPayment(documentedPayment)).toEqual({
      id: documentedPayment.id,
      status: 'pending',
      amountKopecks: 10_000,
      currency: 'RUB',
      confirmationUrl: documentedPayment.confirmation.confirmation_url,
      cancellation: null,
      paidWith: null,
      metadata: {},
      raw: documentedPayment,
    });
  });

  it('drops the confirmation link of a final payment', () => {
    const succeeded = { ...documentedPayment, status: 'succeeded', paid: true };
    expect(readPayment(succeeded).confirmationUrl).toBeNull();
  });

  it('names how a payment was made only once it is paid', () => {
    const card = { type: 'bank_card', id: 'x', saved: false, card: { last4: '4444' } };
    expect(readPayment({ ...documentedPayment, payment_method: card }).paidWith).toBeNull();
    const paid = { ...documentedPayment, status: 'succeeded', paid: true };
    expect(readPayment({ ...paid, payment_method: card }).paidWith).toBe('Карта *4444');
    const wallet = {
      type: 'yoo_money',
      id: 'x',
      saved: false,
      title: 'YooMoney wallet 410011758831136',
    };
    expect(readPayment({ ...paid, payment_method: wallet }).paidWith).toBe(
      'YooMoney wallet 410011758831136',
    );
  });

  it('keeps only the string values of metadata', () => {
    const metadata = { attemptId: 'a', organizationId: 'o', cms_name: 'yookassa_sdk', n: 5 };
    expect(readPayment({ ...documentedPayment, metadata }).metadata).toEqual({
      attemptId: 'a',
      organizationId: 'o',
      cms_name: 'yookassa_sdk',
    });
  });

  it.each([
    ['an unknown status', { ...documentedPayment, status: 'refunded' }],
    [
      'an amount with three decimals',
      { ...documentedPayment, amount: { value: '1.001', currency: 'RUB' } },
    ],
    ['a numeric amount', { ...documentedPayment, amount: { value: 100, currency: 'RUB' } }],
    ['no id', { ...documentedPayment, id: undefined }],
    ['an error object', { type: 'error', id: 'e', code: 'invalid_request' }],
  ])('refuses a payment with %s', (_what, raw) => {
    expect(() => readPayment(raw)).toThrow(YooKassaProtocolError);
  });

  it('reads a cancelled refund with its details', () => {
    const refund = {
      id: '216749f7-0016-50be-b000-078d43a63ae4',
      payment_id: '216749da-000f-50be-b000-096747fad91e',
      status: 'canceled',
      cancellation_details: { party: 'yoo_money', reason: 'insufficient_funds' },
      created_at: '2017-10-04T19:27:51.407Z',
      amount: { value: '1.50', currency: 'RUB' },
    };
    expect(readRefund(refund)).toEqual({
      id: refund.id,
      paymentId: refund.payment_id,
      status: 'canceled',
      amountKopecks: 150,
      cancellation: { party: 'yoo_money', reason: 'insufficient_funds' },
      raw: refund,
    });
  });
});
