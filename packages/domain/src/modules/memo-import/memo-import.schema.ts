import { z } from 'zod';
import { LIMITS, optionalText } from '../../shared/validation.js';

/**
 * The source of a memo import: the memo's text (kept on the meeting) and its file name. Text
 * with control characters is refused here like any other text input, before parsing.
 */
export const memoSourceInput = z.object({
  text: optionalText(LIMITS.longText, { multiline: true }),
  fileName: optionalText(LIMITS.title),
});
