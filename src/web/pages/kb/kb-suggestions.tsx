/**
 * `KbSuggestions` — knowledge-base articles for what a customer is typing (the ticket form).
 *
 * Stable API for embedding:
 * ```tsx
 * <KbSuggestions query={`${subject} ${description}`} onSolved={(articleId) => navigate('/tickets')} />
 * ```
 * - `query`: the text typed so far; the component debounces it (300 ms) and asks
 *   `GET /api/kb/suggest` once it has two or more characters.
 * - Shows up to five articles, or «Совпадений со статьями не найдено» when none match.
 * - Each article opens inline (expands in place, counts a view); inside, «Это решило мою
 *   проблему» posts `POST /api/kb/articles/{id}/deflections` with the query (the customer
 *   must be signed in) and then calls `onSolved(articleId)`. The caller ends the form.
 */
import { Accordion, Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbArticle, useKbDeflection, useKbSuggestions } from '../../api/kb.js';
import { ArticleBody } from './article-body.js';
import { Highlighted } from './highlighted.js';

/** Props of KbSuggestions. */
export interface KbSuggestionsProps {
  /** What the person has typed (subject and description); debounced inside. */
  query: string;
  /** Called after the deflection was recorded: the article answered the question. */
  onSolved: (articleId: string) => void;
}

function InlineArticle({
  slug,
  onSolved,
  query,
}: {
  slug: string;
  query: string;
  onSolved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const article = useKbArticle(slug);
  const deflection = useKbDeflection();
  if (!article.data)
    return article.isError ? <Text c="red">{article.error.message}</Text> : <Loader size="sm" />;
  const { id, html } = article.data;
  return (
    <Stack gap="sm">
      <ArticleBody html={html} />
      {deflection.isError && (
        <Alert color="red" role="alert">
          {deflection.error.message}
        </Alert>
      )}
      <Button
        color="teal"
        style={{ alignSelf: 'flex-start' }}
        loading={deflection.isPending}
        onClick={() => {
          deflection.mutate(
            { articleId: id, query },
            {
              onSuccess: () => {
                onSolved(id);
              },
            },
          );
        }}
      >
        {t('kb.solved')}
      </Button>
    </Stack>
  );
}

/** Up to five suggested articles, each expandable, with «Это решило мою проблему». */
export function KbSuggestions({ query, onSolved }: KbSuggestionsProps) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(query, 300);
  const suggestions = useKbSuggestions(debounced);
  const [open, setOpen] = useState<string | null>(null);
  if (debounced.trim().length < 2) return null;
  const items = suggestions.data?.items;
  return (
    <Stack gap="xs" component="section" aria-labelledby="kb-suggestions-title" aria-live="polite">
      <Title order={2} size="h5" id="kb-suggestions-title">
        {t('kb.suggestionsTitle')}
      </Title>
      {!items ? (
        suggestions.isError ? null : (
          <Text size="sm" c="dimmed">
            {t('kb.suggestionsLoading')}
          </Text>
        )
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('kb.noMatches')}
        </Text>
      ) : (
        <Accordion value={open} onChange={setOpen} variant="contained">
          {items.map((item) => (
            <Accordion.Item key={item.id} value={item.url}>
              <Accordion.Control>
                <Text fw={600}>{item.title}</Text>
                <Text size="sm" c="dimmed">
                  <Highlighted snippet={item.snippet} />
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                {open === item.url && (
                  <InlineArticle
                    slug={item.url.replace('/kb/a/', '')}
                    query={debounced}
                    onSolved={onSolved}
                  />
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
