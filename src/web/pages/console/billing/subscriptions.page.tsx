import { Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
} from '../../../../shared/contracts/billing.js';
import { useSubscriptionList } from '../../../api/billing.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { SubscriptionsTable } from './subscriptions-table.js';

const DAY = /^\d{4}-\d\d-\d\d$/;

/** `/console/subscriptions`: sold subscriptions, newest first; filters live in the address. */
export function SubscriptionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('billingConsole.sales.title'));
  const [params, setParams] = useSearchParams();
  const status = SUBSCRIPTION_STATUSES.find((s) => s === params.get('status'));
  const soldFrom = params.get('soldFrom') ?? '';
  const soldTo = params.get('soldTo') ?? '';
  const filters = {
    status,
    underpaid: params.get('underpaid') === 'true' || undefined,
    soldFrom: DAY.test(soldFrom) ? soldFrom : undefined,
    soldTo: DAY.test(soldTo) ? soldTo : undefined,
    studentId: params.get('studentId') ?? undefined,
  };
  const list = useSubscriptionList(filters);
  const setParam = (key: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Title order={1}>{t('billingConsole.sales.title')}</Title>
      <Group align="flex-end">
        <Select
          label={t('billingConsole.sales.statusLabel')}
          data={[
            { value: '', label: t('billingConsole.sales.anyStatus') },
            ...SUBSCRIPTION_STATUSES.map((s: SubscriptionStatus) => ({
              value: s,
              label: t(`billingConsole.status.${s}`),
            })),
          ]}
          value={status ?? ''}
          allowDeselect={false}
          onChange={(value) => {
            setParam('status', value || null);
          }}
        />
        <TextInput
          type="date"
          label={t('billingConsole.sales.soldFrom')}
          value={soldFrom}
          onChange={(e) => {
            setParam('soldFrom', e.currentTarget.value || null);
          }}
        />
        <TextInput
          type="date"
          label={t('billingConsole.sales.soldTo')}
          value={soldTo}
          onChange={(e) => {
            setParam('soldTo', e.currentTarget.value || null);
          }}
        />
        <Checkbox
          mb={8}
          label={t('billingConsole.sales.underpaid')}
          checked={filters.underpaid === true}
          onChange={(e) => {
            setParam('underpaid', e.currentTarget.checked ? 'true' : null);
          }}
        />
      </Group>
      {!list.data ? (
        <QueryState query={list} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('billingConsole.sales.empty')}</Text>
      ) : (
        <SubscriptionsTable items={items} withStudent />
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('billingConsole.common.more')}
        </Button>
      )}
    </Stack>
  );
}
