import { Typography } from '@mantine/core';

/**
 * An article's HTML. It comes from the server's Markdown renderer with raw HTML disabled
 * (`markdown-it`, `html: false`), so it holds only the markup Markdown produces.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <Typography>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
