import {
  Anchor,
  Card,
  Group,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useKbCategories, useKbSearch } from '../../api/kb.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { Highlighted } from './highlighted.js';

/** /kb — the search box with results, and the categories. */
export function KbHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('kb.title'));
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(query, 300);
  const search = useKbSearch(debounced, page);
  const categories = useKbCategories();
  const searching = debounced.trim().length >= 2;

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('kb.title')}</Title>
      <Text>{t('kb.intro')}</Text>
      <TextInput
        type="search"
        size="md"
        label={t('kb.searchLabel')}
        placeholder={t('kb.searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setPage(1);
          setParams(event.currentTarget.value ? { q: event.currentTarget.value } : {}, {
            replace: true,
          });
        }}
      />
      {searching && (
        <Stack gap="sm" component="section" aria-live="polite" aria-label={t('kb.searchResults')}>
          {!search.data ? (
            <QueryState query={search} />
          ) : search.data.total === 0 ? (
            <Text c="dimmed">{t('kb.noMatches')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('kb.results', { count: search.data.total })}
              </Text>
              {search.data.items.map((item) => (
                <Card key={item.id} withBorder padding="sm">
                  <Anchor component={Link} to={item.url} fw={600}>
                    {item.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    <Highlighted snippet={item.snippet} />
                  </Text>
                </Card>
              ))}
              {search.data.total > search.data.pageSize && (
                <Pagination
                  value={page}
                  onChange={setPage}
                  total={Math.ceil(search.data.total / search.data.pageSize)}
                />
              )}
            </>
          )}
        </Stack>
      )}
      <Title order={2}>{t('kb.categories')}</Title>
      {!categories.data ? (
        <QueryState query={categories} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {categories.data.items.map((category) => (
            <Card
              key={category.id}
              withBorder
              padding="md"
              component={Link}
              to={`/kb/c/${category.slug}`}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{category.name}</Text>
                <Text size="sm" c="dimmed">
                  {t('kb.articleCount', { count: category.articleCount })}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {category.description}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
