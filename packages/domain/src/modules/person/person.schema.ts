import { z } from 'zod';
import { LIMITS, id, optionalText, requiredText } from '../../shared/validation.js';

/** Input for creating or updating a person. */
export const personInput = z.object({
  name: requiredText(LIMITS.name),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .pipe(z.email({ error: 'Must be an email address' }))
    .nullish()
    .or(z.literal('').transform(() => null)),
  jobTitle: optionalText(LIMITS.name),
  team: optionalText(LIMITS.name),
  organisationId: id().nullish(),
});
export type PersonInput = z.input<typeof personInput>;

/** What an anonymised person is shown as. */
export const ANONYMISED_NAME = 'Poistettu henkilö';
