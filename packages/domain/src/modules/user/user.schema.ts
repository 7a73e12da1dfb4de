import { z } from 'zod';
import { ROLES } from '../../shared/actor.js';
import { LIMITS, emailAddress, id, optionalText, requiredText } from '../../shared/validation.js';

/** Input for creating a user account (an API user: curator or admin). */
export const createUserInput = z.object({
  email: emailAddress(),
  name: requiredText(LIMITS.name),
  role: z.enum(ROLES, { error: `Must be one of: ${ROLES.join(', ')}` }),
  personId: id().nullish(),
  /** The name of the API token issued with the account (the API's `createUser`), if any. */
  tokenName: optionalText(LIMITS.name),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Input of a web sign-in: the password is opaque (compared by its hash, never shown). */
export const signInInput = z.object({
  email: emailAddress(),
  password: z.string({ error: 'Required' }),
});
