import { Typography } from '@mantine/core';

/**
 * Moves the article's headings down so the highest one is `<h{topLevel}>`: an article
 * written with `# Заголовок` must not compete with the page's own `<h1>`, and headings stay
 * in order for screen-reader navigation. Safe on this HTML: with raw HTML disabled, a
 * `<h2>` typed in the Markdown arrives escaped as `&lt;h2&gt;`, so only real tags match.
 */
function shiftHeadings(html: string, topLevel: number): string {
  const levels = [...html.matchAll(/<h([1-6])>/g)].map((match) => Number(match[1]));
  if (levels.length === 0) return html;
  const shift = topLevel - Math.min(...levels);
  if (shift <= 0) return html;
  return html.replace(
    /<(\/?)h([1-6])>/g,
    (_tag, close: string, level: string) => `<${close}h${Math.min(6, Number(level) + shift)}>`,
  );
}

/**
 * An article's HTML. It comes from the server's Markdown renderer with raw HTML disabled
 * (`markdown-it`, `html: false`), so it holds only the markup Markdown produces.
 */
export function ArticleBody({ html, topLevel = 2 }: { html: string; topLevel?: number }) {
  return (
    <Typography>
      <div dangerouslySetInnerHTML={{ __html: shiftHeadings(html, topLevel) }} />
    </Typography>
  );
}
