import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../../src/server/modules/payments/providers/provider.js';
import { YooKassaRequestError } from '../../src/server/modules/payments/providers/yookassa/yookassa.provider.js';
import { startYooKassaStandIn } from '../helpers/yookassa-standin.js';
import { paymentRequest, useYooKassaStandIn } from './payments-yookassa-support.js';

/** The YooKassa adapter against the stand-in: what is temporary and what is a refusal. */

const yooKassa = useYooKassaStandIn();
const { providerFor, requestsTo } = yooKassa;

describe('YooKassa adapter: failures', () => {
  it.each(['internal_error', 'too_many_requests', 'hang', 'drop_connection'] as const)(
    'treats %s as temporary: the same key may be tried again',
    async (failure) => {
      const quick = providerFor({}, { timeoutMs: 300 });
      const request = paymentRequest();
      yooKassa.standIn.failNext(failure);
      await expect(quick.createPayment(request)).rejects.toBeInstanceOf(ProviderUnavailableError);
      const payment = await quick.createPayment(request);
      expect(payment.status).toBe('pending');
    },
  );

  it('keeps YooKassa’s hint of when to retry after a 429', async () => {
    yooKassa.standIn.failNext('too_many_requests');
    const error = await yooKassa.provider
      .getPayment(randomUUID())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).retryAfterMs).toBe(1000);
  });

  it('asks again with the same key while YooKassa answers 202 processing', async () => {
    const request = paymentRequest();
    yooKassa.standIn.failNext('processing', 2);
    const payment = await yooKassa.provider.createPayment(request);
    expect(payment.status).toBe('pending');
    const calls = requestsTo('/payments').filter(
      (sent) => sent.idempotenceKey === request.idempotenceKey,
    );
    expect(calls).toHaveLength(3);
  });

  it('gives up for now when YooKassa keeps processing, with its retry hint', async () => {
    yooKassa.standIn.failNext('processing', 3);
    const error = await yooKassa.provider
      .createPayment(paymentRequest())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).retryAfterMs).toBe(100);
  });

  it('reports wrong credentials as a definite refusal naming YooKassa’s code', async () => {
    const wrong = providerFor({ secretKey: 'test_wrong' });
    const error = await wrong.getPayment(randomUUID()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(YooKassaRequestError);
    expect(error).not.toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toContain('401 invalid_credentials');
    expect((error as Error).message).not.toContain('test_wrong');
  });

  it('treats an API that cannot be reached as temporary', async () => {
    const gone = await startYooKassaStandIn();
    const apiUrl = gone.apiUrl;
    await gone.close();
    const error = await providerFor({ apiUrl })
      .getPayment(randomUUID())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
  });
});
