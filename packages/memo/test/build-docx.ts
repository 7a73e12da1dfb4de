// Builds minimal, valid .docx files for the fixtures from a small line-based source, so no
// binary is committed and the Word-specific paths (numbering, bold runs, hyperlinks) are real.
//
// Source format, one paragraph per line (blank lines ignored):
//   #h1 text            a Heading 1 paragraph
//   #ol0 text           a Word-numbered list item at level 0 (#ol1 for level 1)
//   #ul0 text           a bulleted list item (level 0 "•", level 1 Word's "o")
//   anything else       a normal paragraph
// Inline: **bold** runs and [text](url) hyperlinks.
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

function escapeXml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
}

function run(text: string, bold: boolean, style?: string): string {
  const properties = [style ? `<w:rStyle w:val="${style}"/>` : '', bold ? '<w:b/>' : ''].join('');
  const rPr = properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`;
  return `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** Inline text to runs; hyperlink targets are added to `links` and referenced by id. */
function runs(text: string, links: string[]): string {
  const parts: string[] = [];
  let bold = false;
  for (const token of text.split(/(\*\*|\[[^\]]*\]\([^)\s]*\))/u)) {
    if (token === '') continue;
    if (token === '**') {
      bold = !bold;
      continue;
    }
    const link = /^\[([^\]]*)\]\(([^)\s]*)\)$/u.exec(token);
    if (link) {
      links.push(link[2] ?? '');
      const id = `rIdLink${links.length}`;
      parts.push(
        `<w:hyperlink r:id="${id}">${run(link[1] ?? '', bold, 'Hyperlink')}</w:hyperlink>`,
      );
    } else {
      parts.push(run(token, bold));
    }
  }
  return parts.join('');
}

function paragraph(line: string, links: string[]): string {
  const heading = /^#h([1-6])\s+(.*)$/u.exec(line);
  if (heading) {
    return `<w:p><w:pPr><w:pStyle w:val="Heading${heading[1]}"/></w:pPr>${runs(heading[2] ?? '', links)}</w:p>`;
  }
  const list = /^#(ol|ul)([0-8])\s+(.*)$/u.exec(line);
  if (list) {
    const numId = list[1] === 'ol' ? 1 : 2;
    return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${list[2]}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${runs(list[3] ?? '', links)}</w:p>`;
  }
  return `<w:p>${runs(line, links)}</w:p>`;
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>
</w:styles>`;

/** A .docx file (as bytes) whose body is the given source, built the same way every time. */
export async function buildDocx(source: string): Promise<Buffer> {
  const links: string[] = [];
  const body = source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => paragraph(line, links))
    .join('\n    ');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}">
  <w:body>
    ${body}
    <w:sectPr/>
  </w:body>
</w:document>`;
  const linkRelationships = links
    .map(
      (url, i) =>
        `<Relationship Id="rIdLink${i + 1}" Type="${R}/hyperlink" Target="${escapeXml(url)}" TargetMode="External"/>`,
    )
    .join('');
  const zip = new JSZip();
  const options = { date: FIXED_DATE };
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`,
    options,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
</Relationships>`,
    options,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rIdNumbering" Type="${R}/numbering" Target="numbering.xml"/>
  <Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>
  ${linkRelationships}
</Relationships>`,
    options,
  );
  zip.file('word/document.xml', document, options);
  zip.file('word/numbering.xml', NUMBERING, options);
  zip.file('word/styles.xml', STYLES, options);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
