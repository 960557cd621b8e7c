/** Error codes of the notify part (see errors.ts for the conventions: when each is thrown). */
export const NOTIFY_ERRORS = {
  /**
   * A push subscription whose endpoint is not an https URL on a host name with the default port
   * (plain http is accepted only for loopback endpoints on an http development instance).
   */
  push_endpoint_invalid: {
    status: 400,
    ru: 'Браузер прислал неподходящий адрес для уведомлений. Обновите страницу и включите уведомления снова.',
    en: 'The browser sent an unsuitable notification address. Reload the page and turn notifications on again.',
  },
  /** A test notification asked for by a person with no push subscription. */
  push_not_enabled: {
    status: 409,
    ru: 'Уведомления на этом устройстве не включены. Нажмите «Включить уведомления».',
    en: 'Notifications are not enabled on this device. Turn them on in the settings first.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;
