/**
 * Accessibility feedback (the feedback channel the accessibility statement must offer): each
 * message is appended as one JSON line to a log file, `data/accessibility-feedback.jsonl` at the
 * project root unless FEEDBACK_FILE names another. The service's operators read it from there.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where feedback is written. */
export function feedbackFile(): string {
  if (process.env.FEEDBACK_FILE) return resolve(process.env.FEEDBACK_FILE);
  // dist/server/index.js or app/lib/*.ts: the project root is three folders up from apps/web.
  const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return resolve(webRoot, '..', '..', 'data', 'accessibility-feedback.jsonl');
}

export interface Feedback {
  message: string;
  email: string | null;
  page: string | null;
  lang: string;
}

/** Appends one feedback message. */
export async function recordFeedback(feedback: Feedback): Promise<void> {
  const file = feedbackFile();
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify({ at: new Date().toISOString(), ...feedback })}\n`);
}
