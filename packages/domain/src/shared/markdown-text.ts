/**
 * The readable text of a Markdown document: what a reader sees, without the markup
 * (`**kyläilypäivistä**` → `kyläilypäivistä`, a table's cells, a link's text). Parsed with
 * mdast-util-from-markdown and the GFM extensions (the parser react-markdown and remark-gfm use
 * in the web app), so what counts as markup is exactly what the page renders as markup.
 *
 * Blocks (paragraphs, headings, list items, table cells) are separated by a line break, so the
 * words of two blocks never run together; raw HTML is dropped (the web app does not render it
 * either); an image contributes its alt text.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Plain text of `markdown`: blocks on their own lines, inline markup removed. */
export function markdownToText(markdown: string): string {
  if (!markdown.trim()) return '';
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const blocks: string[] = [];
  let line = '';
  const endBlock = () => {
    const text = line.replace(/[ \t]+/g, ' ').trim();
    if (text) blocks.push(text);
    line = '';
  };
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        line += node.value;
        return;
      case 'code':
        endBlock();
        line = node.value;
        endBlock();
        return;
      case 'break':
        line += ' ';
        return;
      case 'image':
      case 'imageReference':
        line += node.alt ?? '';
        return;
      case 'html':
      case 'definition':
      case 'footnoteDefinition':
      case 'yaml':
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        endBlock();
        node.children.forEach(visit);
        endBlock();
        return;
      default:
        if ('children' in node) node.children.forEach(visit);
    }
  };
  visit(tree);
  endBlock();
  return blocks.join('\n');
}
