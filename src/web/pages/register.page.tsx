import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmRegistration, useRegister } from '../api/account.js';
import { useSession } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { useLinkToken } from '../auth/link-token.js';
import { NewPasswordFields, newPasswordLocalProblems } from '../auth/new-password-fields.js';
import { PasswordChanged } from '../auth/password-changed.js';
import { rejectedProblems } from '../auth/password-problems.js';
import { Captcha } from '../components/captcha.js';
import { LinkInvalid } from '../components/link-invalid.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';

/** Self-registration (when the organization allows it): name, email, password, captcha. */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const session = useSession();
  const register = useRegister();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string>();
  const [captcha, setCaptcha] = useState<string | null>(null);
  const [captchaKey, setCaptchaKey] = useState(0);
  const passwordRef = useRef<HTMLInputElement>(null);
  if (!session.data) return <QueryState query={session} />;
  const minLength = session.data.organization.passwordMinLength;

  if (register.isSuccess) {
    return (
      <Paper maw={480} mx="auto" mt="lg" p="lg" withBorder>
        <Alert color="teal" variant="light" role="status" title={t('forgot.sentTitle')}>
          {t('register.sent', { email: email.trim() })}
        </Alert>
      </Paper>
    );
  }

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (newPasswordLocalProblems(password, minLength).length > 0) {
      passwordRef.current?.focus();
      return;
    }
    if (password !== repeat) {
      setRepeatError(t('passwordRules.mismatch'));
      return;
    }
    setRepeatError(undefined);
    register.mutate(
      { displayName: name, email: email.trim(), password, ...(captcha ? { captcha } : {}) },
      {
        onError: () => {
          setCaptcha(null);
          setCaptchaKey((key) => key + 1);
        },
      },
    );
  };
  const rejected = rejectedProblems(register.error);

  return (
    <Paper maw={480} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="register-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="register-title">
            {t('register.title')}
          </Title>
          {register.error instanceof ApiError && rejected.length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {register.error.message}
            </Alert>
          )}
          <TextInput
            label={t('setup.displayName')}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
            }}
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
            }}
          />
          <NewPasswordFields
            ref={passwordRef}
            password={password}
            repeat={repeat}
            onPasswordChange={setPassword}
            onRepeatChange={setRepeat}
            minLength={minLength}
            login={email.trim() || undefined}
            rejected={rejected}
            repeatError={repeatError}
          />
          <Stack gap={4}>
            <Text size="sm">{t('captcha.explain')}</Text>
            <Captcha key={captchaKey} onChange={setCaptcha} />
          </Stack>
          <Button type="submit" loading={register.isPending} disabled={!captcha}>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The link from the registration email: the account is confirmed, then sign in. */
export function ConfirmRegistrationPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const token = useLinkToken();
  const confirm = useConfirmRegistration();
  const { mutate } = confirm;
  // Single-use link: send it once even when React runs effects twice (StrictMode).
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);
  if (!token || (confirm.error instanceof ApiError && confirm.error.code === 'link_invalid')) {
    return (
      <LinkInvalid
        message={confirm.error?.message ?? t('links.noToken')}
        renew={{ to: '/register', label: t('register.again') }}
      />
    );
  }
  if (confirm.isError)
    return (
      <Alert color="red" role="alert">
        {confirm.error.message}
      </Alert>
    );
  if (!confirm.data)
    return (
      <Text c="dimmed" role="status">
        {t('app.loading')}
      </Text>
    );
  return (
    <PasswordChanged
      title={t('register.doneTitle')}
      text={t('register.doneText')}
      login={confirm.data.login}
    />
  );
}
