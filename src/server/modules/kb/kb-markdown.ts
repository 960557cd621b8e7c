import MarkdownIt from 'markdown-it';

// `html: false`: raw HTML in an article is shown as text, so staff (or a stolen staff
// session) cannot put script into public pages. markdown-it's link validation refuses
// `javascript:`/`vbscript:`/`data:` (except images) URLs.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Article HTML for the public pages and the editor preview. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** The readable text of a Markdown document, without syntax: what search indexes. */
export function markdownToPlain(source: string): string {
  const parts: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
      }
      parts.push('\n');
    } else if (token.type === 'fence' || token.type === 'code_block') {
      parts.push(token.content, '\n');
    }
  }
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
