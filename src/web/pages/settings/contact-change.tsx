import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeEmail, useChangePhone, useConfirmPhone } from '../../api/account.js';
import { ApiError } from '../../api/client.js';
import { PasswordField } from '../../auth/password-field.js';

/** Props of ContactChange. */
interface ContactChangeProps {
  kind: 'email' | 'phone';
  onDone: () => void;
}

/**
 * Changing the email (a link goes to the new address, a notice to the old one) or the phone
 * (an SMS code to the new number), re-authenticated by the current password. The account
 * keeps everything it has.
 */
export function ContactChange({ kind, onDone }: ContactChangeProps) {
  const { t } = useTranslation();
  const email = useChangeEmail();
  const phone = useChangePhone();
  const confirmPhone = useConfirmPhone();
  const [value, setValue] = useState('');
  const [current, setCurrent] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = kind === 'email' ? email : phone;
  const error = [request.error, confirmPhone.error].find((e) => e instanceof ApiError);

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (kind === 'phone' && sentTo) {
      confirmPhone.mutate({ phone: sentTo, code: code.trim() }, { onSuccess: onDone });
      return;
    }
    const done = {
      onSuccess: (result: { sentTo: string }) => {
        setSentTo(result.sentTo);
      },
    };
    if (kind === 'email') email.mutate({ currentPassword: current, newEmail: value.trim() }, done);
    else phone.mutate({ currentPassword: current, newPhone: value.trim() }, done);
  };

  if (kind === 'email' && sentTo) {
    return (
      <Alert color="teal" variant="light" role="status">
        {t('profilePage.emailSent', { email: sentTo })}
      </Alert>
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error.message}
          </Alert>
        )}
        {sentTo ? (
          <>
            <Alert color="teal" variant="light" role="status">
              {t('profilePage.smsSent', { phone: sentTo })}
            </Alert>
            <TextInput
              label={t('forgot.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(event) => {
                setCode(event.currentTarget.value.replace(/\D/g, ''));
              }}
            />
          </>
        ) : (
          <>
            <TextInput
              label={kind === 'email' ? t('profilePage.newEmail') : t('profilePage.newPhone')}
              type={kind === 'email' ? 'email' : 'tel'}
              autoComplete={kind === 'email' ? 'email' : 'tel'}
              required
              value={value}
              onChange={(event) => {
                setValue(event.currentTarget.value);
              }}
            />
            <PasswordField
              label={t('security.current')}
              autoComplete="current-password"
              required
              value={current}
              onChange={(event) => {
                setCurrent(event.currentTarget.value);
              }}
            />
          </>
        )}
        <Group gap="sm">
          <Button type="submit" loading={request.isPending || confirmPhone.isPending}>
            {sentTo ? t('profilePage.confirm') : t('profilePage.send')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('sessionLimit.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
