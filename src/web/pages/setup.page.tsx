import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ZSetupRequest } from '../../shared/contracts/session.js';
import { ApiError } from '../api/client.js';
import { useCompleteSetup, useSession, useSetupStatus } from '../api/auth.js';
import { newPasswordLocalProblems } from '../auth/new-password-fields.js';
import { rejectedProblems } from '../auth/password-problems.js';
import { readFieldIssues, type FieldIssue } from '../components/form-errors.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';

type Field = 'displayName' | 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: Field[] = ['displayName', 'email', 'password'];

function isField(name: string): name is Field {
  return (FIELDS as string[]).includes(name);
}

function InvalidLink({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('setup.invalidTitle')}</Title>
      <Text>{message}</Text>
      <Button component={Link} to="/signin" variant="default">
        {t('setup.toSignIn')}
      </Button>
    </Stack>
  );
}

/** First-administrator setup through the one-time link printed by the server. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('setup.title'));
  const { token = '' } = useParams();
  const status = useSetupStatus(token);
  const session = useSession();
  const minLength = session.data?.organization.passwordMinLength ?? 10;
  const complete = useCompleteSetup(token);
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: '',
    email: '',
    password: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const messageFor = (issue: FieldIssue): string => {
    switch (issue.field) {
      case 'displayName':
        return issue.code === 'too_big' ? t('setup.nameTooLong') : t('setup.nameRequired');
      case 'password':
        return issue.code === 'too_big'
          ? t('setup.passwordTooLong')
          : t('setup.passwordTooShort', { count: minLength });
      default:
        return t('setup.emailInvalid');
    }
  };

  /** Shows the first problem of each field and focuses the first field with one. */
  const showIssues = (issues: FieldIssue[]): boolean => {
    const found: FieldErrors = {};
    for (const issue of issues) {
      if (isField(issue.field)) found[issue.field] ??= messageFor(issue);
    }
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      const inputs = { displayName: nameRef, email: emailRef, password: passwordRef };
      inputs[first].current?.focus();
    }
    return first !== undefined;
  };

  const linkError =
    complete.error instanceof ApiError && complete.error.code === 'link_invalid'
      ? complete.error
      : status.error instanceof ApiError && status.error.code === 'link_invalid'
        ? status.error
        : null;
  if (linkError) return <InvalidLink message={linkError.message} />;
  if (!status.data) return <QueryState query={status} />;

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZSetupRequest.safeParse(values);
    if (!parsed.success) {
      showIssues(readFieldIssues(parsed.error.issues));
      return;
    }
    // The full policy is the server's (common passwords); the length is known here already.
    if (newPasswordLocalProblems(values.password, minLength).includes('too_short')) {
      showIssues([{ field: 'password', code: 'too_small' }]);
      return;
    }
    setErrors({});
    complete.mutate(parsed.data, {
      onSuccess: () => {
        void navigate('/console', { replace: true });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed') {
          showIssues(readFieldIssues(error.details));
        }
        const problems = rejectedProblems(error);
        if (problems.length > 0) {
          const rules = problems.map((problem) =>
            t(`passwordRules.${problem}`, { count: minLength }),
          );
          setErrors({ password: `${t('passwordRules.rejected')} (${rules.join('; ')})` });
          passwordRef.current?.focus();
        }
      },
    });
  };

  const bind = (field: Field) => ({
    name: field,
    required: true,
    value: values[field],
    error: errors[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [field]: value }));
    },
  });

  return (
    <Paper maw={480} mx="auto" mt="lg" p="lg" withBorder>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text fw={500}>
            {t('setup.organization', { organization: status.data.organization.name })}
          </Text>
          <Text>{t('setup.intro')}</Text>
          {complete.isError && (
            <Alert color="red" variant="light" role="alert">
              {complete.error.message}
            </Alert>
          )}
          <TextInput
            ref={nameRef}
            label={t('setup.displayName')}
            autoComplete="name"
            {...bind('displayName')}
          />
          <TextInput
            ref={emailRef}
            label={t('setup.email')}
            type="email"
            inputMode="email"
            autoComplete="username"
            {...bind('email')}
          />
          <PasswordInput
            ref={passwordRef}
            label={t('setup.password')}
            description={t('setup.passwordHint', { count: minLength })}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('app.togglePassword') }}
            {...bind('password')}
          />
          <Button type="submit" loading={complete.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
