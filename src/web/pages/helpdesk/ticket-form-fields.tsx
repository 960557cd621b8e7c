import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../shared/contracts/helpdesk-tickets.js';

/** Props of TicketFormFields. */
interface TicketFormFieldsProps {
  fields: FormField[];
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
}

/** The organization's own fields of the ticket form («Версия ОС», «Версия продукта»). */
export function TicketFormFields({ fields, values, errors, onChange }: TicketFormFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((field) =>
        field.kind === 'select' ? (
          <Select
            key={field.key}
            name={`field-${field.key}`}
            label={field.label}
            required={field.required}
            placeholder={t('helpdesk.form.chooseOption')}
            data={field.options}
            value={values[field.key] || null}
            onChange={(value) => {
              onChange(field.key, value ?? '');
            }}
            error={errors[field.key]}
            clearable={!field.required}
            allowDeselect={!field.required}
          />
        ) : (
          <TextInput
            key={field.key}
            name={`field-${field.key}`}
            label={field.label}
            required={field.required}
            maxLength={500}
            value={values[field.key] ?? ''}
            onChange={(event) => {
              onChange(field.key, event.currentTarget.value);
            }}
            error={errors[field.key]}
          />
        ),
      )}
    </>
  );
}
