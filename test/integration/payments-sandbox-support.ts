import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/server/infra/context.js';
import type { CreateProviderPaymentRequest } from '../../src/server/modules/payments/providers/provider.js';
import { createOrganization } from '../helpers/factories.js';

/** Helpers of the sandbox provider's tests (payments-sandbox*.int.test.ts). */

/** A creation request of a 1 000,50 ₽ payment of a new organization. */
export async function paymentRequest(
  ctx: AppContext,
  overrides: Partial<CreateProviderPaymentRequest> = {},
): Promise<CreateProviderPaymentRequest> {
  const organization = await createOrganization(ctx, 'Школа «Радуга»');
  return {
    idempotenceKey: randomUUID(),
    amountKopecks: 100_050,
    currency: 'RUB',
    method: 'card',
    description: 'Абонемент «8 занятий» — Миша',
    returnUrl: `${ctx.config.publicUrl}/cabinet/payments/return`,
    metadata: { attemptId: randomUUID(), organizationId: organization.id },
    receipt: {
      customer: { email: 'parent@example.com' },
      items: [
        {
          description: 'Абонемент «8 занятий»',
          quantity: 1,
          amountKopecks: 100_050,
          vatCode: 1,
          paymentMode: 'full_prepayment',
          paymentSubject: 'service',
        },
      ],
    },
    ...overrides,
  };
}

/** A form post from the sandbox page itself (same origin, as a browser marks it). */
export function postForm(app: FastifyInstance, url: string, fields: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Submits the card form of payment `id` with a valid future expiry date and CVC. */
export function payByCard(
  app: FastifyInstance,
  id: string,
  number: string,
  extra: Record<string, string> = {},
) {
  return postForm(app, `/sandbox/pay/${id}/card`, {
    number,
    expiry: '12/35',
    cvc: '123',
    holder: 'IVAN PETROV',
    ...extra,
  });
}

/** The notifications the sandbox queued for payment or refund `objectId`, oldest first. */
export async function queuedNotifications(ctx: AppContext, objectId: string) {
  const { rows } = await ctx.database.executor.executeSql(
    `select data, start_after, created_on from pgboss.job
      where name = 'payments.sandbox-notify' and data->'notification'->'object'->>'id' = $1
      order by created_on, start_after`,
    [objectId],
  );
  return rows.map((row) => {
    const data = row.data as {
      notification: { type: string; event: string; object: Record<string, unknown> };
    };
    return {
      ...data.notification,
      startAfter: new Date(row.start_after as string),
      createdOn: new Date(row.created_on as string),
    };
  });
}
