import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionStatus } from '../../../../shared/contracts/billing.js';

const COLORS: Record<SubscriptionStatus, string> = {
  inactive: 'gray',
  active: 'green',
  frozen: 'blue',
  ended: 'gray',
  cancelled: 'red',
};

/** A subscription's status as a coloured label. */
export function SubscriptionBadge({ status }: { status: SubscriptionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`billingConsole.status.${status}`)}
    </Badge>
  );
}
