import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStaffNotificationLog } from '../../../api/notifications.js';
import { useStaffAccount } from '../../../api/staff-accounts.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { NotificationLog } from '../../settings/notifications-log.js';

/**
 * Console → one person's notification log: what was sent, when, by which channel, delivered or
 * failed, with the push service's answer and the error text.
 */
export function PersonNotificationsPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const account = useStaffAccount(userId);
  const log = useStaffNotificationLog(userId);
  const name = account.data?.account.displayName ?? '';
  usePageTitle(
    name ? t('notificationsConsole.logTitle', { name }) : t('notificationsConsole.title'),
  );
  if (!account.data) return <QueryState query={account} />;

  return (
    <Stack gap="md">
      <Group gap="md">
        <Anchor component={Link} to="/console/notifications">
          {t('notificationsConsole.back')}
        </Anchor>
        <Anchor component={Link} to={`/console/accounts/${userId}`}>
          {t('notificationsConsole.toAccount')}
        </Anchor>
      </Group>
      <Title order={1}>{t('notificationsConsole.logTitle', { name })}</Title>
      <Text c="dimmed">{t('notificationsConsole.intro')}</Text>
      <NotificationLog log={log} showErrors />
    </Stack>
  );
}
