import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contracts/auth.js';
import { currentLocale } from '../i18n/index.js';
import { formatDateTime } from './format.js';

/** Props of DeviceList. */
interface DeviceListProps {
  sessions: SessionInfo[];
  /** Extra controls per device (e.g. «Завершить»). */
  action?: (session: SessionInfo) => ReactNode;
}

/** Signed-in devices: device and browser, IP, signed in at, last active, "this device". */
export function DeviceList({ sessions, action }: DeviceListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {sessions.map((session) => (
        <Group
          key={session.id}
          component="li"
          justify="space-between"
          align="flex-start"
          wrap="wrap"
          gap="xs"
          p="sm"
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
        >
          <Stack gap={2} miw={0} style={{ flex: '1 1 220px' }}>
            <Group gap="xs">
              <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                {session.device || t('devices.unknownDevice')}
              </Text>
              {session.current && (
                <Badge size="sm" variant="light">
                  {t('devices.thisDevice')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('devices.ip', { ip: session.ip ?? '—' })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('devices.signedInAt', { date: formatDateTime(session.signedInAt, locale) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('devices.lastActiveAt', { date: formatDateTime(session.lastActiveAt, locale) })}
            </Text>
          </Stack>
          {action?.(session)}
        </Group>
      ))}
    </Stack>
  );
}
