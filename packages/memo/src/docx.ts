// Word memos: mammoth turns the .docx into simple HTML, which is rewritten here as the same
// Markdown-like text the text parser reads. HTML (not mammoth's Markdown writer) because it is
// typed, keeps bold runs and links, and lets numbered lists keep their numbers.
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import { type ChildNode, isTag, isText } from 'domhandler';
import type { MeetingDraft, MemoWarning, ParseMemoOptions } from './types.js';
import { parseMemoText } from './parse-memo.js';

/** Why a memo file could not be read at all; everything softer is a warning in the draft. */
export type MemoFileErrorCode = 'unsupported_format' | 'invalid_docx' | 'too_large';

/** A memo file that cannot be parsed; `code` is stable for callers to branch on. */
export class MemoFileError extends Error {
  readonly code: MemoFileErrorCode;

  constructor(code: MemoFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MemoFileError';
    this.code = code;
  }
}

const MAX_BYTES = 20 * 1024 * 1024;

const VOID_TAGS = new Set(['br', 'img', 'hr']);

interface ListLevel {
  ordered: boolean;
  counter: number;
}

/**
 * Rewrites mammoth's HTML as Markdown-like lines: paragraphs separated by blank lines, bold as
 * `**`, links as `[text](url)`, list items as `- ` or `N. ` indented by depth. Word numbering
 * is not in the HTML, and mammoth starts a new `<ol>` after every interrupting paragraph, so
 * top-level numbers run on through the document — which is what an agenda numbered in Word
 * looks like on paper.
 */
export function htmlToMemoText(html: string): string {
  const out: string[] = [];
  let line = '';
  let prefix = '';
  const lists: ListLevel[] = [];
  let topLevelNumber = 0;
  let link: { href: string; text: string } | null = null;

  const flush = (blankAfter: boolean): void => {
    const content = line.replace(/\*\*\*\*/gu, '').replace(/\*\*(\s*)\*\*/gu, '$1');
    if (content.trim() !== '') out.push(`${prefix}${content.trim()}`);
    line = '';
    prefix = prefix === '' ? '' : ' '.repeat(prefix.length);
    if (blankAfter && out.at(-1) !== '') out.push('');
  };

  const onText = (text: string): void => {
    if (link) link.text += text;
    else line += text;
  };

  const onTag = (tag: string, isClosing: boolean, attributes: Record<string, string>): void => {
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (isClosing) {
          flush(lists.length === 0);
        } else {
          if (line.trim() !== '') flush(false);
          if (lists.length === 0)
            prefix = tag.startsWith('h') ? `${'#'.repeat(Number(tag.slice(1)))} ` : '';
        }
        break;
      case 'ul':
      case 'ol':
        if (isClosing) {
          lists.pop();
          if (lists.length === 0) {
            flush(true);
            prefix = '';
          }
        } else {
          if (line.trim() !== '') flush(false);
          lists.push({ ordered: tag === 'ol', counter: lists.length === 0 ? topLevelNumber : 0 });
        }
        break;
      case 'li': {
        if (isClosing) {
          flush(false);
          break;
        }
        if (line.trim() !== '') flush(false);
        const level = lists.at(-1);
        if (!level) break;
        level.counter += 1;
        if (lists.length === 1 && level.ordered) topLevelNumber = level.counter;
        prefix = `${'  '.repeat(lists.length - 1)}${level.ordered ? `${level.counter}.` : '-'} `;
        break;
      }
      case 'strong':
      case 'b':
        if (link) link.text += '**';
        else line += '**';
        break;
      case 'a':
        if (!isClosing) {
          const href = attributes.href ?? null;
          link = href !== null && !href.startsWith('#') ? { href, text: '' } : null;
        } else if (link) {
          const label = link.text.trim();
          line +=
            label === '' || label === link.href ? `<${link.href}>` : `[${label}](${link.href})`;
          link = null;
        }
        break;
      case 'br':
        flush(false);
        break;
      case 'tr':
        if (isClosing) flush(true);
        break;
      case 'td':
      case 'th':
        if (isClosing) flush(false);
        break;
      default:
        break;
    }
  };

  // mammoth's HTML, read by a real HTML parser (entities and attributes included), walked in
  // document order: each element opens, its children follow, then it closes.
  const walk = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) onText(node.data);
      else if (isTag(node)) {
        const tag = node.name.toLowerCase();
        onTag(tag, false, node.attribs);
        walk(node.children);
        if (!VOID_TAGS.has(tag)) onTag(tag, true, node.attribs);
      }
    }
  };
  walk(parseDocument(html).children);
  flush(false);
  return `${out
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim()}\n`;
}

