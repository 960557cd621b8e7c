import { Tooltip } from '@mantine/core';
import { formatDateTime } from '../../components/format.js';
import { currentLocale } from '../../i18n/index.js';
import { formatRelative } from './helpdesk-format.js';

/** A relative time with the exact date and time on hover and for screen readers. */
export function RelativeTime({ iso }: { iso: string }) {
  const locale = currentLocale();
  const exact = formatDateTime(iso, locale);
  return (
    <Tooltip label={exact} openDelay={300}>
      <time dateTime={iso}>{formatRelative(iso, locale)}</time>
    </Tooltip>
  );
}
