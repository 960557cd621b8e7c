import { Anchor, Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useKbArticle } from '../../api/kb.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { currentLocale } from '../../i18n/index.js';
import { ArticleBody } from './article-body.js';
import { isNotFound, KbNotFound } from './kb-not-found.js';
import { ArticleFeedback } from './article-feedback.js';

/** /kb/a/:slug — one article with «Была ли статья полезна?». */
export function KbArticlePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const article = useKbArticle(slug);
  usePageTitle(article.data?.title ?? t('kb.title'));
  if (isNotFound(article.error)) return <KbNotFound what="article" />;
  if (!article.data) return <QueryState query={article} />;
  const { data } = article;
  return (
    <Stack gap="md" component="article" maw={820}>
      <Group gap="xs" component="nav" aria-label={t('kb.breadcrumbs')}>
        <Anchor component={Link} to="/kb">
          {t('kb.backToKb')}
        </Anchor>
        <Text c="dimmed" aria-hidden>
          /
        </Text>
        <Anchor component={Link} to={`/kb/c/${data.category.slug}`}>
          {data.category.name}
        </Anchor>
      </Group>
      <Title order={1}>{data.title}</Title>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('kb.updated', { date: formatDateTime(data.updatedAt, currentLocale()) })}
        </Text>
        {data.tags.map((tag) => (
          <Badge key={tag} variant="light">
            {tag}
          </Badge>
        ))}
      </Group>
      <ArticleBody html={data.html} />
      <Divider />
      <ArticleFeedback articleId={data.id} />
    </Stack>
  );
}
