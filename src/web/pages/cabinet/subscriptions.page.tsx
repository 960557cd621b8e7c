import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CabinetSubscription,
  MyStudent,
  SubscriptionStatus,
} from '../../../shared/contracts/cabinet.js';
import { useSubscriptions } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { BuyOnlineDialog } from '../payments/buy-online-dialog.js';
import { formatDay, money } from './cabinet-format.js';
import { CabinetFrame } from './cabinet-frame.js';

const STATUS_COLORS: Record<SubscriptionStatus, string> = {
  active: 'teal',
  inactive: 'blue',
  frozen: 'cyan',
  ended: 'gray',
};

function SubscriptionCard({ subscription: s }: { subscription: CabinetSubscription }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const day = (value: string) => formatDay(value, language);
  const used =
    s.lessonsTotal === null
      ? t('cabinet.subscriptions.unlimitedUsed', { count: s.lessonsUsed })
      : t('cabinet.subscriptions.used', { used: s.lessonsUsed, total: s.lessonsTotal });
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>
            {t('cabinet.subscriptions.name', { number: s.number, name: s.name })}
          </Text>
          <Badge color={STATUS_COLORS[s.status]} variant="light" style={{ textTransform: 'none' }}>
            {t(`cabinet.subscriptions.status.${s.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{used}</Text>
        {s.lessonsTotal !== null && s.lessonsLeft !== null && (
          <>
            <Progress
              value={s.lessonsTotal === 0 ? 100 : (100 * s.lessonsUsed) / s.lessonsTotal}
              aria-label={used}
            />
            <Text size="sm" fw={600}>
              {t('cabinet.subscriptions.left', { count: s.lessonsLeft })}
            </Text>
          </>
        )}
        <Text size="sm">
          {t('cabinet.subscriptions.validity', { from: day(s.beginsOn), to: day(s.endsOn) })}
        </Text>
        {s.frozenFrom && (
          <Text size="sm">
            {s.frozenTo
              ? t('cabinet.subscriptions.frozen', { from: day(s.frozenFrom), to: day(s.frozenTo) })
              : t('cabinet.subscriptions.frozenOpen', { from: day(s.frozenFrom) })}
          </Text>
        )}
        <Text size="sm" c={s.paidKopecks < s.priceKopecks ? 'red.8' : undefined}>
          {s.paidKopecks >= s.priceKopecks
            ? t('cabinet.subscriptions.paidFully', { price: money(s.priceKopecks, language) })
            : t('cabinet.subscriptions.paidPart', {
                paid: money(s.paidKopecks, language),
                price: money(s.priceKopecks, language),
              })}
          {s.originalPriceKopecks > s.priceKopecks &&
            ` ${t('cabinet.subscriptions.discount', { original: money(s.originalPriceKopecks, language) })}`}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`cabinet.subscriptions.unused.${s.unusedLessons}`)}
        </Text>
        {s.shared && (
          <Text size="xs" c="dimmed">
            {s.ownerName
              ? t('cabinet.subscriptions.sharedFrom', { owner: s.ownerName })
              : t('cabinet.subscriptions.shared')}
          </Text>
        )}
        {s.endReason === 'cancelled' && (
          <Text size="xs" c="dimmed">
            {t('cabinet.subscriptions.cancelled')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function SubscriptionList({ student }: { student: MyStudent }) {
  const { t } = useTranslation();
  const query = useSubscriptions(student.id);
  if (!query.data) return <QueryState query={query} />;
  const list = query.data.subscriptions;
  if (list.length === 0) return <Text c="dimmed">{t('cabinet.subscriptions.none')}</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {list.map((subscription) => (
        <SubscriptionCard key={subscription.id} subscription={subscription} />
      ))}
    </Stack>
  );
}

/** The list, and «Купить абонемент» by card or СБП above it. */
function Subscriptions({ student }: { student: MyStudent }) {
  const { t } = useTranslation();
  const [buying, setBuying] = useState(false);
  return (
    <Stack gap="md">
      <Button
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          setBuying(true);
        }}
      >
        {t('payments.pay.buyOnline')}
      </Button>
      <SubscriptionList student={student} />
      <BuyOnlineDialog
        studentId={student.id}
        opened={buying}
        onClose={() => {
          setBuying(false);
        }}
      />
    </Stack>
  );
}

/** «Абонементы»: lessons used and left, dates, status and what is paid, open ones first. */
export function SubscriptionsPage() {
  const { t } = useTranslation();
  return (
    <CabinetFrame title={t('cabinet.subscriptions.title')}>
      {(student) => <Subscriptions key={student.id} student={student} />}
    </CabinetFrame>
  );
}
