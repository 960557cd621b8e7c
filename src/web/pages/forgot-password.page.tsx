import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parseLogin } from '../../shared/login.js';
import { normalizeIdentifier } from '../../shared/normalize.js';
import { useSession } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/password.js';
import { LoginField } from '../auth/login-field.js';
import { NewPasswordFields, newPasswordLocalProblems } from '../auth/new-password-fields.js';
import { PasswordChanged } from '../auth/password-changed.js';
import { rejectedProblems } from '../auth/password-problems.js';
import { Captcha } from '../components/captcha.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';

type Step = 'ask' | 'email-sent' | 'sms' | 'done';

/** «Забыли пароль?»: a link by email, or a 6-digit SMS code entered here. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const session = useSession();
  const request = useRequestPasswordReset();
  const confirm = useConfirmPasswordReset();
  const [step, setStep] = useState<Step>('ask');
  const [login, setLogin] = useState('');
  const [loginError, setLoginError] = useState<string>();
  const [capsLock, setCapsLock] = useState(false);
  const [captchaShown, setCaptchaShown] = useState(false);
  const [captcha, setCaptcha] = useState<string | null>(null);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string>();
  const loginRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (!session.data) return <QueryState query={session} />;
  const minLength = session.data.organization.passwordMinLength;
  const parsed = parseLogin(login);

  const ask = () => {
    const value = normalizeIdentifier(login);
    if (!value || (parsed?.kind !== 'email' && parsed?.kind !== 'phone')) {
      setLoginError(t('forgot.loginInvalid'));
      loginRef.current?.focus();
      return;
    }
    setLoginError(undefined);
    request.mutate(
      { login: value, ...(captcha ? { captcha } : {}) },
      {
        onSuccess: () => {
          setStep(parsed.kind === 'phone' ? 'sms' : 'email-sent');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code.startsWith('captcha_')) {
            setCaptchaShown(true);
          }
          setCaptcha(null);
          setCaptchaKey((key) => key + 1);
        },
      },
    );
  };

  const submitCode = () => {
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError(t('forgot.codeInvalid'));
      codeRef.current?.focus();
      return;
    }
    setCodeError(undefined);
    if (newPasswordLocalProblems(password, minLength).length > 0) {
      passwordRef.current?.focus();
      return;
    }
    if (password !== repeat) {
      setRepeatError(t('passwordRules.mismatch'));
      return;
    }
    setRepeatError(undefined);
    const phone = parsed?.kind === 'phone' ? parsed.value : login;
    confirm.mutate(
      { phone, code: code.trim(), newPassword: password },
      {
        onSuccess: () => {
          setStep('done');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'code_invalid') {
            setCodeError(error.message);
            codeRef.current?.focus();
          }
        },
      },
    );
  };

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step === 'sms') submitCode();
    else ask();
  };

  if (step === 'done') {
    return <PasswordChanged title={t('forgot.doneTitle')} text={t('forgot.doneText')} />;
  }

  const requestError = request.error instanceof ApiError ? request.error : null;
  const confirmError = confirm.error instanceof ApiError ? confirm.error : null;
  const codeExpired = confirmError?.code === 'code_expired';

  return (
    <Paper maw={480} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="forgot-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="forgot-title">
            {t('forgot.title')}
          </Title>
          {step === 'ask' && <Text>{t('forgot.intro')}</Text>}
          {step === 'email-sent' && (
            <Alert color="teal" variant="light" role="status" title={t('forgot.sentTitle')}>
              <Stack gap={4}>
                <Text size="sm">{t('forgot.sentText', { login: normalizeIdentifier(login) })}</Text>
                <Text size="sm">{t('forgot.sentSpam')}</Text>
              </Stack>
            </Alert>
          )}
          {step === 'sms' && (
            <Alert color="teal" variant="light" role="status">
              {t('forgot.smsSent', { phone: parsed?.value ?? login })}
            </Alert>
          )}
          {requestError && !requestError.code.startsWith('captcha_') && (
            <Alert color="red" variant="light" role="alert">
              {requestError.message}
            </Alert>
          )}
          {confirmError && confirmError.code !== 'code_invalid' && (
            <Alert color="red" variant="light" role="alert">
              {confirmError.message}
            </Alert>
          )}
          {step === 'ask' && (
            <LoginField
              ref={loginRef}
              label={t('forgot.login')}
              value={login}
              onChange={setLogin}
              error={loginError}
              capsLock={capsLock}
              onCapsLock={setCapsLock}
            />
          )}
          {step === 'sms' && !codeExpired && (
            <>
              <TextInput
                ref={codeRef}
                label={t('forgot.code')}
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
              <NewPasswordFields
                ref={passwordRef}
                password={password}
                repeat={repeat}
                onPasswordChange={setPassword}
                onRepeatChange={setRepeat}
                minLength={minLength}
                rejected={rejectedProblems(confirm.error)}
                repeatError={repeatError}
              />
            </>
          )}
          {captchaShown && step === 'ask' && (
            <Stack gap={4}>
              <Text size="sm">{t('captcha.explain')}</Text>
              <Captcha key={captchaKey} onChange={setCaptcha} />
            </Stack>
          )}
          {step === 'ask' && (
            <Button type="submit" loading={request.isPending} disabled={captchaShown && !captcha}>
              {t('forgot.submit')}
            </Button>
          )}
          {step === 'sms' && !codeExpired && (
            <Button type="submit" loading={confirm.isPending}>
              {t('forgot.setPassword')}
            </Button>
          )}
          {step !== 'ask' && (
            <Button
              variant="default"
              onClick={() => {
                confirm.reset();
                request.reset();
                setCode('');
                setStep('ask');
              }}
            >
              {t('forgot.again')}
            </Button>
          )}
          <Anchor component={Link} to="/recovery" size="sm">
            {t('forgot.noAccess')}
          </Anchor>
          <Anchor component={Link} to="/signin" size="sm">
            {t('forgot.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
