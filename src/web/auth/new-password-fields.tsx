import { List, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { forwardRef, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordProblem } from '../../shared/contracts/auth.js';
import { hasInvisibleCharacters } from '../../shared/normalize.js';
import { usePasswordCheck } from '../api/password.js';
import { PasswordField } from './password-field.js';

/** Rules shown under the new password, in the order people read them. */
const RULES: PasswordProblem[] = [
  'too_short',
  'surrounding_whitespace',
  'invisible_characters',
  'too_common',
  'contains_login',
];

/** Props of NewPasswordFields. */
interface NewPasswordFieldsProps {
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  /** The organization's minimum length. */
  minLength: number;
  /** The person's login, so "does not contain your login" can be checked. */
  login?: string | undefined;
  /** Problems the server reported on submit (`password_rejected`). */
  rejected?: PasswordProblem[] | undefined;
  /** Shown on the repeat field (e.g. "passwords differ" after submit). */
  repeatError?: string | undefined;
  label?: string;
}

/** Problems the browser can see by itself, before the server's check answers. */
function localProblems(password: string, minLength: number): Set<PasswordProblem> {
  const found = new Set<PasswordProblem>();
  if (Array.from(password).length < minLength) found.add('too_short');
  if (password !== password.trim()) found.add('surrounding_whitespace');
  if (hasInvisibleCharacters(password)) found.add('invisible_characters');
  return found;
}

/**
 * A new password typed twice, with each rule ticked off live: length, whitespace and
 * invisible characters in the browser; common passwords and the login by the server.
 */
export const NewPasswordFields = forwardRef<HTMLInputElement, NewPasswordFieldsProps>(
  function NewPasswordFields(props, ref) {
    const { t } = useTranslation();
    const { password, repeat, minLength, login, rejected, repeatError } = props;
    const rulesId = useId();
    const [debounced] = useDebouncedValue(password, 350);
    const check = usePasswordCheck(debounced, login, debounced.length >= minLength);
    const local = localProblems(password, minLength);
    const serverKnows = check.data !== undefined && debounced === password;

    const stateOf = (rule: PasswordProblem): 'ok' | 'bad' | 'unknown' => {
      if (rejected?.includes(rule)) return 'bad';
      if (
        rule === 'too_short' ||
        rule === 'surrounding_whitespace' ||
        rule === 'invisible_characters'
      ) {
        return password ? (local.has(rule) ? 'bad' : 'ok') : 'unknown';
      }
      if (!serverKnows) return 'unknown';
      return check.data.problems.includes(rule) ? 'bad' : 'ok';
    };

    const rules = (
      <Stack gap={2} component="span" id={rulesId}>
        <Text size="sm" component="span">
          {t('passwordRules.intro')}
        </Text>
        <List size="sm" spacing={2} component="ul" aria-live="polite">
          {RULES.filter((rule) => rule !== 'contains_login' || login).map((rule) => {
            const state = stateOf(rule);
            const mark = state === 'ok' ? '✓' : state === 'bad' ? '✗' : '•';
            const color = state === 'ok' ? 'teal' : state === 'bad' ? 'red' : 'gray';
            return (
              <List.Item
                key={rule}
                data-rule={rule}
                data-state={state}
                icon={
                  <ThemeIcon size={16} radius="xl" color={color} variant="light" aria-hidden>
                    {mark}
                  </ThemeIcon>
                }
              >
                {t(`passwordRules.${rule}`, { count: minLength })}
                <span className="visually-hidden">
                  {' — '}
                  {t(`passwordRules.state.${state}`)}
                </span>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    );

    return (
      <Stack gap="md">
        <PasswordField
          ref={ref}
          label={props.label ?? t('passwordRules.newPassword')}
          name="new-password"
          autoComplete="new-password"
          required
          value={password}
          description={rules}
          error={rejected && rejected.length > 0 ? t('passwordRules.rejected') : undefined}
          onChange={(event) => {
            props.onPasswordChange(event.currentTarget.value);
          }}
        />
        <PasswordField
          label={t('passwordRules.repeat')}
          name="repeat-password"
          autoComplete="new-password"
          required
          value={repeat}
          error={repeatError}
          onChange={(event) => {
            props.onRepeatChange(event.currentTarget.value);
          }}
        />
      </Stack>
    );
  },
);

/** The problems the browser alone can see; submit is refused while any remains. */
export function newPasswordLocalProblems(password: string, minLength: number): PasswordProblem[] {
  return [...localProblems(password, minLength)];
}
