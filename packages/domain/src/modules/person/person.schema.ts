import { z } from 'zod';
import { LIMITS, id, optionalText, requiredText, version } from '../../shared/validation.js';

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

/** Input for editing a person from the version the editor saw; absent fields are kept. */
export const updatePersonInput = personInput.partial().extend({ id: id(), version: version() });
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

/** What an anonymised person is shown as. */
export const ANONYMISED_NAME = 'Poistettu henkilö';
