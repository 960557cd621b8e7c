import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CreatePaymentRequest } from '../../../shared/contracts/payments.js';
import { useCreatePayment, usePaymentIntentKey } from '../../api/payments.js';

/**
 * Starts an online payment and sends the person to the provider's page (the sandbox page, or
 * YooKassa in production). The key of the intent is kept across a retry of the same click, so a
 * lost answer never makes a second payment.
 */
export function useStartPayment() {
  const create = useCreatePayment();
  const keyFor = usePaymentIntentKey();
  const navigate = useNavigate();
  const [redirecting, setRedirecting] = useState(false);

  const start = (request: CreatePaymentRequest) => {
    create.mutate(
      { request, idempotencyKey: keyFor(request) },
      {
        onSuccess: (created) => {
          if (created.confirmationUrl) {
            setRedirecting(true);
            // A full page load: the provider's page is another site (or the server's sandbox).
            window.location.assign(created.confirmationUrl);
          } else {
            // Already final (a retry of a finished intent): show its result.
            void navigate(`/payments/${created.paymentId}`);
          }
        },
      },
    );
  };

  return {
    start,
    /** Waiting for the server or already leaving for the provider's page. */
    busy: create.isPending || redirecting,
    redirecting,
    error: create.error,
    reset: create.reset,
  };
}