// Style warnings say nothing a memo reviewer can act on.
const IGNORED_MESSAGE_RE = /^Unrecognised (?:paragraph|run) style/u;

/**
 * Converts a .docx memo to the text {@link parseMemoText} reads, with mammoth's messages.
 * Throws {@link MemoFileError} `invalid_docx` when the bytes are not a Word document.
 */
export async function docxToMemoText(
  buffer: Buffer,
): Promise<{ text: string; messages: string[] }> {
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml({ buffer }, { externalFileAccess: false });
  } catch (error) {
    throw new MemoFileError(
      'invalid_docx',
      `Not a readable Word document: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const messages = result.messages
    .map((message) => message.message)
    .filter((message) => !IGNORED_MESSAGE_RE.test(message));
  return { text: htmlToMemoText(result.value), messages: [...new Set(messages)] };
}

function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/iu.exec(fileName);
  return match?.[1]?.toLowerCase() ?? '';
}

function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

/** Decodes a text memo: UTF-8 (with or without BOM), UTF-16 by BOM, else Windows-1252. */
export function decodeMemoBytes(buffer: Buffer): { text: string; warnings: MemoWarning[] } {
  const warnings: MemoWarning[] = [];
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buffer), warnings };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(buffer), warnings };
  }
  const nulBytes = buffer.subarray(0, 65536).filter((byte) => byte === 0).length;
  if (nulBytes > 0) {
    warnings.push({ code: 'nul_bytes', params: { count: nulBytes } });
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), warnings };
  } catch {
    // Old memos saved from Windows Notepad or e-mail are often Windows-1252 ("latin1" here).
    warnings.push({ code: 'encoding_fallback', params: {} });
    return { text: new TextDecoder('latin1').decode(buffer), warnings };
  }
}

/**
 * Parses a memo file by its name: .docx through mammoth, .md/.txt (or no extension) as text.
 * Throws {@link MemoFileError} for formats it cannot read (.doc, .pdf, …), broken .docx files
 * and files over 20 MB; all other problems become warnings in the draft.
 */
export async function parseMemoFile(
  buffer: Buffer,
  fileName: string,
  options: Omit<ParseMemoOptions, 'fileName' | 'sourceKind'> = {},
): Promise<MeetingDraft> {
  if (buffer.length > MAX_BYTES) {
    throw new MemoFileError(
      'too_large',
      `${fileName} is ${buffer.length} bytes; the limit is ${MAX_BYTES}.`,
    );
  }
  const extension = extensionOf(fileName);
  if (extension === 'docx' || (extension === '' && isZip(buffer))) {
    const { text, messages } = await docxToMemoText(buffer);
    const draft = parseMemoText(text, { ...options, fileName, sourceKind: 'docx' });
    for (const message of messages) {
      draft.warnings.push({ code: 'docx_message', params: { detail: message } });
    }
    return draft;
  }
  if (['md', 'markdown', 'txt', 'text', ''].includes(extension)) {
    const { text, warnings } = decodeMemoBytes(buffer);
    const draft = parseMemoText(text, {
      ...options,
      fileName,
      sourceKind: extension === 'txt' || extension === 'text' ? 'text' : 'markdown',
    });
    draft.warnings.unshift(...warnings);
    return draft;
  }
  throw new MemoFileError(
    'unsupported_format',
    `Cannot read .${extension} memos; save the memo as .docx, .md or .txt.`,
  );
}
