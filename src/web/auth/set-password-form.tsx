import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordProblem } from '../../shared/contracts/auth.js';
import { NewPasswordFields, newPasswordLocalProblems } from './new-password-fields.js';

/** Props of SetPasswordForm. */
interface SetPasswordFormProps {
  title: string;
  intro: ReactNode;
  submitLabel: string;
  minLength: number;
  login?: string | undefined;
  pending: boolean;
  /** A refusal other than `password_rejected`, already localized. */
  errorMessage?: string | undefined;
  rejected: PasswordProblem[];
  onSubmit: (newPassword: string) => void;
}

/** The new-password form shared by the reset link and the invitation link. */
export function SetPasswordForm(props: SetPasswordFormProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string>();
  const passwordRef = useRef<HTMLInputElement>(null);

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (newPasswordLocalProblems(password, props.minLength).length > 0) {
      passwordRef.current?.focus();
      return;
    }
    if (password !== repeat) {
      setRepeatError(t('passwordRules.mismatch'));
      return;
    }
    setRepeatError(undefined);
    props.onSubmit(password);
  };

  return (
    <Paper maw={480} mx="auto" mt="lg" p={{ base: 'md', xs: 'lg' }} withBorder>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="set-password-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="set-password-title">
            {props.title}
          </Title>
          <Text>{props.intro}</Text>
          {props.errorMessage && (
            <Alert color="red" variant="light" role="alert">
              {props.errorMessage}
            </Alert>
          )}
          {/* Lets password managers store the new password under the right login. */}
          {props.login && (
            <input
              type="text"
              name="username"
              autoComplete="username"
              value={props.login}
              readOnly
              hidden
            />
          )}
          <NewPasswordFields
            ref={passwordRef}
            password={password}
            repeat={repeat}
            onPasswordChange={setPassword}
            onRepeatChange={setRepeat}
            minLength={props.minLength}
            login={props.login}
            rejected={props.rejected}
            repeatError={repeatError}
          />
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
