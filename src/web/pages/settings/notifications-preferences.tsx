import { Alert, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  type NotificationPreferencesResponse,
} from '../../../shared/contracts/notifications.js';
import { useUpdateNotificationPreferences } from '../../api/notifications.js';
import { currentLocale } from '../../i18n/index.js';

/** Props of the preference grid and the quiet-hours note. */
interface PreferencesProps {
  settings: NotificationPreferencesResponse;
}

/**
 * Notification types × channels (push, email), one switch each; a switch saves itself at once
 * (PUT), and the result is announced in a live region.
 */
export function NotificationPreferencesGrid({ settings }: PreferencesProps) {
  const { t } = useTranslation();
  const update = useUpdateNotificationPreferences();
  const enabled = (type: string, channel: string) =>
    settings.preferences.find((p) => p.type === type && p.channel === channel)?.enabled ?? false;

  return (
    <Paper p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="sm">
        <Title order={3} id="notification-preferences">
          {t('notifications.grid.title')}
        </Title>
        <Text>{t('notifications.grid.intro')}</Text>
        <Table.ScrollContainer minWidth={300}>
          <Table aria-labelledby="notification-preferences" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notifications.grid.type')}</Table.Th>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <Table.Th key={channel} ta="center">
                    {t(`notifications.channels.${channel}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {NOTIFICATION_TYPES.map((type) => (
                <Table.Tr key={type}>
                  <Table.Th scope="row" fw={400}>
                    {t(`notifications.types.${type}`)}
                  </Table.Th>
                  {NOTIFICATION_CHANNELS.map((channel) => (
                    <Table.Td key={channel}>
                      <Switch
                        aria-label={t('notifications.grid.switchLabel', {
                          type: t(`notifications.types.${type}`),
                          channel: t(`notifications.channels.${channel}`),
                        })}
                        checked={enabled(type, channel)}
                        onChange={(event) => {
                          update.mutate([{ type, channel, enabled: event.currentTarget.checked }]);
                        }}
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <div role="status" aria-live="polite">
          {update.isSuccess && (
            <Text size="sm" c="teal">
              {t('notifications.grid.saved')}
            </Text>
          )}
        </div>
        {update.error && (
          <Alert color="red" variant="light" role="alert">
            {update.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** `Europe/Moscow` as people say it («Москва, стандартное время»), or as is if unknown. */
function timeZoneName(timeZone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(
      new Date(),
    );
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** The organization's quiet hours and the rule that payment results come at once. */
export function QuietHoursNote({ settings }: PreferencesProps) {
  const { t } = useTranslation();
  const { from, to } = settings.quietHours;
  const timeZone = timeZoneName(settings.quietHours.timeZone, currentLocale());
  return (
    <Paper p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="xs">
        <Title order={3}>{t('notifications.quiet.title')}</Title>
        <Text>{t('notifications.quiet.body', { from, to, timeZone })}</Text>
      </Stack>
    </Paper>
  );
}
