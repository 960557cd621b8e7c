import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZIdParams } from '../../../../shared/contracts/common.js';
import {
  ZCreatePushSubscriptionRequest,
  ZCreatePushSubscriptionResponse,
  ZNotificationListQuery,
  ZNotificationListResponse,
  ZNotificationPreferencesResponse,
  ZStaffNotificationListQuery,
  ZTestNotificationResponse,
  ZUpdateNotificationPreferencesRequest,
  ZVapidPublicKeyResponse,
} from '../../../../shared/contracts/notifications.js';
import { AppError } from '../../../infra/app-error.js';
import type { AppContext } from '../../../infra/context.js';
import type { Guards } from '../../access/index.js';
import { listNotificationLog } from './notification-log.js';
import {
  getPreferences,
  sendTestNotification,
  subscribePush,
  unsubscribePush,
  updatePreferences,
  type Person,
} from './notifications.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  429: ZErrorResponse,
};

function personOf(request: FastifyRequest): Person {
  if (!request.user) throw new AppError('unauthenticated');
  return { organizationId: request.organization.id, userId: request.user.id };
}

const tags = ['notifications'];
// A test push reaches every device of the person; a few a minute is plenty for the settings page.
const testLimit = { rateLimit: { max: 5, timeWindow: '1 minute' } };
const subscribeLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/** Web push subscriptions, preferences and the notification log (docs/notifications.md). */
export function notificationsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = guards.requireUser;

  r.get(
    '/api/notifications/vapid-public-key',
    {
      schema: {
        tags,
        summary: 'The VAPID public key (applicationServerKey for pushManager.subscribe)',
        response: { 200: ZVapidPublicKeyResponse },
      },
    },
    () => ({ publicKey: ctx.secrets.vapid.publicKey }),
  );

  r.post(
    '/api/notifications/push-subscriptions',
    {
      schema: {
        tags,
        summary: "Store this browser's push subscription for the signed-in person",
        description:
          'Upserts by endpoint (a browser re-subscribing, or another person signing in on it, takes the row over). The endpoint must be https on a host name with the default port; plain http only for loopback endpoints on an http development instance. A person keeps at most 10 devices: the oldest are forgotten. Errors: 400 push_endpoint_invalid.',
        body: ZCreatePushSubscriptionRequest,
        response: { 201: ZCreatePushSubscriptionResponse, ...errors },
      },
      config: subscribeLimit,
      preHandler: signedIn,
    },
    async (request, reply) => {
      const row = await subscribePush(ctx, personOf(request), request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  r.delete(
    '/api/notifications/push-subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Forget one of my push subscriptions (404 for anyone else’s)',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: signedIn,
    },
    async (request, reply) => {
      await unsubscribePush(ctx, personOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'My notification preferences (type × channel, defaults filled in)',
        response: { 200: ZNotificationPreferencesResponse, ...errors },
      },
      preHandler: signedIn,
    },
    (request) => getPreferences(ctx, personOf(request)),
  );

  r.put(
    '/api/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Change some of my notification preferences (the others stay)',
        body: ZUpdateNotificationPreferencesRequest,
        response: { 200: ZNotificationPreferencesResponse, ...errors },
      },
      preHandler: signedIn,
    },
    (request) => updatePreferences(ctx, personOf(request), request.body.preferences),
  );

  r.post(
    '/api/notifications/test',
    {
      schema: {
        tags,
        summary: 'Send a test push to every device of mine now',
        description: 'Errors: 409 push_not_enabled (no push subscription).',
        response: { 202: ZTestNotificationResponse, ...errors },
      },
      config: testLimit,
      preHandler: signedIn,
    },
    async (request, reply) => {
      const locale = request.user?.locale ?? 'ru';
      return reply.status(202).send(await sendTestNotification(ctx, personOf(request), locale));
    },
  );

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with their deliveries',
        querystring: ZNotificationListQuery,
        response: { 200: ZNotificationListResponse, ...errors },
      },
      preHandler: signedIn,
    },
    (request) =>
      listNotificationLog(ctx, personOf(request), {
        before: request.query.before,
        limit: request.query.limit,
        withErrors: false,
      }),
  );

  r.get(
    '/api/staff/notifications',
    {
      schema: {
        tags: ['staff'],
        summary:
          'The notification log of one person: what was sent, when, how, and whether it arrived',
        querystring: ZStaffNotificationListQuery,
        response: { 200: ZNotificationListResponse, ...errors },
      },
      preHandler: guards.requireStaff('owner', 'admin', 'manager', 'support_agent'),
    },
    (request) =>
      listNotificationLog(
        ctx,
        { organizationId: request.organization.id, userId: request.query.userId },
        { before: request.query.before, limit: request.query.limit, withErrors: true },
      ),
  );
}
