import type { FastifyInstance, InjectOptions } from 'fastify';
import type { AppContext } from '../../src/server/infra/context.js';
import {
  invalidateOrganizationDirectory,
  updateOrganizationTimeZone,
  type Organization,
} from '../../src/server/modules/orgs/index.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';

/** Headers of a signed-in person. */
export type Headers = { host: string; cookie: string };

/**
 * A staff API client for the classes tests: JSON in, `{ status, body }` out. The caller names the
 * body's contract type, as with fastify's `response.json<T>()`.
 */
/* eslint-disable @typescript-eslint/no-unnecessary-type-parameters */
export function staffApi(app: FastifyInstance, headers: Headers) {
  const call = async <T = unknown>(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const response = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
    return {
      status: response.statusCode,
      body: (response.body ? response.json() : null) as T,
    };
  };
  return {
    get: <T = unknown>(url: string) => call<T>('GET', url),
    post: <T = unknown>(url: string, payload: unknown = {}) => call<T>('POST', url, payload),
    put: <T = unknown>(url: string, payload: unknown) => call<T>('PUT', url, payload),
    patch: <T = unknown>(url: string, payload: unknown) => call<T>('PATCH', url, payload),
    delete: <T = unknown>(url: string) => call<T>('DELETE', url),
  };
}
/* eslint-enable @typescript-eslint/no-unnecessary-type-parameters */
export type StaffApi = ReturnType<typeof staffApi>;

/** A fresh organization (in `timeZone`) with a signed-in admin and an API client. */
export async function classesDesk(
  app: FastifyInstance,
  ctx: AppContext,
  options: { timeZone?: string; role?: 'admin' | 'manager' | 'teacher' | 'owner' } = {},
): Promise<{ organization: Organization; api: StaffApi; headers: Headers; userId: string }> {
  const organization = await createOrganization(ctx);
  if (options.timeZone) {
    await updateOrganizationTimeZone(ctx.db, organization.id, options.timeZone);
    // Requests resolve the organization from a cached directory: make them see the new zone.
    invalidateOrganizationDirectory();
    organization.timezone = options.timeZone;
  }
  const user = await createUser(ctx, organization, { role: options.role ?? 'admin' });
  const headers = await signInAs(app, organization, user.email);
  return { organization, api: staffApi(app, headers), headers, userId: user.id };
}

/** The element at `index`, failing the test when there is none. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined)
    throw new Error(`no element at ${String(index)} of ${String(list.length)}`);
  return item;
}
