/** `/settings/notifications`: push permission and per-type × per-channel preferences. */
export function NotificationsSettingsPage() {
  return null;
}
