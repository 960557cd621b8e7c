import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '../../src/shared/contracts/session.js';
import type { AppContext } from '../../src/server/infra/context.js';
import { createStaffUser } from '../../src/server/modules/access/index.js';
import {
  createOrganization as createOrg,
  type Organization,
} from '../../src/server/modules/orgs/index.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A new organization reachable at its own host name, so tests never share data. */
export async function createOrganization(
  ctx: AppContext,
  name = 'Тестовый центр',
): Promise<Organization> {
  const slug = `org-${randomBytes(5).toString('hex')}`;
  return createOrg(ctx.db, { slug, name, hostnames: [`${slug}.test`] });
}

/** The Host header that resolves to `organization`. */
export const hostOf = (organization: Organization) => organization.hostnames[0] ?? 'localhost';

export async function createUser(
  ctx: AppContext,
  organization: Organization,
  options: { role?: StaffRole | null; email?: string; name?: string; locale?: 'ru' | 'en' } = {},
) {
  const email = options.email ?? `person-${randomBytes(4).toString('hex')}@example.com`;
  const user = await createStaffUser(ctx.db, {
    organizationId: organization.id,
    email,
    displayName: options.name ?? 'Тестовый пользователь',
    role: options.role === undefined ? 'admin' : options.role,
    password: TEST_PASSWORD,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  // Tests address people by the email they were created with.
  return { ...user, email: user.email ?? email };
}

/** Signs in through the API; returns headers to send with later requests of that person. */
export async function signInAs(
  app: FastifyInstance,
  organization: Organization,
  email: string,
  password = TEST_PASSWORD,
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { host: hostOf(organization) },
    payload: { login: email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kabinet_session');
  if (!cookie) throw new Error('no session cookie');
  return { host: hostOf(organization), cookie: `kabinet_session=${cookie.value}` };
}

/** A staff member of a new organization, signed in. */
export async function createSignedInStaff(
  app: FastifyInstance,
  ctx: AppContext,
  role: StaffRole = 'admin',
) {
  const organization = await createOrganization(ctx);
  const user = await createUser(ctx, organization, { role });
  const headers = await signInAs(app, organization, user.email);
  return { organization, user, headers };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
