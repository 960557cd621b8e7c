import { SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useKbPreview } from '../../../api/kb.js';
import { ArticleBody } from '../../kb/article-body.js';

/** One locale's title and Markdown body, with the server-rendered preview beside it. */
export function TranslationFields({
  locale,
  value,
  onChange,
  error,
}: {
  locale: 'ru' | 'en';
  value: { title: string; body: string };
  onChange: (value: { title: string; body: string }) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [body] = useDebouncedValue(value.body, 400);
  const preview = useKbPreview(body, body.trim().length > 0);
  return (
    <Stack gap="sm" pt="sm">
      {locale === 'en' && (
        <Text size="sm" c="dimmed">
          {t('kb.console.enOptional')}
        </Text>
      )}
      <TextInput
        label={t('kb.console.articleTitle')}
        required={locale === 'ru'}
        value={value.title}
        error={error}
        maxLength={200}
        onChange={(event) => {
          onChange({ ...value, title: event.currentTarget.value });
        }}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          label={t('kb.console.body')}
          value={value.body}
          autosize
          minRows={12}
          onChange={(event) => {
            onChange({ ...value, body: event.currentTarget.value });
          }}
        />
        <Stack gap={4} component="section" aria-label={t('kb.console.preview')}>
          <Text size="sm" fw={500}>
            {t('kb.console.preview')}
          </Text>
          {preview.data && <ArticleBody html={preview.data.html} />}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
