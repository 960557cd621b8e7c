import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionLimitDetails } from '../../shared/contracts/auth.js';
import { DeviceList } from './device-list.js';

/** Props of SessionLimitDialog. */
interface SessionLimitDialogProps {
  /** The other devices; null closes the dialog. */
  details: SessionLimitDetails | null;
  onSignOutOthers: () => void;
  onCancel: () => void;
  pending: boolean;
}

/**
 * The account may be signed in on only so many devices: lists the others and offers to
 * end them and sign in here — the way out that "signed in on another device" never gave.
 */
export function SessionLimitDialog({
  details,
  onSignOutOthers,
  onCancel,
  pending,
}: SessionLimitDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={details !== null}
      onClose={onCancel}
      title={t('sessionLimit.title')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size="lg"
    >
      {details && (
        <Stack gap="md">
          <Text>{t('sessionLimit.text', { count: details.limit })}</Text>
          <DeviceList sessions={details.sessions} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('sessionLimit.cancel')}
            </Button>
            <Button onClick={onSignOutOthers} loading={pending}>
              {t('sessionLimit.signOutOthers')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
