import { Alert, Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/contracts/billing.js';
import { newIdempotencyKey, useMoneyAction } from '../../../api/billing.js';

type StaffMethod = (typeof STAFF_PAYMENT_METHODS)[number];

/**
 * A money action with the idempotency key of this dialog: made once when the dialog opens, so
 * a double click or a retry after a lost answer sends the same key and moves money once.
 */
export function useDialogAction() {
  const action = useMoneyAction();
  const [key] = useState(newIdempotencyKey);
  return { action, key };
}

/** The payment method select (cash, bank transfer, card). */
export function MethodSelect({
  value,
  onChange,
}: {
  value: StaffMethod;
  onChange: (method: StaffMethod) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('billingConsole.common.method')}
      allowDeselect={false}
      data={STAFF_PAYMENT_METHODS.map((method: PaymentMethod) => ({
        value: method,
        label: t(`billingConsole.methods.${method}`),
      }))}
      value={value}
      onChange={(next) => {
        const method = STAFF_PAYMENT_METHODS.find((m) => m === next);
        if (method) onChange(method);
      }}
    />
  );
}

/** The server's refusal, if any, and the cancel / submit buttons of a money dialog. */
export function DialogFooter({
  error,
  pending,
  submit,
  onCancel,
  color,
}: {
  error: Error | null;
  pending: boolean;
  submit: string;
  onCancel: () => void;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('billingConsole.common.cancel')}
        </Button>
        <Button type="submit" loading={pending} {...(color ? { color } : {})}>
          {submit}
        </Button>
      </Group>
    </>
  );
}
