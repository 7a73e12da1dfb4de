import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeUrl } from './markdown';

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe('safe Markdown', () => {
  it('renders ordinary Markdown', () => {
    expect(html('# Otsikko\n\n**Tärkeää** ja [linkki](https://www.kirjastot.fi/).')).toBe(
      '<div class="markdown"><h1>Otsikko</h1>\n<p><strong>Tärkeää</strong> ja <a href="https://www.kirjastot.fi/">linkki</a>.</p></div>',
    );
  });

  it('drops raw HTML', () => {
    const out = html('Hei <script>alert(1)</script> <img src=x onerror=alert(1)> <b>lihava</b>');
    expect(out).not.toMatch(/<script|onerror|<img|<b>/);
  });

  it('removes script and data URLs, however written', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      '//evil.example/',
    ]) {
      expect(safeUrl(url), url).toBe('');
    }
    expect(html('[x](javascript:alert(1))')).not.toContain('javascript');
    expect(html('![kuva](data:image/png;base64,AAAA)')).not.toContain('data:');
  });

  it('keeps http(s), mailto and site-relative links', () => {
    expect(safeUrl('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeUrl('mailto:ake@example.org')).toBe('mailto:ake@example.org');
    expect(safeUrl('/resources')).toBe('/resources');
    expect(safeUrl('#kohta')).toBe('#kohta');
  });
});
