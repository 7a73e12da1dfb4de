import { z } from 'zod';
import {
  LIMITS,
  emailAddress,
  id,
  optionalText,
  requiredText,
  version,
} from '../../shared/validation.js';

/** Input for creating or updating a person. */
export const personInput = z.object({
  name: requiredText(LIMITS.name),
  // An empty field means no address; anything else must be one (control characters named).
  email: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    emailAddress().nullish(),
  ),
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
