import { TextInput, type TextInputProps } from '@mantine/core';

type DraftTextInputProps<Draft extends Record<Field, string>, Field extends string> = Omit<
  TextInputProps,
  'value' | 'onChange'
> & {
  draft: Draft;
  /** The string field of the draft this input edits. */
  field: Field;
  onDraft: (next: Draft) => void;
};

/** A text input bound to one string field of a settings dialog's draft. */
export function DraftTextInput<Draft extends Record<Field, string>, Field extends string>({
  draft,
  field,
  onDraft,
  ...props
}: DraftTextInputProps<Draft, Field>) {
  return (
    <TextInput
      {...props}
      value={draft[field]}
      onChange={(event) => {
        onDraft({ ...draft, [field]: event.currentTarget.value });
      }}
    />
  );
}
