import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  Notification,
  NotificationListResponse,
  NotificationStatus,
} from '../../../shared/contracts/notifications.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { currentLocale } from '../../i18n/index.js';

const STATUS_COLOR: Record<NotificationStatus, string> = {
  pending: 'gray',
  sent: 'teal',
  skipped: 'yellow',
  failed: 'red',
};

/** Props of NotificationLog. */
interface NotificationLogProps {
  /** The person's own log or a person's log for staff. */
  log: UseInfiniteQueryResult<InfiniteData<NotificationListResponse>>;
  /** Staff see the push service's answer and the raw error; the person sees the outcome. */
  showErrors?: boolean;
}

/** How one notification went out: each channel attempt, its result and (for staff) the error. */
function Deliveries({
  notification,
  showErrors,
}: {
  notification: Notification;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (notification.deliveries.length === 0) {
    return (
      <Text size="sm">{notification.status === 'skipped' ? t('notifications.log.none') : '—'}</Text>
    );
  }
  return (
    <Stack gap={2}>
      {notification.deliveries.map((delivery, index) => {
        const parts = [
          t(`notifications.channels.${delivery.channel}`),
          t(`notifications.log.deliveries.${delivery.status}`),
          formatDateTime(delivery.at, locale),
        ];
        if (showErrors && delivery.httpStatus !== null) {
          parts.push(t('notifications.log.httpStatus', { status: delivery.httpStatus }));
        }
        return (
          <Text key={`${delivery.channel}-${String(index)}`} size="sm">
            {parts.join(' · ')}
            {delivery.device && (
              <Text
                span
                c="dimmed"
                size="xs"
                style={{ display: 'block', overflowWrap: 'anywhere' }}
              >
                {delivery.device}
              </Text>
            )}
            {showErrors && delivery.error && (
              <Text span c="red" size="sm" style={{ display: 'block', overflowWrap: 'anywhere' }}>
                {delivery.error}
              </Text>
            )}
          </Text>
        );
      })}
    </Stack>
  );
}

/** The notification log as a table, newest first, with «Показать ещё». */
export function NotificationLog({ log, showErrors = false }: NotificationLogProps) {
  const { t } = useTranslation();
  if (!log.data) return <QueryState query={log} />;
  const locale = currentLocale();
  const notifications = log.data.pages.flatMap((page) => page.notifications);
  if (notifications.length === 0) return <Text c="dimmed">{t('notifications.log.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={680}>
        <Table striped aria-label={t('notifications.log.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications.log.at')}</Table.Th>
              <Table.Th>{t('notifications.log.what')}</Table.Th>
              <Table.Th>{t('notifications.log.how')}</Table.Th>
              <Table.Th>{t('notifications.log.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notifications.map((notification) => (
              <Table.Tr key={notification.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(notification.createdAt, locale)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t(`notifications.types.${notification.type}`)}
                    {notification.urgent && ` · ${t('notifications.log.urgent')}`}
                  </Text>
                  <Text fw={600}>{notification.title}</Text>
                  <Text size="sm">{notification.body}</Text>
                  {notification.status === 'pending' && notification.deliverAfter && (
                    <Text size="sm" c="dimmed">
                      {t('notifications.log.deferred', {
                        time: formatDateTime(notification.deliverAfter, locale),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Deliveries notification={notification} showErrors={showErrors} />
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={STATUS_COLOR[notification.status]}
                    variant="light"
                    // Mantine truncates a badge label; a squeezed table column must not.
                    styles={{ label: { overflow: 'visible' } }}
                  >
                    {t(`notifications.log.statuses.${notification.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.hasNextPage && (
        <Button
          variant="default"
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('notifications.log.more')}
        </Button>
      )}
    </Stack>
  );
}
