import { PasswordInput, Text, type PasswordInputProps } from '@mantine/core';
import { forwardRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { capsLockFrom } from './login-hints.js';

/** Props of PasswordField: Mantine's, minus what the field decides itself. */
type PasswordFieldProps = Omit<PasswordInputProps, 'visibilityToggleButtonProps'>;

/**
 * A password input with a keyboard-reachable show/hide toggle and a Caps Lock hint.
 * Paste is allowed (password managers); the value is never trimmed.
 */
export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(
  function PasswordField({ description, onKeyDown, onKeyUp, ...props }, ref) {
    const { t } = useTranslation();
    const [capsLock, setCapsLock] = useState(false);
    const readCapsLock = (event: KeyboardEvent<HTMLInputElement>) => {
      const on = capsLockFrom(event.nativeEvent);
      if (on !== null) setCapsLock(on);
    };
    return (
      <PasswordInput
        ref={ref}
        {...props}
        description={
          description || capsLock ? (
            <>
              {description}
              {capsLock && (
                <Text size="sm" component="span" display="block" role="status">
                  {t('signIn.capsLock')}
                </Text>
              )}
            </>
          ) : undefined
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        onKeyDown={(event) => {
          readCapsLock(event);
          onKeyDown?.(event);
        }}
        onKeyUp={(event) => {
          readCapsLock(event);
          onKeyUp?.(event);
        }}
        visibilityToggleButtonProps={{ 'aria-label': t('app.togglePassword'), tabIndex: 0 }}
      />
    );
  },
);
