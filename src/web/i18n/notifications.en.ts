import type { notificationsRu } from './notifications.ru.js';

/** English strings of the `notifications` namespace (same keys as Russian). */
export const notificationsEn: typeof notificationsRu = {};
