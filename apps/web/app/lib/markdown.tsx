/**
 * Markdown of best practices and ideas, rendered safely: raw HTML is dropped (`skipHtml`), and
 * links and images may only point to http(s), mailto or this site. Everything else
 * (`javascript:`, `data:`, `vbscript:` …, however disguised) becomes an empty URL. GitHub's
 * extensions (remark-gfm) are on, so tables, strikethrough and task lists render as they read.
 */
import { type ComponentProps } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

const ALLOWED = /^(https?:|mailto:)/i;

/** The URL when it is safe to put in an `href`/`src`, otherwise ''. */
export function safeUrl(url: string): string {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return ALLOWED.test(compact) ? url.trim() : '';
  // No scheme: relative links on this site are fine; "//host" leaves it and is refused too.
  if (compact.startsWith('//') || compact.startsWith('\\')) return '';
  return url.trim();
}

/** A Markdown table in a scroll container, so a wide one scrolls instead of widening the page. */
function MarkdownTable({ node: _node, ...props }: ComponentProps<'table'> & { node?: unknown }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

/** Renders Markdown text without raw HTML and with safe URLs only. */
export function Markdown({ text, lang }: { text: string; lang?: string }) {
  return (
    <div className="markdown" lang={lang}>
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        remarkPlugins={[remarkGfm]}
        components={{ table: MarkdownTable }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
