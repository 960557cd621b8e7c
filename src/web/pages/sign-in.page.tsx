import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ZEmail } from '../../shared/contracts/common.js';
import { useSession, useSignIn } from '../api/session.js';
import { safeNextPath } from '../components/format.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';

interface FieldErrors {
  email?: string;
  password?: string;
}

/** Sign in with email and password; returns to `?next=` afterwards. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const session = useSession();
  const signIn = useSignIn();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (!session.data) return <QueryState query={session} />;
  if (session.data.user) return <Navigate to={next} replace />;

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = t('signIn.emailRequired');
    else if (!ZEmail.safeParse(email).success) found.email = t('signIn.emailInvalid');
    if (!password) found.password = t('signIn.passwordRequired');
    setErrors(found);
    if (found.email) {
      emailRef.current?.focus();
      return;
    }
    if (found.password) {
      passwordRef.current?.focus();
      return;
    }
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <Paper maw={420} mx="auto" mt="lg" p="lg" withBorder>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <Text c="dimmed">{t('signIn.intro')}</Text>
          {signIn.isError && (
            <Alert color="red" variant="light" role="alert">
              {signIn.error.message}
            </Alert>
          )}
          <TextInput
            ref={emailRef}
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            error={errors.email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
            }}
          />
          <PasswordInput
            ref={passwordRef}
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            error={errors.password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
            }}
            visibilityToggleButtonProps={{ 'aria-label': t('app.togglePassword') }}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
