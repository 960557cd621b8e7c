import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreferencesResponse } from '../../../shared/contracts/notifications.js';
import {
  useRefreshNotificationPreferences,
  useSendTestNotification,
} from '../../api/notifications.js';
import { usePushDevice, type PushDeviceState } from './notifications-device.js';

/** Props of PushDeviceCard. */
interface PushDeviceCardProps {
  /** For the device count and the "nothing can reach you" warning; absent while loading. */
  settings: NotificationPreferencesResponse | undefined;
  /** On an iPhone/iPad outside the Home Screen the iOS note replaces "not supported". */
  iosOutsideHomeScreen: boolean;
}

/** What the last action ended with, said once in the live region. */
type Notice = 'enabledNow' | 'disabledNow' | 'dismissed' | 'testSent' | { error: string };

const STATE_TEXT = {
  checking: 'checking',
  unsupported: 'unsupported',
  blocked: 'blocked',
  off: 'off',
  on: 'enabled',
} as const satisfies Record<PushDeviceState, string>;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Push on this device: its state (on / off / blocked by the browser with how to unblock / not
 * supported), «Включить уведомления» — the only place the permission is asked —, «Отключить на
 * этом устройстве» and «Отправить тестовое уведомление».
 */
export function PushDeviceCard({ settings, iosOutsideHomeScreen }: PushDeviceCardProps) {
  const { t } = useTranslation();
  const device = usePushDevice();
  const refresh = useRefreshNotificationPreferences();
  const sendTest = useSendTestNotification();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Subscribed here, yet the server knows no device of this person (another account took this
  // browser over, or the push service dropped it): offer to turn it on again, which re-registers.
  const state =
    device.state === 'on' && settings?.pushSubscriptionCount === 0 ? 'off' : device.state;

  /** Runs an action; the buttons change afterwards, so focus goes to the state it produced. */
  const run = async (action: () => Promise<Notice | null>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ error: t('notifications.device.failed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(false);
      await refresh();
      statusRef.current?.focus();
    }
  };

  const enable = () =>
    run(async () => {
      const outcome = await device.enable();
      if (outcome === 'on') return 'enabledNow';
      return outcome === 'dismissed' ? 'dismissed' : null;
    });
  const disable = () =>
    run(async () => {
      await device.disable();
      return 'disabledNow';
    });

  const stateText =
    state === 'unsupported' && iosOutsideHomeScreen
      ? t('notifications.device.iosUnsupported')
      : t(`notifications.device.${STATE_TEXT[state]}`);
  const count = settings?.pushSubscriptionCount ?? 0;

  return (
    <Paper p={{ base: 'md', xs: 'lg' }} withBorder>
      <Stack gap="sm">
        <Title order={3}>{t('notifications.device.title')}</Title>
        <div role="status" aria-live="polite">
          <Text ref={statusRef} tabIndex={-1} fw={500} style={{ outlineOffset: 2 }}>
            {stateText}
          </Text>
          {typeof notice === 'string' && (
            <Text c={notice === 'dismissed' ? 'orange.8' : 'teal.8'}>
              {t(`notifications.device.${notice}`)}
            </Text>
          )}
        </div>
        {notice !== null && typeof notice === 'object' && (
          <Alert color="red" variant="light" role="alert">
            {notice.error}
          </Alert>
        )}
        {state === 'blocked' && (
          <Alert color="orange" variant="light">
            {t('notifications.device.unblockHint')}
          </Alert>
        )}
        <Group gap="sm">
          {state === 'off' && (
            <Button loading={busy} onClick={() => void enable()}>
              {t('notifications.device.enable')}
            </Button>
          )}
          {state === 'on' && (
            <>
              <Button
                variant="default"
                loading={sendTest.isPending}
                onClick={() => {
                  setNotice(null);
                  sendTest.mutate(undefined, {
                    onSuccess: () => {
                      setNotice('testSent');
                    },
                    onError: (error) => {
                      setNotice({ error: error.message });
                    },
                  });
                }}
              >
                {t('notifications.device.test')}
              </Button>
              <Button color="red" variant="light" loading={busy} onClick={() => void disable()}>
                {t('notifications.device.disable')}
              </Button>
            </>
          )}
        </Group>
        {settings && (
          <Text size="sm" c="dimmed">
            {count > 0
              ? t('notifications.device.otherDevices', { count })
              : t('notifications.device.noPushFallback')}
          </Text>
        )}
        {settings && count === 0 && !settings.hasEmail && (
          <Alert color="orange" variant="light">
            {t('notifications.device.noChannel')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
