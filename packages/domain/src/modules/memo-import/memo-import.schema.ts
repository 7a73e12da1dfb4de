import { z } from 'zod';
import { LIMITS, optionalText } from '../../shared/validation.js';

/**
 * The source of a memo import: the memo's text (kept on the meeting) and its file name. Text
 * with control characters is refused here like any other text input, before parsing; the
 * text's length is checked later, as the meeting's `sourceText` (a memo without a date is
 * named as such first, however long it is).
 */
export const memoSourceInput = z.object({
  text: optionalText(Number.MAX_SAFE_INTEGER, { multiline: true }),
  fileName: optionalText(LIMITS.title),
});
