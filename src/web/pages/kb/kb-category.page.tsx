import { Accordion, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useKbCategoryPage } from '../../api/kb.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ArticleBody } from './article-body.js';
import { isNotFound, KbNotFound } from './kb-not-found.js';

/** /kb/c/:slug — the FAQ page of a category: its articles as an accordion. */
export function KbCategoryPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const page = useKbCategoryPage(slug);
  usePageTitle(page.data?.category.name ?? t('kb.title'));
  if (isNotFound(page.error)) return <KbNotFound what="category" />;
  if (!page.data) return <QueryState query={page} />;
  const { category, articles } = page.data;
  return (
    <Stack gap="md" maw={820}>
      <Anchor component={Link} to="/kb">
        {t('kb.backToKb')}
      </Anchor>
      <Title order={1}>{category.name}</Title>
      {category.description && <Text>{category.description}</Text>}
      {/* `order` wraps each control in an <h2>: a heading inside the button would be invalid. */}
      <Accordion variant="separated" multiple order={2}>
        {articles.map((article) => (
          <Accordion.Item key={article.id} value={article.id}>
            <Accordion.Control fw={600}>{article.title}</Accordion.Control>
            <Accordion.Panel>
              <ArticleBody html={article.html} topLevel={3} />
              <Anchor component={Link} to={`/kb/a/${article.slug}`}>
                {t('kb.openArticle')}
              </Anchor>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
