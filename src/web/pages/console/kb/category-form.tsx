import {
  Alert,
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ZKbCategoryInput,
  type KbCategoryInput,
  type KbStaffCategory,
} from '../../../../shared/contracts/kb.js';
import { useSaveKbCategory } from '../../../api/kb.js';
import { ApiError } from '../../../api/client.js';
import { readFieldIssues } from '../../../components/form-errors.js';

type Field = keyof KbCategoryInput;

/** The message key of each field's problem; both descriptions share one. */
const ERROR_KEYS = {
  slug: 'kb.console.categories.errors.slug',
  nameRu: 'kb.console.categories.errors.nameRu',
  nameEn: 'kb.console.categories.errors.nameEn',
  descriptionRu: 'kb.console.categories.errors.description',
  descriptionEn: 'kb.console.categories.errors.description',
  sortOrder: 'kb.console.categories.errors.sortOrder',
} as const satisfies Record<Field, string>;

function isField(name: string): name is Field {
  return name in ERROR_KEYS;
}

function draftOf(category: KbStaffCategory | null, nextOrder: number): KbCategoryInput {
  if (!category) {
    return {
      slug: '',
      nameRu: '',
      nameEn: '',
      descriptionRu: '',
      descriptionEn: '',
      sortOrder: nextOrder,
    };
  }
  return {
    slug: category.slug,
    nameRu: category.nameRu,
    nameEn: category.nameEn,
    descriptionRu: category.descriptionRu,
    descriptionEn: category.descriptionEn,
    sortOrder: category.sortOrder,
  };
}

/** Props of CategoryForm. */
interface CategoryFormProps {
  /** The category being changed, or null for a new one. */
  category: KbStaffCategory | null;
  /** The order a new category starts with: after the last one. */
  nextOrder: number;
  onDone: (saved: KbStaffCategory) => void;
  onCancel: () => void;
}

/** Slug, names and descriptions in both languages, and the order; checked before sending. */
export function CategoryForm({ category, nextOrder, onDone, onCancel }: CategoryFormProps) {
  const { t } = useTranslation();
  const save = useSaveKbCategory();
  const [draft, setDraft] = useState<KbCategoryInput>(() => draftOf(category, nextOrder));
  const [invalid, setInvalid] = useState<Set<Field>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);

  // The person lands on the first field to fix rather than hunting for it.
  useEffect(() => {
    if (invalid.size === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalid]);

  const serverField = (error: unknown): Set<Field> => {
    if (!(error instanceof ApiError)) return new Set();
    if (error.code === 'kb_slug_taken') return new Set(['slug']);
    if (error.code !== 'validation_failed') return new Set();
    return new Set(
      readFieldIssues(error.details)
        .map((issue) => issue.field)
        .filter(isField),
    );
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = ZKbCategoryInput.safeParse(draft);
    if (!parsed.success) {
      setInvalid(
        new Set(
          readFieldIssues(parsed.error.issues)
            .map((i) => i.field)
            .filter(isField),
        ),
      );
      return;
    }
    setInvalid(new Set());
    save.mutate(
      { id: category?.id ?? null, input: parsed.data },
      {
        onSuccess: onDone,
        onError: (error) => {
          setInvalid(serverField(error));
        },
      },
    );
  };

  const errorOf = (field: Field) => {
    if (!invalid.has(field)) return undefined;
    if (field === 'slug' && save.error instanceof ApiError && save.error.code === 'kb_slug_taken')
      return save.error.message;
    return t(ERROR_KEYS[field]);
  };
  const text = (field: Exclude<Field, 'sortOrder'>) => ({
    value: draft[field],
    error: errorOf(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      // Slugs are lower-case by contract; typing capitals should not be an error.
      setDraft({ ...draft, [field]: field === 'slug' ? value.toLowerCase() : value });
    },
  });

  const otherError = save.isError && serverField(save.error).size === 0;
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('kb.console.categories.slug')}
          description={t('kb.console.categories.slugHint')}
          required
          maxLength={80}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          {...text('slug')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('kb.console.categories.nameRu')}
            required
            maxLength={120}
            lang="ru"
            {...text('nameRu')}
          />
          <TextInput
            label={t('kb.console.categories.nameEn')}
            required
            maxLength={120}
            lang="en"
            {...text('nameEn')}
          />
          <Textarea
            label={t('kb.console.categories.descriptionRu')}
            autosize
            minRows={2}
            maxLength={500}
            lang="ru"
            {...text('descriptionRu')}
          />
          <Textarea
            label={t('kb.console.categories.descriptionEn')}
            autosize
            minRows={2}
            maxLength={500}
            lang="en"
            {...text('descriptionEn')}
          />
        </SimpleGrid>
        <NumberInput
          label={t('kb.console.categories.sortOrder')}
          description={t('kb.console.categories.sortOrderHint')}
          min={0}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          value={draft.sortOrder}
          error={errorOf('sortOrder')}
          onChange={(value) => {
            setDraft({ ...draft, sortOrder: typeof value === 'number' ? value : 0 });
          }}
          style={{ maxWidth: 240 }}
        />
        {otherError && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('kb.console.categories.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('kb.console.categories.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
