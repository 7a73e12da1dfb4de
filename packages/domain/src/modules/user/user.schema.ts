import { z } from 'zod';
import { ROLES } from '../../shared/actor.js';
import { LIMITS, id, requiredText } from '../../shared/validation.js';

/** Input for creating a user account (an API user: curator or admin). */
export const createUserInput = z.object({
  email: z
    .string({ error: 'Required' })
    .trim()
    .toLowerCase()
    .max(320, { error: 'At most 320 characters' })
    .pipe(z.email({ error: 'Must be an email address' })),
  name: requiredText(LIMITS.name),
  role: z.enum(ROLES, { error: `Must be one of: ${ROLES.join(', ')}` }),
  personId: id().nullish(),
});
export type CreateUserInput = z.input<typeof createUserInput>;
