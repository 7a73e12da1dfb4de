import { z } from 'zod';
import { calendarDate, id } from '../../shared/validation.js';

/** Roles in the working group; they change over time ("Jatkossa sihteerinä toimii …"). */
export const GROUP_ROLES = ['chair', 'vice_chair', 'secretary', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Input for giving a person a role in the group for a period. */
export const groupMembershipInput = z
  .object({
    groupId: id(),
    personId: id(),
    organisationId: id().nullish(),
    role: z.enum(GROUP_ROLES, { error: `Must be one of: ${GROUP_ROLES.join(', ')}` }),
    validFrom: calendarDate(),
    validTo: calendarDate().nullish(),
  })
  .refine((v) => !v.validTo || v.validFrom <= v.validTo, {
    error: 'Must not be before the start of the period',
    path: ['validTo'],
    params: { code: 'INVALID_DATE' },
  });
export type GroupMembershipInput = z.input<typeof groupMembershipInput>;

/** Input for ending a role period on a date (its last day). */
export const endGroupRoleInput = z.object({ id: id(), validTo: calendarDate() });
export type EndGroupRoleInput = z.input<typeof endGroupRoleInput>;
