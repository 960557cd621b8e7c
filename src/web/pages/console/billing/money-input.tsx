import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../../../../shared/money.js';

/** Props of MoneyInput. */
interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** Show the "not an amount" error (after a submit attempt). */
  showInvalid?: boolean;
  allowNegative?: boolean;
}

/**
 * An amount in rubles as the person types it (`1 500`, `1 500,50`); `parseMoney` turns it into
 * kopecks. A text field, not a number field: a comma for kopecks and spaces between thousands
 * are how amounts are written in Russian.
 */
export function MoneyInput({
  value,
  onChange,
  showInvalid = false,
  allowNegative = false,
  ...props
}: MoneyInputProps) {
  const { t } = useTranslation();
  const invalid = showInvalid && parseMoney(value, { allowNegative }) === null;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      description={t('billingConsole.common.amountHint')}
      {...props}
      value={value}
      error={invalid ? t('billingConsole.common.amountInvalid') : props.error}
      onChange={(event) => {
        onChange(event.currentTarget.value);
      }}
    />
  );
}
