import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/client.js';
import { useConfirmRecoveryPhone, useResendRecoveryConfirmation } from '../../api/recovery.js';

const ZTriesLeft = z.looseObject({ triesLeft: z.number().int().nonnegative() });

/** Whole minutes, rounded up, for "try again in N minutes" (a 429 without `Retry-After`: 1). */
export function minutesFrom(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

/**
 * The 6-digit SMS code that confirms a phone-only recovery request, with «Отправить код ещё
 * раз». On success the status query refreshes and the page shows the confirmed request.
 */
export function RecoveryPhoneCode({ number, secret }: { number: string; secret: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmRecoveryPhone(number);
  const resend = useResendRecoveryConfirmation(number);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const codeRef = useRef<HTMLInputElement>(null);

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setCodeError(t('recovery.phone.codeFormat'));
      codeRef.current?.focus();
      return;
    }
    setCodeError(undefined);
    confirm.mutate(
      { secret, code },
      {
        onError: (error) => {
          if (!(error instanceof ApiError) || error.code !== 'code_invalid') return;
          const tries = ZTriesLeft.safeParse(error.details);
          setCodeError(
            tries.success
              ? t('recovery.phone.codeInvalid', { count: tries.data.triesLeft })
              : error.message,
          );
          codeRef.current?.focus();
        },
      },
    );
  };

  const confirmError = confirm.error instanceof ApiError ? confirm.error : null;
  const expired = confirmError?.code === 'code_expired' && !resend.isSuccess;
  const resendError = resend.error instanceof ApiError ? resend.error : null;

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t('recovery.phone.formLabel')}>
      <Stack gap="sm">
        {expired && (
          <Alert color="yellow" variant="light" role="alert">
            {t('recovery.phone.expired')}
          </Alert>
        )}
        {confirmError && !['code_invalid', 'code_expired'].includes(confirmError.code) && (
          <Alert color="red" variant="light" role="alert">
            {confirmError.message}
          </Alert>
        )}
        {!expired && (
          <Group align="flex-end" gap="sm">
            <TextInput
              ref={codeRef}
              label={t('recovery.phone.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              error={codeError}
              onChange={(event) => {
                setCode(event.currentTarget.value.replace(/\D/g, ''));
              }}
            />
            <Button type="submit" loading={confirm.isPending}>
              {t('recovery.phone.confirm')}
            </Button>
          </Group>
        )}
        <Button
          variant={expired ? 'filled' : 'light'}
          loading={resend.isPending}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            confirm.reset();
            setCode('');
            setCodeError(undefined);
            resend.mutate(secret);
          }}
        >
          {t('recovery.phone.resend')}
        </Button>
        {resend.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('recovery.phone.resent')}
          </Alert>
        )}
        {resendError && (
          <Alert color="red" variant="light" role="alert">
            {resendError.code === 'rate_limited'
              ? t('recovery.phone.tooManyCodes', {
                  count: minutesFrom(resendError.retryAfterSeconds),
                })
              : resendError.message}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
