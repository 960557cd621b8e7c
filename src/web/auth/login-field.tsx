import { Button, Stack, Text, TextInput } from '@mantine/core';
import { forwardRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasInvisibleCharacters } from '../../shared/normalize.js';
import { capsLockFrom, suggestLayoutFix } from './login-hints.js';

// The same characters `normalizeIdentifier` drops; removed as soon as they arrive.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Props of LoginField. */
interface LoginFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Caps Lock seen on the last key press in this field. */
  capsLock: boolean;
  onCapsLock: (on: boolean) => void;
  label?: string;
}

/**
 * The one login field (email, phone or personal code) with the browser's hints: invisible
 * characters removed from pasted text, a likely wrong keyboard layout, Caps Lock.
 */
export const LoginField = forwardRef<HTMLInputElement, LoginFieldProps>(function LoginField(
  { value, onChange, error, capsLock, onCapsLock, label },
  ref,
) {
  const { t } = useTranslation();
  const [cleaned, setCleaned] = useState(false);
  const layoutFix = suggestLayoutFix(value);

  const readCapsLock = (event: KeyboardEvent<HTMLInputElement>) => {
    const on = capsLockFrom(event.nativeEvent);
    if (on !== null) onCapsLock(on);
  };

  const hints = (
    <>
      {cleaned && (
        <Text size="sm" component="span" display="block">
          {t('signIn.invisibleRemoved')}
        </Text>
      )}
      {layoutFix && (
        <Stack gap={4} component="span" align="flex-start">
          <Text size="sm" component="span" display="block">
            {t('signIn.wrongLayout')}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              onChange(layoutFix);
            }}
          >
            {t('signIn.useConverted', { text: layoutFix })}
          </Button>
        </Stack>
      )}
      {capsLock && (
        <Text size="sm" component="span" display="block">
          {t('signIn.capsLock')}
        </Text>
      )}
    </>
  );
  const hasHints = cleaned || layoutFix !== null || capsLock;

  return (
    <TextInput
      ref={ref}
      label={label ?? t('signIn.login')}
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      required
      value={value}
      error={error}
      description={hasHints ? <span role="status">{hints}</span> : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      onKeyDown={readCapsLock}
      onKeyUp={readCapsLock}
      onChange={(event) => {
        const raw = event.currentTarget.value;
        if (hasInvisibleCharacters(raw)) {
          setCleaned(true);
          onChange(raw.replace(INVISIBLE, ''));
        } else {
          if (raw === '') setCleaned(false);
          onChange(raw);
        }
      }}
    />
  );
});
