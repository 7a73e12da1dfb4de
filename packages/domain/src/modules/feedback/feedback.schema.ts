import { z } from 'zod';
import { LANGUAGES, LIMITS, id, optionalText, requiredText } from '../../shared/validation.js';

/** What the feedback form sends. */
export const sendFeedbackInput = z.object({
  message: requiredText(LIMITS.shortText * 5),
  email: optionalText(320).refine((value) => value === null || /^[^\s@]+@[^\s@]+$/.test(value), {
    error: 'Not an email address',
  }),
  page: optionalText(LIMITS.url),
  language: z.enum(LANGUAGES, { error: 'One of fi, sv, en' }).default('fi'),
});
export type SendFeedbackInput = z.input<typeof sendFeedbackInput>;

export const markFeedbackHandledInput = z.object({ id: id() });
