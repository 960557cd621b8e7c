import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsProvider, enqueueSms } from '../../src/server/modules/notify/sms/index.js';
import { deliverSms } from '../../src/server/modules/notify/sms/sms.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { smsOutbox, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createOrganization,
  createSignedInStaff,
  createUser,
  eventually,
  signInAs,
} from '../helpers/factories.js';

const API_ID = 'TEST-API-ID-1234';
const REFUSED_NUMBER = '79990000000';

interface ReceivedSms {
  apiId: string | null;
  to: string | null;
  msg: string | null;
  json: string | null;
}

/**
 * A stand-in for SMS.ru's documented HTTP API (GET /sms/send?api_id&to&msg&json=1): OK with an
 * sms_id, a per-number refusal for one number, and status ERROR for a wrong api_id.
 */
async function startSmsRuStandIn() {
  const received: ReceivedSms[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const sms: ReceivedSms = {
      apiId: url.searchParams.get('api_id'),
      to: url.searchParams.get('to'),
      msg: url.searchParams.get('msg'),
      json: url.searchParams.get('json'),
    };
    const reply = (body: object) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sms/send') {
      response.writeHead(404).end();
      return;
    }
    if (sms.apiId !== API_ID) {
      reply({ status: 'ERROR', status_code: 200, status_text: 'Неправильный api_id' });
      return;
    }
    received.push(sms);
    const to = sms.to ?? '';
    reply({
      status: 'OK',
      status_code: 100,
      sms: {
        [to]:
          to === REFUSED_NUMBER
            ? { status: 'ERROR', status_code: 207, status_text: 'На этот номер нельзя отправлять' }
            : { status: 'OK', status_code: 100, sms_id: `000000-${received.length}` },
      },
      balance: 42.5,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe('SMS outbox without a gateway (development sink)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ work: true });
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (organization: Organization, to: string) =>
    t.ctx.db.transaction((tx) =>
      enqueueSms(t.ctx, tx, {
        organizationId: organization.id,
        to,
        locale: 'ru',
        template: 'password_reset_code',
        data: { code: '123456', minutes: 10 },
      }),
    );

  it('keeps messages as stored and shows them to staff, newest first, page by page', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const first = await send(organization, '+79991112233');
    const second = await send(organization, '+79994445566');
    await eventually(async () => {
      const rows = await t.ctx.db
        .select()
        .from(smsOutbox)
        .where(eq(smsOutbox.organizationId, organization.id));
      return rows.every((row) => row.status === 'stored') ? rows : undefined;
    });

    const page = await t.app.inject({ url: '/api/staff/sms-outbox?limit=1', headers });
    expect(page.statusCode).toBe(200);
    const body = page.json<{ messages: { id: string; body: string }[]; nextBefore: string }>();
    expect(body.messages.map((m) => m.id)).toEqual([second.id]);
    expect(body.messages[0]?.body).toContain('123456');
    const next = await t.app.inject({
      url: `/api/staff/sms-outbox?limit=1&before=${body.nextBefore}`,
      headers,
    });
    expect(next.json<{ messages: { id: string; status: string }[] }>().messages).toMatchObject([
      { id: first.id, status: 'stored' },
    ]);
  });

  it('does not show the SMS outbox to customers or to other organizations', async () => {
    const { organization } = await createSignedInStaff(t.app, t.ctx);
    await send(organization, '+79991112233');
    const customer = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db
      .update(users)
      .set({ accessOpenedAt: new Date() })
      .where(eq(users.id, customer.id));
    const customerHeaders = await signInAs(t.app, organization, customer.email);
    const refused = await t.app.inject({ url: '/api/staff/sms-outbox', headers: customerHeaders });
    expect(refused.statusCode).toBe(403);

    const other = await createSignedInStaff(t.app, t.ctx);
    const list = await t.app.inject({ url: '/api/staff/sms-outbox', headers: other.headers });
    expect(list.json()).toEqual({ messages: [], nextBefore: null });
  });
});

describe('SMS through SMS.ru (a local stand-in of its HTTP API)', () => {
  let t: TestApp;
  let standIn: Awaited<ReturnType<typeof startSmsRuStandIn>>;
  beforeAll(async () => {
    standIn = await startSmsRuStandIn();
    t = await createTestApp({
      work: true,
      config: { smsUrl: `smsru+http://${API_ID}@127.0.0.1:${standIn.port}` },
    });
  });
  afterAll(async () => {
    await t.close();
    await standIn.close();
  });

  const send = (organization: Organization, to: string) =>
    t.ctx.db.transaction((tx) =>
      enqueueSms(t.ctx, tx, {
        organizationId: organization.id,
        to,
        locale: 'en',
        template: 'phone_change_code',
        data: { code: '654321', minutes: 10 },
      }),
    );
  const rowOf = async (id: string) => {
    const [row] = await t.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
    return row;
  };

  it('delivers through the sms.deliver job and records the gateway id', async () => {
    const organization = await createOrganization(t.ctx);
    const message = await send(organization, '+79997654321');
    const sent = await eventually(async () => {
      const row = await rowOf(message.id);
      return row?.status === 'sent' ? row : undefined;
    });
    expect(sent.providerMessageId).toMatch(/^000000-\d+$/);
    expect(sent.deliveredAt).not.toBeNull();
    const received = standIn.received.find((sms) => sms.to === '79997654321');
    expect(received).toEqual({
      apiId: API_ID,
      to: '79997654321',
      msg: 'Phone confirmation code: 654321. Valid 10 min.',
      json: '1',
    });
  });

  it("records the gateway's refusal of a number and fails on the last attempt", async () => {
    const organization = await createOrganization(t.ctx);
    // Not through the queue: the test drives the last attempt itself.
    const message = await t.ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(smsOutbox)
        .values({
          organizationId: organization.id,
          toPhone: `+${REFUSED_NUMBER}`,
          template: 'phone_change_code',
          locale: 'ru',
          body: 'Код: 111111',
        })
        .returning();
      return row;
    });
    if (!message) throw new Error('no row');
    await expect(deliverSms(t.ctx, message.id, false)).rejects.toThrow('207');
    expect(await rowOf(message.id)).toMatchObject({ status: 'pending', attempts: 1 });
    await expect(deliverSms(t.ctx, message.id, true)).rejects.toThrow('SMS.ru refused');
    const failed = await rowOf(message.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed?.lastError).toContain('На этот номер нельзя отправлять');
  });

  it('reports an error answer of the API without revealing the api_id', async () => {
    const provider = createSmsProvider(`smsru+http://WRONG-KEY@127.0.0.1:${standIn.port}`);
    if (!provider) throw new Error('no provider');
    const error = await provider.send({ to: '+79991234567', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('SMS.ru error 200: Неправильный api_id');
    expect((error as Error).message).not.toContain('WRONG-KEY');
  });

  it('reports an unreachable gateway', async () => {
    const closed = await startSmsRuStandIn();
    await closed.close();
    const provider = createSmsProvider(`smsru+http://${API_ID}@127.0.0.1:${closed.port}`);
    await expect(provider?.send({ to: '+79991234567', text: 'x' })).rejects.toThrow(
      'SMS.ru unreachable',
    );
  });

  it('reads the gateway from SMS_URL and refuses other schemes', () => {
    expect(createSmsProvider(undefined)).toBeNull();
    expect(createSmsProvider('smsru://KEY@sms.ru')?.name).toBe('sms.ru');
    expect(() => createSmsProvider('smtp://KEY@sms.ru')).toThrow('SMS_URL');
  });
});
