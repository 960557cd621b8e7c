import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNotificationPreferences, useOwnNotificationLog } from '../../api/notifications.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { PushDeviceCard } from './notifications-device-card.js';
import { isIosOutsideHomeScreen } from './notifications-device.js';
import { NotificationLog } from './notifications-log.js';
import { NotificationPreferencesGrid, QuietHoursNote } from './notifications-preferences.js';

/**
 * `/settings/notifications`: push on this device (the permission is asked only when the person
 * presses «Включить уведомления», never on load), how to get push on an iPhone, which
 * notifications come by which channel, quiet hours, and the recent notifications.
 */
export function NotificationsSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const settings = useNotificationPreferences();
  const log = useOwnNotificationLog();
  const ios = isIosOutsideHomeScreen();

  return (
    <Stack gap="md" maw={820}>
      <Title order={2}>{t('notifications.title')}</Title>
      <Text>{t('notifications.intro')}</Text>
      {ios && (
        <Alert color="yellow" variant="filled" title={t('notifications.ios.title')}>
          {t('notifications.ios.body')}
        </Alert>
      )}
      <PushDeviceCard settings={settings.data} iosOutsideHomeScreen={ios} />
      {settings.data ? (
        <>
          <NotificationPreferencesGrid settings={settings.data} />
          <QuietHoursNote settings={settings.data} />
        </>
      ) : (
        <QueryState query={settings} />
      )}
      <Stack gap="sm">
        <Title order={3}>{t('notifications.log.title')}</Title>
        <NotificationLog log={log} />
      </Stack>
    </Stack>
  );
}
