/** Props of Highlighted. */
interface HighlightedProps {
  /** A search snippet: HTML-escaped text whose only markup is `<mark>…</mark>`. */
  snippet: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * Shows a snippet with its matches highlighted, as React text nodes: nothing from the
 * server is ever parsed as HTML, so even a wrong snippet cannot inject markup.
 */
export function Highlighted({ snippet }: HighlightedProps) {
  const parts = snippet.split(/<mark>|<\/mark>/);
  return (
    <>
      {parts.map((part, index) =>
        // Splitting on the open and close tags alternates plain and highlighted text.
        index % 2 === 1 ? (
          <mark key={index}>{unescape(part)}</mark>
        ) : (
          <span key={index}>{unescape(part)}</span>
        ),
      )}
    </>
  );
}
