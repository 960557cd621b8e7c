import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from '../../api/auth.js';
import { DeviceList } from '../../components/device-list.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** Settings → Устройства: where the account is signed in; end one or all others. */
export function DevicesPage() {
  const { t } = useTranslation();
  usePageTitle(t('devices.title'));
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  if (!sessions.data) return <QueryState query={sessions} />;
  const list = sessions.data.sessions;
  const others = list.filter((session) => !session.current).length;
  const failure = revoke.error ?? revokeOthers.error;

  return (
    <Stack gap="md">
      <Title order={2}>{t('devices.title')}</Title>
      <Text>{t('devices.intro')}</Text>
      {failure && (
        <Alert color="red" variant="light" role="alert">
          {failure.message}
        </Alert>
      )}
      {revokeOthers.isSuccess && (
        <Alert color="teal" variant="light" role="status">
          {t('devices.endedOthers')}
        </Alert>
      )}
      <DeviceList
        sessions={list}
        action={(session) =>
          session.current ? null : (
            <Button
              size="xs"
              variant="default"
              loading={revoke.isPending && revoke.variables === session.id}
              aria-label={t('devices.endLabel', { device: session.device })}
              onClick={() => {
                revoke.mutate(session.id);
              }}
            >
              {t('devices.end')}
            </Button>
          )
        }
      />
      <Group>
        {others > 0 ? (
          <Button
            color="red"
            variant="light"
            loading={revokeOthers.isPending}
            onClick={() => {
              revokeOthers.mutate();
            }}
          >
            {t('devices.endOthers')}
          </Button>
        ) : (
          <Text c="dimmed">{t('devices.noOthers')}</Text>
        )}
      </Group>
    </Stack>
  );
}
