import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { KbArticleStatus } from '../../../../shared/contracts/kb.js';
import { useStaffKbArticles, useStaffKbCategories } from '../../../api/kb.js';
import { formatDateTime } from '../../../components/format.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { currentLocale } from '../../../i18n/index.js';
import { KbStats } from './kb-stats.js';

type Filter = 'all' | KbArticleStatus;

/** Console → База знаний: statistics and the articles with status, views and votes. */
export function KbListPage() {
  const { t } = useTranslation();
  usePageTitle(t('kb.console.title'));
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  // The category lives in the address so «Показать статьи раздела» can link here.
  const [params, setParams] = useSearchParams();
  const categoryId = params.get('category') ?? undefined;
  const categories = useStaffKbCategories();
  const articles = useStaffKbArticles(filter === 'all' ? undefined : filter, page, categoryId);
  const locale = currentLocale();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('kb.console.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to="/console/kb/categories" variant="default">
            {t('kb.console.categories.manage')}
          </Button>
          <Button component={Link} to="/console/kb/new">
            {t('kb.console.newArticle')}
          </Button>
        </Group>
      </Group>
      <KbStats />
      <Group align="flex-end" gap="md">
        <SegmentedControl
          aria-label={t('kb.console.filter')}
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('kb.console.all') },
            { value: 'published', label: t('kb.console.status.published') },
            { value: 'draft', label: t('kb.console.status.draft') },
          ]}
        />
        <Select
          label={t('kb.console.filterCategory')}
          value={categoryId ?? ''}
          allowDeselect={false}
          data={[
            { value: '', label: t('kb.console.allCategories') },
            ...(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.nameRu })),
          ]}
          onChange={(value) => {
            setParams(value ? { category: value } : {}, { replace: true });
            setPage(1);
          }}
          maw={320}
        />
      </Group>
      {!articles.data ? (
        <QueryState query={articles} />
      ) : articles.data.items.length === 0 ? (
        <Text c="dimmed">{t('kb.console.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kb.console.columns.title')}</Table.Th>
                  <Table.Th>{t('kb.console.columns.category')}</Table.Th>
                  <Table.Th>{t('kb.console.columns.status')}</Table.Th>
                  <Table.Th>{t('kb.console.columns.views')}</Table.Th>
                  <Table.Th>{t('kb.console.columns.feedback')}</Table.Th>
                  <Table.Th>{t('kb.console.columns.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {articles.data.items.map((article) => (
                  <Table.Tr key={article.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/console/kb/${article.id}`}>
                        {article.titleRu}
                      </Anchor>
                      {article.hasEn && (
                        <Badge ml="xs" size="xs" variant="outline">
                          EN
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{article.categoryName}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={article.status === 'published' ? 'teal' : 'gray'}
                        variant="light"
                      >
                        {t(`kb.console.status.${article.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{article.views}</Table.Td>
                    <Table.Td>
                      {article.helpfulYes} / {article.helpfulNo}
                    </Table.Td>
                    <Table.Td>{formatDateTime(article.updatedAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {articles.data.total > articles.data.pageSize && (
            <Pagination
              value={page}
              onChange={setPage}
              total={Math.ceil(articles.data.total / articles.data.pageSize)}
            />
          )}
        </>
      )}
    </Stack>
  );
}
