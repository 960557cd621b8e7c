import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/infra/context.js';
import { issueFirstAdminLink } from '../../src/server/modules/access/index.js';
import { enqueueEmail } from '../../src/server/modules/notify/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { deliverOutboxMessage } from '../../src/server/modules/notify/outbox.service.js';
import { mailOutbox } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, eventually, hostOf } from '../helpers/factories.js';

/** Enqueues a welcome email to `address` for `organization`, as a service would. */
function sendWelcome(ctx: AppContext, organization: Organization, address: string) {
  return ctx.db.transaction((tx) =>
    enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address, name: 'Светлана Игоревна Орлова' },
      locale: 'ru',
      template: 'welcome_owner',
      data: {
        displayName: 'Светлана Игоревна Орлова',
        organizationName: organization.name,
        consoleUrl: 'http://kabinet.test/console',
      },
    }),
  );
}

const readRow = async (ctx: AppContext, id: string) => {
  const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
};

describe('mail without an SMTP relay', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ work: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps the welcome email in the outbox as stored', async () => {
    const organization = await createOrganization(t.ctx);
    const link = await issueFirstAdminLink(t.ctx, organization.id);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/setup/${link?.split('/setup/')[1] ?? ''}`,
      headers: { host: hostOf(organization) },
      payload: {
        displayName: 'Владелец',
        email: 'owner@example.com',
        password: 'пароль владельца',
      },
    });
    expect(response.statusCode).toBe(200);
    const [pending] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.organizationId, organization.id));
    expect(pending?.template).toBe('welcome_owner');

    const stored = await eventually(async () => {
      const row = await readRow(t.ctx, pending?.id ?? '');
      return row.status === 'stored' ? row : undefined;
    });
    expect(stored.attempts).toBe(1);
    expect(stored.deliveredAt).toBeInstanceOf(Date);
  });
});

interface Received {
  rcptTo: string[];
  mail: ParsedMail;
}

describe('mail through an SMTP relay', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: Received[] = [];
  const REFUSED = 'refused@example.com';
  const SLOW = 'slow@example.com';
  let slowStartedAt = 0;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(stream).then(
          (mail) => {
            if (rcptTo.some((address) => address.startsWith('slow'))) {
              slowStartedAt = Date.now();
              setTimeout(() => {
                received.push({ rcptTo, mail });
                callback();
              }, 3000);
              return;
            }
            if (rcptTo.includes(REFUSED)) {
              const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
              callback(error);
              return;
            }
            received.push({ rcptTo, mail });
            callback();
          },
          (error: unknown) => {
            callback(error instanceof Error ? error : new Error(String(error)));
          },
        );
      },
    });
    await new Promise<void>((resolve) => {
      smtp.listen(0, '127.0.0.1', resolve);
    });
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({
      work: true,
      config: {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        mailFrom: '"Личный кабинет" <noreply@kabinet.test>',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => {
      smtp.close(resolve);
    });
  });

  const receivedBy = (address: string) => received.filter((r) => r.rcptTo.includes(address));

  it('delivers a Russian email intact and marks it sent', async () => {
    const organization = await createOrganization(t.ctx, 'Центр «Знание»');
    const address = 'svetlana@example.com';
    const row = await sendWelcome(t.ctx, organization, address);

    const { mail } = await eventually(() => Promise.resolve(receivedBy(address)[0]));
    expect(mail.subject).toBe('Личный кабинет «Центр «Знание»» готов к работе');
    expect(mail.from?.value).toEqual([{ address: 'noreply@kabinet.test', name: 'Личный кабинет' }]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toEqual([{ address, name: 'Светлана Игоревна Орлова' }]);
    expect(mail.text).toContain('Здравствуйте, Светлана Игоревна Орлова!');
    expect(mail.html).toContain('Здравствуйте, Светлана Игоревна Орлова!');
    expect(mail.messageId).toBe(row.messageId);

    const sent = await eventually(async () => {
      const current = await readRow(t.ctx, row.id);
      return current.status === 'sent' ? current : undefined;
    });
    expect(sent).toMatchObject({ attempts: 1, lastError: null });
  });

  it('sends nothing more when delivery runs again for a sent email', async () => {
    const organization = await createOrganization(t.ctx);
    const address = 'once@example.com';
    const row = await sendWelcome(t.ctx, organization, address);
    await eventually(async () =>
      (await readRow(t.ctx, row.id)).status === 'sent' ? true : undefined,
    );

    const payload = { outboxId: row.id, organizationId: organization.id };
    expect(await t.ctx.queue.runNow(t.ctx, 'mail.deliver', new Date(), payload)).toBe(true);
    expect(await t.ctx.queue.runNow(t.ctx, 'mail.deliver', new Date(), payload)).toBe(true);
    expect(receivedBy(address)).toHaveLength(1);
    expect((await readRow(t.ctx, row.id)).attempts).toBe(1);
  });

  it('keeps a refused email pending with the reason, and retries the job', async () => {
    const organization = await createOrganization(t.ctx);
    const row = await sendWelcome(t.ctx, organization, REFUSED);

    // The job is rescheduled once the handler has thrown (after the row is updated).
    const job = await eventually(async () => {
      const { rows } = await t.ctx.database.executor.executeSql(
        `select state, retry_count from pgboss.job where name = 'mail.deliver' and data->>'outboxId' = $1`,
        [row.id],
      );
      return rows[0]?.state === 'retry' ? rows : undefined;
    });
    expect(job).toEqual([{ state: 'retry', retry_count: 0 }]);
    const refused = await readRow(t.ctx, row.id);
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, deliveredAt: null });
    expect(refused.lastError).toMatch(/550|Mailbox unavailable/);
    expect(receivedBy(REFUSED)).toHaveLength(0);
  });

  it('keeps the database responsive while a slow relay takes its time', async () => {
    const organization = await createOrganization(t.ctx);
    const row = await sendWelcome(t.ctx, organization, SLOW);
    await eventually(() => Promise.resolve(slowStartedAt || undefined));

    // The relay holds the message for three seconds; a query meanwhile must not wait for it.
    const started = Date.now();
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await readRow(t.ctx, row.id)).status).toBe('pending');
    await eventually(async () =>
      (await readRow(t.ctx, row.id)).status === 'sent' ? true : undefined,
    );
  });

  it('sends a message once when several workers deliver it at the same time', async () => {
    const organization = await createOrganization(t.ctx);
    const address = 'slow-twice@example.com';
    const row = await sendWelcome(t.ctx, organization, address);
    // The worker's own job races these two direct deliveries; only one may claim the message.
    await Promise.all([
      deliverOutboxMessage(t.ctx, row.id, false),
      deliverOutboxMessage(t.ctx, row.id, false),
    ]);
    await eventually(async () =>
      (await readRow(t.ctx, row.id)).status === 'sent' ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receivedBy(address)).toHaveLength(1);
    expect((await readRow(t.ctx, row.id)).attempts).toBe(1);
  });
});
