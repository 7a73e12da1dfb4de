import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

describe('Markdown tables (remark-gfm)', () => {
  it('renders a table, with its header cells, inside a scroll container', () => {
    const out = renderToStaticMarkup(
      <Markdown text={'| Kirjasto | Käyntejä |\n| --- | ---: |\n| Oulu | 3 |\n'} />,
    );
    expect(out).toContain('<div class="table-wrap" tabindex="0"><table>');
    expect(out).toMatch(/<th>Kirjasto<\/th>/);
    expect(out).toMatch(/<td>Oulu<\/td>/);
    expect(out).not.toContain('| ---');
  });
});
