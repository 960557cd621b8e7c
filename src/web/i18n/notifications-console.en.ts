import type { notificationsConsoleRu } from './notifications-console.ru.js';

/** English strings of the `notificationsConsole` namespace (same keys as Russian). */
export const notificationsConsoleEn: typeof notificationsConsoleRu = {};
