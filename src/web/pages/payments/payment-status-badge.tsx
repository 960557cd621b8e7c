import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../../../shared/contracts/payments.js';

const COLORS: Record<PaymentStatus, string> = {
  created: 'gray',
  pending: 'yellow',
  waiting_for_capture: 'blue',
  succeeded: 'teal',
  canceled: 'red',
};

/** A payment's status as a coloured badge with words (the colour is never the only cue). */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      // Never cut to «Не прош…» in a narrow table column.
      styles={{
        root: { textTransform: 'none', flexShrink: 0, maxWidth: 'none' },
        label: { overflow: 'visible' },
      }}
    >
      {t(`payments.status.${status}`)}
    </Badge>
  );
}
