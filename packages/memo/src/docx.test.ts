import { describe, expect, it } from 'vitest';
import { MemoFileError, htmlToMemoText, parseMemoFile } from './docx.js';

describe('parseMemoFile', () => {
  it('rejects binary junk named .docx with a clear error', async () => {
    // Deterministic junk: a byte pattern that is not a zip.
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256));
    await expect(parseMemoFile(junk, 'muistio.docx')).rejects.toBeInstanceOf(MemoFileError);
    await expect(parseMemoFile(junk, 'muistio.docx')).rejects.toMatchObject({
      code: 'invalid_docx',
    });
  });

  it('rejects a zip that is not a Word document', async () => {
    const emptyZip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
    await expect(parseMemoFile(emptyZip, 'muistio.docx')).rejects.toMatchObject({
      code: 'invalid_docx',
    });
  });

  it('rejects formats it cannot read', async () => {
    await expect(parseMemoFile(Buffer.from('x'), 'muistio.pdf')).rejects.toMatchObject({
      code: 'unsupported_format',
    });
  });

  it('reads binary junk named .txt with warnings instead of throwing', async () => {
    const draft = await parseMemoFile(Buffer.from([0, 159, 146, 150, 0, 255, 1, 2]), 'muistio.txt');
    expect(draft.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['nul_bytes', 'encoding_fallback']),
    );
  });

  it('reads Windows-1252 text', async () => {
    const latin = Buffer.from('Työryhmä\n\nAika: ma 11.3.2019 klo 13-15\n', 'latin1');
    const draft = await parseMemoFile(latin, 'muistio.txt');
    expect(draft.title).toBe('Työryhmä');
    expect(draft.startsAt).toBe('2019-03-11T13:00:00+02:00');
  });
});

describe('htmlToMemoText', () => {
  it('numbers top-level list items across interrupted lists and nests bullets', () => {
    const html =
      '<p><strong>Aika:</strong> ma 5.10.2020</p><ol><li><strong>Avaus</strong></li></ol><p>Teksti &amp; muuta</p>' +
      '<ol><li><strong>Linkit</strong><ul><li><a href="https://a.fi/">https://a.fi/</a></li><li><a href="https://b.fi">B</a></li></ul></li></ol>';
    expect(htmlToMemoText(html)).toBe(
      '**Aika:** ma 5.10.2020\n\n1. **Avaus**\n\nTeksti & muuta\n\n2. **Linkit**\n  - <https://a.fi/>\n  - [B](https://b.fi)\n',
    );
  });
});
