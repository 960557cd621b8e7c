import { Modal } from '@mantine/core';
import type { AmountRule } from './payment-amount.js';
import { PaymentForm, type PaymentTarget } from './payment-form.js';

/** What one «Оплатить» button pays for. */
export interface PaymentIntent {
  /** The dialog's title, e.g. «Оплатить: Абонемент №1 «4 занятия»». */
  title: string;
  target: PaymentTarget;
  amount: AmountRule;
  note?: string | undefined;
}

/** Props of PayDialog. */
interface PayDialogProps {
  /** Null: the dialog is closed. */
  intent: PaymentIntent | null;
  onClose: () => void;
}

/**
 * The «Оплатить» dialog: the amount, card or СБП, then the provider's page. Its content is
 * unmounted on close, so every opening is a new intent with a new idempotency key.
 */
export function PayDialog({ intent, onClose }: PayDialogProps) {
  return (
    <Modal opened={intent !== null} onClose={onClose} title={intent?.title} size="lg">
      {intent && (
        <PaymentForm
          target={intent.target}
          amount={intent.amount}
          note={intent.note}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
