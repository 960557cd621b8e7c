import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** Texts of a paged console list, already translated. */
export interface PagedListTexts {
  title: string;
  intro: string;
  empty: string;
  /** «N писем» for the number of items shown. */
  count: (count: number) => string;
}

/**
 * A console page listing items newest first, page by page («Показать ещё»), with a refresh
 * button: the shape of the mail and SMS outboxes.
 */
export function PagedListPage<Page, Item extends { id: string }>({
  texts,
  query,
  items,
  renderItem,
}: {
  texts: PagedListTexts;
  query: UseInfiniteQueryResult<InfiniteData<Page>>;
  items: (page: Page) => Item[];
  renderItem: (item: Item) => ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(texts.title);
  const all = query.data?.pages.flatMap(items) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{texts.title}</Title>
        <Button
          variant="default"
          size="sm"
          onClick={() => void query.refetch()}
          loading={query.isFetching && !query.isFetchingNextPage}
        >
          {t('outbox.refresh')}
        </Button>
      </Group>
      <Text>{texts.intro}</Text>
      {!query.data ? (
        <QueryState query={query} />
      ) : all.length === 0 ? (
        <Text>{texts.empty}</Text>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {texts.count(all.length)}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {all.map(renderItem)}
          </Stack>
          {query.isError && <QueryState query={query} />}
          {query.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('outbox.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
