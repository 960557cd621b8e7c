import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { useActivate, useActivationStatus } from '../api/password.js';
import { useLinkToken } from '../auth/link-token.js';
import { PasswordChanged } from '../auth/password-changed.js';
import { rejectedProblems } from '../auth/password-problems.js';
import { SetPasswordForm } from '../auth/set-password-form.js';
import { LinkInvalid } from '../components/link-invalid.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';

/** Without a link: the one-time activation code from a printed access sheet. */
function ActivationCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = code.replace(/[\s-]/g, '');
    if (value.length < 6) {
      setError(t('activate.codeInvalid'));
      return;
    }
    void navigate(`/activate?token=${encodeURIComponent(value)}`);
  };
  return (
    <Paper maw={480} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="activate-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="activate-title">
            {t('activate.title')}
          </Title>
          <Text>{t('activate.codeIntro')}</Text>
          <TextInput
            label={t('activate.code')}
            name="activation-code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={code}
            error={error}
            onChange={(event) => {
              setCode(event.currentTarget.value);
            }}
          />
          <Button type="submit">{t('activate.next')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The invitation link (or access-sheet code): the person sets their own password. */
export function ActivatePage() {
  const { t } = useTranslation();
  usePageTitle(t('activate.title'));
  const token = useLinkToken();
  const session = useSession();
  const status = useActivationStatus(token);
  const activate = useActivate();

  if (!token) return <ActivationCodeForm />;
  const linkError = [activate.error, status.error].find(
    (error) => error instanceof ApiError && error.code === 'link_invalid',
  );
  if (linkError instanceof ApiError) {
    return <LinkInvalid message={`${linkError.message} ${t('activate.askAgain')}`} />;
  }
  if (!session.data) return <QueryState query={session} />;
  if (!status.data) return <QueryState query={status} />;
  const { login, displayName } = status.data;
  if (activate.isSuccess) {
    return (
      <PasswordChanged
        title={t('activate.doneTitle')}
        text={t('activate.doneText')}
        login={login}
      />
    );
  }
  const rejected = rejectedProblems(activate.error);
  return (
    <SetPasswordForm
      title={t('activate.title')}
      intro={t('activate.intro', { name: displayName, login })}
      submitLabel={t('activate.submit')}
      minLength={session.data.organization.passwordMinLength}
      login={login}
      pending={activate.isPending}
      errorMessage={activate.error && rejected.length === 0 ? activate.error.message : undefined}
      rejected={rejected}
      onSubmit={(newPassword) => {
        activate.mutate({ token, newPassword });
      }}
    />
  );
}
