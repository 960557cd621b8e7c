import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';

/** True when the server said the article or category does not exist (or is not published). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * A missing (or unpublished) article or category: a real page with a heading and a way
 * back, rather than an error box with a retry button that can never help.
 */
export function KbNotFound({ what }: { what: 'article' | 'category' }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={820}>
      <Title order={1}>
        {what === 'article' ? t('kb.articleNotFound') : t('kb.categoryNotFound')}
      </Title>
      <Text>{t('kb.notFoundText')}</Text>
      <Anchor component={Link} to="/kb">
        {t('kb.backToKb')}
      </Anchor>
    </Stack>
  );
}
