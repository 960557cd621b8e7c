import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../../../shared/contracts/staff-accounts.js';

const COLORS: Record<AccountStatus, string> = {
  active: 'teal',
  invited: 'blue',
  blocked: 'red',
  access_ended: 'orange',
  not_opened: 'gray',
};

/** An account's state as a coloured badge. */
export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`accounts.statuses.${status}`)}
    </Badge>
  );
}
