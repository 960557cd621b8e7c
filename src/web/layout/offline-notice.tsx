import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../components/use-online.js';

/** An honest banner while the browser is offline; nothing is rendered when online. */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  // The live region is always present so that screen readers announce the change.
  return (
    <div role="status" aria-live="polite">
      {online ? null : (
        <Alert color="orange" variant="light" mb="md" data-testid="offline-notice">
          {t('offline.notice')}
        </Alert>
      )}
    </div>
  );
}
