import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startYooKassaStandIn, type YooKassaStandIn } from '../helpers/yookassa-standin.js';

/**
 * The YooKassa stand-in answers what YooKassa documents for the requests our adapter never
 * sends (no key, no receipt…), so tests that rely on it trust it for the right reasons.
 */

let standIn: YooKassaStandIn;

beforeAll(async () => {
  standIn = await startYooKassaStandIn();
});

afterAll(async () => {
  await standIn.close();
});

const auth = () =>
  `Basic ${Buffer.from(`${standIn.shopId}:${standIn.secretKey}`).toString('base64')}`;

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${standIn.apiUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: auth(),
      'content-type': 'application/json',
      'idempotence-key': randomUUID(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json().catch(() => null);
  return { status: response.status, body: answer };
}

const receipt = (value: string) => ({
  customer: { email: 'parent@example.com' },
  items: [
    {
      description: 'Абонемент',
      quantity: 1,
      amount: { value, currency: 'RUB' },
      vat_code: 1,
      payment_mode: 'full_prepayment',
      payment_subject: 'service',
    },
  ],
});

const payment = (value = '100.00') => ({
  amount: { value, currency: 'RUB' },
  capture: true,
  confirmation: { type: 'redirect', return_url: 'https://kabinet.test/payments/1' },
  receipt: receipt(value),
});

describe('YooKassa stand-in', () => {
  it('answers a request without credentials with 401 invalid_credentials', async () => {
    const response = await fetch(`${standIn.apiUrl}/payments/${randomUUID()}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: 'error', code: 'invalid_credentials' });
  });

  it('requires an Idempotence-Key on POST', async () => {
    const response = await post('/payments', payment(), { 'idempotence-key': '' });
    expect(response).toMatchObject({
      status: 400,
      body: { type: 'error', code: 'invalid_request', parameter: 'Idempotence-Key' },
    });
  });

  it('refuses a payment without a receipt the way YooKassa words it', async () => {
    const withoutReceipt: Partial<ReturnType<typeof payment>> = payment();
    delete withoutReceipt.receipt;
    expect(await post('/payments', withoutReceipt)).toMatchObject({
      status: 400,
      body: {
        code: 'invalid_request',
        parameter: 'receipt',
        description: 'Receipt is missing or illegal',
      },
    });
  });

  it.each(['vat_code', 'payment_mode', 'payment_subject'])(
    'refuses a receipt item without %s',
    async (field) => {
      const body = payment();
      const item = Object.fromEntries(
        Object.entries(body.receipt.items[0] ?? {}).filter(([key]) => key !== field),
      );
      expect(
        await post('/payments', { ...body, receipt: { ...body.receipt, items: [item] } }),
      ).toMatchObject({
        status: 400,
        body: { code: 'invalid_request', parameter: `receipt.items.0.${field}` },
      });
    },
  );

  it('prices a receipt line as amount × quantity', async () => {
    const body = payment('300.00');
    const [item] = body.receipt.items;
    if (item) Object.assign(item, { quantity: 3, amount: { value: '100.00', currency: 'RUB' } });
    expect((await post('/payments', body)).status).toBe(200);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const response = await fetch(`${standIn.apiUrl}/payments`, {
      method: 'POST',
      headers: {
        authorization: auth(),
        'idempotence-key': randomUUID(),
        'content-type': 'text/plain',
      },
      body: 'amount=100',
    });
    expect(response.status).toBe(415);
  });

  it('pays on its checkout page and sends the person back to the return URL', async () => {
    const created = await post('/payments', payment());
    const { id, confirmation } = created.body as {
      id: string;
      confirmation: { confirmation_url: string };
    };
    const page = await fetch(confirmation.confirmation_url);
    expect(await page.text()).toContain('Оплатить');
    const paid = await fetch(confirmation.confirmation_url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe('https://kabinet.test/payments/1');
    expect(standIn.payment(id)).toMatchObject({ status: 'succeeded', paid: true });
  });

  it('posts a notification with the object as it is now', async () => {
    const { id } = (await post('/payments', payment())).body as { id: string };
    standIn.cancel(id, 'card_expired');
    const received: unknown[] = [];
    const hook = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = hook.address() as AddressInfo;
      const answer = await standIn.sendNotification(
        `http://127.0.0.1:${String(port)}/hook`,
        standIn.notification('payment.canceled', id),
      );
      expect(answer.status).toBe(200);
      expect(received).toEqual([
        {
          type: 'notification',
          event: 'payment.canceled',
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest's matcher
          object: expect.objectContaining({
            id,
            status: 'canceled',
            cancellation_details: { party: 'payment_network', reason: 'card_expired' },
          }),
        },
      ]);
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});
