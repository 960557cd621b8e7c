import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import {
  ZSessionLimitDetails,
  type SessionLimitDetails,
  type SignInRequest,
} from '../../shared/contracts/auth.js';
import { normalizeIdentifier } from '../../shared/normalize.js';
import { useSession, useSignIn } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { useAuthNotice } from '../auth/auth-notice.js';
import { LoginField } from '../auth/login-field.js';
import { PasswordField } from '../auth/password-field.js';
import { Captcha } from '../components/captcha.js';
import { safeNextPath } from '../components/format.js';
import { QueryState } from '../components/query-state.js';
import { SessionLimitDialog } from '../components/session-limit-dialog.js';
import { usePageTitle } from '../components/use-page-title.js';

interface FieldErrors {
  login?: string;
  password?: string;
}

const CAPTCHA_CODES = new Set(['captcha_required', 'captcha_invalid']);

/** Whole minutes, rounded up, for "try again in N minutes". */
function minutesFrom(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

function readLoginState(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('login' in state)) return '';
  return typeof state.login === 'string' ? state.login : '';
}

/** Sign in with email, phone or personal code; returns to `?next=` afterwards. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const session = useSession();
  const signIn = useSignIn();
  const notice = useAuthNotice();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const location = useLocation();
  // After activation or a reset the next page pre-fills the login it already knows.
  const [login, setLogin] = useState(() => readLoginState(location.state));
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [loginCapsLock, setLoginCapsLock] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [captchaShown, setCaptchaShown] = useState(false);
  const [captcha, setCaptcha] = useState<string | null>(null);
  // A solved captcha is single-use: a new key mounts a fresh widget after each attempt.
  const [captchaKey, setCaptchaKey] = useState(0);
  const [limit, setLimit] = useState<SessionLimitDetails | null>(null);
  const loginRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (!session.data) return <QueryState query={session} />;
  if (session.data.account) return <Navigate to={next} replace />;

  const send = (signOutOtherDevices: boolean) => {
    const body: SignInRequest = {
      login: normalizeIdentifier(login),
      password,
      remember,
      signOutOtherDevices,
      ...(captcha ? { captcha } : {}),
    };
    signIn.mutate(body, {
      onSuccess: () => {
        setLimit(null);
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        // The server says when the next attempt from here will need a captcha.
        const captchaNext =
          typeof error.details === 'object' &&
          error.details !== null &&
          'captchaRequired' in error.details &&
          error.details.captchaRequired === true;
        if (captchaShown || captchaNext || CAPTCHA_CODES.has(error.code)) {
          setCaptchaShown(true);
          setCaptcha(null);
          setCaptchaKey((key) => key + 1);
        }
        if (error.code === 'session_limit_reached') {
          const details = ZSessionLimitDetails.safeParse(error.details);
          if (details.success) setLimit(details.data);
        } else {
          setLimit(null);
          if (error.code === 'invalid_credentials') passwordRef.current?.focus();
        }
      },
    });
  };

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!normalizeIdentifier(login)) found.login = t('signIn.loginRequired');
    if (!password) found.password = t('signIn.passwordRequired');
    setErrors(found);
    if (found.login) {
      loginRef.current?.focus();
      return;
    }
    if (found.password) {
      passwordRef.current?.focus();
      return;
    }
    send(false);
  };

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  // The blocked screen (in the layout) and the session-limit dialog tell those themselves.
  const showError =
    error !== null && error.code !== 'session_limit_reached' && error.code !== 'account_blocked';
  const errorText =
    error?.code === 'too_many_attempts'
      ? t('signIn.tooManyAttempts', { count: minutesFrom(error.retryAfterSeconds) })
      : error?.message;

  return (
    <Paper maw={440} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="sign-in-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="sign-in-title">
            {t('signIn.title')}
          </Title>
          {notice && notice.kind !== 'account_blocked' && (
            <Alert color="yellow" variant="light" role="alert" title={t(`signIn.${notice.kind}`)}>
              {t(`signIn.${notice.kind}Text`)}
            </Alert>
          )}
          {showError && (
            <Alert color="red" variant="light" role="alert">
              <Stack gap={4}>
                <Text size="sm">{errorText}</Text>
                {error.code === 'too_many_attempts' && (
                  <Anchor component={Link} to="/forgot-password" size="sm">
                    {t('signIn.resetToUnlock')}
                  </Anchor>
                )}
              </Stack>
            </Alert>
          )}
          <LoginField
            ref={loginRef}
            value={login}
            onChange={setLogin}
            error={errors.login}
            capsLock={loginCapsLock}
            onCapsLock={setLoginCapsLock}
          />
          <PasswordField
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
          />
          <Group justify="space-between" gap="sm">
            <Checkbox
              label={t('signIn.remember')}
              checked={remember}
              onChange={(event) => {
                setRemember(event.currentTarget.checked);
              }}
            />
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('signIn.forgot')}
            </Anchor>
          </Group>
          {captchaShown && (
            <Stack gap={4}>
              <Text size="sm">{t('captcha.explain')}</Text>
              <Captcha key={captchaKey} onChange={setCaptcha} autoSolve />
            </Stack>
          )}
          <Button type="submit" loading={signIn.isPending} disabled={captchaShown && !captcha}>
            {t('signIn.submit')}
          </Button>
          {session.data.organization.selfRegistration && (
            <Text size="sm">
              {t('signIn.noAccount')}{' '}
              <Anchor component={Link} to="/register">
                {t('signIn.register')}
              </Anchor>
            </Text>
          )}
        </Stack>
      </form>
      <SessionLimitDialog
        details={limit}
        pending={signIn.isPending}
        onCancel={() => {
          setLimit(null);
          signIn.reset();
        }}
        onSignOutOthers={() => {
          send(true);
        }}
      />
    </Paper>
  );
}
