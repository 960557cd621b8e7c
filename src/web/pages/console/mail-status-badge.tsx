import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxMessageSummary } from '../../../shared/contracts/staff.js';

const COLORS: Record<OutboxMessageSummary['status'], string> = {
  pending: 'gray',
  sent: 'green',
  stored: 'blue',
  failed: 'red',
};

/** The delivery status of an outbox email as a coloured, translated badge. */
export function MailStatusBadge({ status }: { status: OutboxMessageSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`outbox.statuses.${status}`)}
    </Badge>
  );
}
