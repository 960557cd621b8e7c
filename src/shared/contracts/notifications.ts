import { z } from 'zod';

/**
 * Notifications (web push with email as the fallback): push subscriptions of the installed web
 * app, per-type × per-channel preferences, and the notification log (docs/notifications.md).
 */

/** What a notification is about. */
export const NOTIFICATION_TYPES = [
  'subscription_ending',
  'subscription_ended',
  'new_debt',
  'payment_succeeded',
  'payment_declined',
  'ticket_answered',
  'access_ending',
] as const;
export const ZNotificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof ZNotificationType>;

/** Types in the log: the above plus `test` (POST /api/notifications/test, push only). */
export const ZNotificationLogType = z.enum([...NOTIFICATION_TYPES, 'test']);
export type NotificationLogType = z.infer<typeof ZNotificationLogType>;

/** How a notification reaches the person. */
export const NOTIFICATION_CHANNELS = ['push', 'email'] as const;
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof ZNotificationChannel>;

/**
 * pending — waiting for delivery (maybe until quiet hours end); sent — delivered by at least one
 * channel; skipped — every channel is off for this type (or the person has no email and no push);
 * failed — every channel failed after all retries.
 */
export const ZNotificationStatus = z.enum(['pending', 'sent', 'skipped', 'failed']);
export type NotificationStatus = z.infer<typeof ZNotificationStatus>;

/**
 * One attempt on one channel: sent — the push service accepted it (2xx) or the email was handed
 * to the outbox; gone — the push service answered 404/410, the subscription was deleted;
 * failed — any other answer or a network error (retried).
 */
export const ZNotificationDeliveryStatus = z.enum(['sent', 'gone', 'failed']);

/** GET /api/notifications/vapid-public-key — the application server key for `pushManager.subscribe`. */
export const ZVapidPublicKeyResponse = z.object({
  /** base64url, uncompressed P-256 point (pass as `applicationServerKey`). */
  publicKey: z.string(),
});

/**
 * POST /api/notifications/push-subscriptions — `PushSubscription.toJSON()` of the browser plus the
 * user agent. The endpoint must be https; plain http is accepted only for loopback hosts
 * (127.0.0.1, ::1, localhost), where the tests run their local push service.
 */
export const ZCreatePushSubscriptionRequest = z.object({
  endpoint: z.url().max(2048),
  keys: z.object({
    /** The browser's P-256 public key, base64url (65 bytes decoded). */
    p256dh: z
      .string()
      .regex(/^[A-Za-z0-9_-]+=*$/)
      .min(80)
      .max(100),
    /** The 16-byte auth secret, base64url. */
    auth: z
      .string()
      .regex(/^[A-Za-z0-9_-]+=*$/)
      .min(16)
      .max(32),
  }),
  userAgent: z.string().max(500).optional(),
});
export type CreatePushSubscriptionRequest = z.infer<typeof ZCreatePushSubscriptionRequest>;
export const ZCreatePushSubscriptionResponse = z.object({ id: z.uuid() });

/** One preference: whether `type` is sent by `channel`. */
export const ZNotificationPreference = z.object({
  type: ZNotificationType,
  channel: ZNotificationChannel,
  enabled: z.boolean(),
});
export type NotificationPreference = z.infer<typeof ZNotificationPreference>;

/** GET /api/notifications/preferences — every type × channel (defaults filled in). */
export const ZNotificationPreferencesResponse = z.object({
  preferences: z.array(ZNotificationPreference),
  /** Push subscriptions (devices) the person has; zero means email goes instead of push. */
  pushSubscriptionCount: z.number().int(),
  /** Whether the person has an email address (the fallback channel). */
  hasEmail: z.boolean(),
  /** Quiet hours of the organization, local "HH:MM" (non-urgent notifications wait until `to`). */
  quietHours: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
});
export type NotificationPreferencesResponse = z.infer<typeof ZNotificationPreferencesResponse>;

/** PUT /api/notifications/preferences — the preferences to change (others stay). */
export const ZUpdateNotificationPreferencesRequest = z.object({
  preferences: z.array(ZNotificationPreference).min(1).max(50),
});
export type UpdateNotificationPreferencesRequest = z.infer<
  typeof ZUpdateNotificationPreferencesRequest
>;

/** POST /api/notifications/test — the queued test notification (see it in the log). */
export const ZTestNotificationResponse = z.object({ notificationId: z.uuid() });

/** One delivery attempt in the log. */
export const ZNotificationDelivery = z.object({
  channel: ZNotificationChannel,
  status: ZNotificationDeliveryStatus,
  /** The push service's HTTP status, when it answered. */
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  /** Device of a push attempt (its user agent), when the subscription still exists. */
  device: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});

/** One notification of the log. */
export const ZNotification = z.object({
  id: z.uuid(),
  type: ZNotificationLogType,
  title: z.string(),
  body: z.string(),
  /** Path in the app the notification opens. */
  url: z.string(),
  urgent: z.boolean(),
  status: ZNotificationStatus,
  createdAt: z.iso.datetime({ offset: true }),
  /** When quiet hours deferred it: not delivered before this time. */
  deliverAfter: z.iso.datetime({ offset: true }).nullable(),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
  deliveries: z.array(ZNotificationDelivery),
});
export type Notification = z.infer<typeof ZNotification>;

/** GET /api/notifications — the caller's own log, newest first. */
export const ZNotificationListQuery = z.object({
  /** `nextBefore` of the previous page. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const ZNotificationListResponse = z.object({
  notifications: z.array(ZNotification),
  nextBefore: z.string().nullable(),
});
export type NotificationListResponse = z.infer<typeof ZNotificationListResponse>;

/** GET /api/staff/notifications — the log of one person (staff). */
export const ZStaffNotificationListQuery = ZNotificationListQuery.extend({ userId: z.uuid() });

/** The JSON body of every push message (what the service worker receives). */
export const ZPushPayload = z.object({
  /** The notification's id (the service worker may use it as `tag`). */
  id: z.uuid(),
  type: ZNotificationLogType,
  title: z.string(),
  body: z.string(),
  /** Path to open on click (relative to the app's origin). */
  url: z.string(),
  /** Replaces an earlier notification with the same tag on the device. */
  tag: z.string().nullable(),
});
export type PushPayload = z.infer<typeof ZPushPayload>;
