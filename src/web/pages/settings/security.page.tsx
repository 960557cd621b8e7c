import { Alert, Button, Checkbox, Paper, Stack, Title } from '@mantine/core';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/account.js';
import { useSession } from '../../api/auth.js';
import { ApiError } from '../../api/client.js';
import { NewPasswordFields, newPasswordLocalProblems } from '../../auth/new-password-fields.js';
import { PasswordField } from '../../auth/password-field.js';
import { rejectedProblems } from '../../auth/password-problems.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** Settings → Пароль: the current password, a new one twice, "sign out other devices". */
export function SecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.security'));
  const session = useSession();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [currentError, setCurrentError] = useState<string>();
  const [repeatError, setRepeatError] = useState<string>();
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  if (!session.data?.account) return <QueryState query={session} />;
  const { account, organization } = session.data;
  const login = account.email ?? account.phone ?? account.personalCode ?? undefined;

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!current) {
      setCurrentError(t('security.currentRequired'));
      currentRef.current?.focus();
      return;
    }
    setCurrentError(undefined);
    if (newPasswordLocalProblems(password, organization.passwordMinLength).length > 0) {
      newRef.current?.focus();
      return;
    }
    if (password !== repeat) {
      setRepeatError(t('passwordRules.mismatch'));
      return;
    }
    setRepeatError(undefined);
    change.mutate(
      { currentPassword: current, newPassword: password, signOutOtherDevices: signOutOthers },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setRepeat('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'invalid_current_password') {
            setCurrentError(error.message);
            currentRef.current?.focus();
          }
        },
      },
    );
  };

  const rejected = rejectedProblems(change.error);
  const otherError =
    change.error instanceof ApiError &&
    change.error.code !== 'invalid_current_password' &&
    rejected.length === 0
      ? change.error.message
      : null;

  return (
    <Paper maw={520} p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="security-title">
        <Stack gap="md">
          <Title order={2} id="security-title">
            {t('security.title')}
          </Title>
          {change.isSuccess && (
            <Alert color="teal" variant="light" role="status">
              {t('security.changed', { count: change.data.signedOutSessions })}
            </Alert>
          )}
          {otherError && (
            <Alert color="red" variant="light" role="alert">
              {otherError}
            </Alert>
          )}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={login ?? ''}
            readOnly
            hidden
          />
          <PasswordField
            ref={currentRef}
            label={t('security.current')}
            name="current-password"
            autoComplete="current-password"
            required
            value={current}
            error={currentError}
            onChange={(event) => {
              setCurrent(event.currentTarget.value);
            }}
          />
          <NewPasswordFields
            ref={newRef}
            password={password}
            repeat={repeat}
            onPasswordChange={setPassword}
            onRepeatChange={setRepeat}
            minLength={organization.passwordMinLength}
            login={login}
            rejected={rejected}
            repeatError={repeatError}
          />
          <Checkbox
            label={t('security.signOutOthers')}
            checked={signOutOthers}
            onChange={(event) => {
              setSignOutOthers(event.currentTarget.checked);
            }}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('security.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
