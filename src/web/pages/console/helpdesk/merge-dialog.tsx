import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { useChangeTicket } from '../../../api/helpdesk-staff.js';

/** Merges this ticket into another one after a confirmation (and a second one for two customers). */
export function MergeButton({ number }: { number: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const change = useChangeTicket(number);
  const [opened, setOpened] = useState(false);
  const [into, setInto] = useState<number | ''>('');
  const [differentCustomers, setDifferentCustomers] = useState(false);

  const close = () => {
    setOpened(false);
    setInto('');
    setDifferentCustomers(false);
    change.reset();
  };
  const merge = () => {
    if (into === '') return;
    change.mutate(
      { kind: 'merge', into, confirmDifferentCustomers: differentCustomers },
      {
        onSuccess: () => {
          close();
          void navigate(`/console/tickets/${String(into)}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'ticket_merge_needs_confirmation') {
            setDifferentCustomers(true);
          }
        },
      },
    );
  };
  const needsSecondConfirmation =
    change.error instanceof ApiError && change.error.code === 'ticket_merge_needs_confirmation';

  return (
    <>
      <Button
        variant="default"
        color="red"
        onClick={() => {
          setOpened(true);
        }}
      >
        {t('helpdeskConsole.merge.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('helpdeskConsole.merge.title', { number })}>
        <Stack gap="sm">
          <Text size="sm">{t('helpdeskConsole.merge.explain', { number })}</Text>
          <NumberInput
            label={t('helpdeskConsole.merge.into')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={into}
            onChange={(value) => {
              setInto(typeof value === 'number' ? value : '');
              setDifferentCustomers(false);
              change.reset();
            }}
            data-autofocus
          />
          {needsSecondConfirmation ? (
            <Alert color="orange" role="alert">
              {t('helpdeskConsole.merge.differentCustomers')}
            </Alert>
          ) : change.isError ? (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('helpdeskConsole.common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={merge}
              disabled={into === '' || into === number}
              loading={change.isPending}
            >
              {needsSecondConfirmation
                ? t('helpdeskConsole.merge.confirmAnyway')
                : t('helpdeskConsole.merge.confirm', { into: into === '' ? '…' : into })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
