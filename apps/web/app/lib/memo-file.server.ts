/**
 * An uploaded memo as text: Word documents are converted on the server (the same converter the
 * CLI uses), text and Markdown are read as UTF-8. The text then goes to the API, so the person
 * sees and can correct exactly what is imported.
 */
import { MemoFileError, docxToMemoText } from '@ake/memo';

/** Upload size limit: a memo is a few pages; Word files with pictures can be a few MB. */
export const MAX_MEMO_FILE_BYTES = 5 * 1024 * 1024;

export class MemoUploadError extends Error {}

/** The text of an uploaded memo file. */
export async function memoFileText(file: File): Promise<string> {
  if (file.size > MAX_MEMO_FILE_BYTES) throw new MemoUploadError('too_large');
  const buffer = Buffer.from(await file.arrayBuffer());
  if (buffer.length === 0) throw new MemoUploadError('empty');
  if (/\.docx$/i.test(file.name)) {
    try {
      return (await docxToMemoText(buffer)).text;
    } catch (error) {
      if (error instanceof MemoFileError) throw new MemoUploadError('invalid_docx');
      throw error;
    }
  }
  if (!/\.(md|markdown|txt)$/i.test(file.name)) throw new MemoUploadError('unsupported');
  return buffer.toString('utf8');
}
