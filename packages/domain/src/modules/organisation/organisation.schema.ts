import { z } from 'zod';
import {
  INVALID_LINE_CHARACTERS,
  LIMITS,
  calendarDate,
  hasInvalidCharacters,
  id,
  optionalHttpUrl,
  optionalText,
  requiredText,
  version,
} from '../../shared/validation.js';

/** Kinds of organisation, after Kirkanta's library types plus the group's partners. */
export const ORGANISATION_KINDS = [
  'library',
  'branch_library',
  'bookmobile',
  'library_network',
  'authority',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** ISIL identifiers look like `FI-Ou` or `FI-Kajaani`. */
const isil = z
  .string()
  .trim()
  .max(32)
  // A control character is named as such, before the ISIL's own shape is checked.
  .refine((value) => !hasInvalidCharacters(value, false), {
    ...INVALID_LINE_CHARACTERS,
    abort: true,
  })
  .regex(/^[A-Z]{2}-[A-Za-z0-9:/-]+$/, { error: 'Must be an ISIL such as FI-Ou' })
  .nullish()
  .transform((value) => value ?? null);

/** Input for creating or replacing an organisation's details. */
export const organisationInput = z.object({
  kind: z.enum(ORGANISATION_KINDS, { error: `Must be one of: ${ORGANISATION_KINDS.join(', ')}` }),
  name: requiredText(LIMITS.name),
  nameSv: optionalText(LIMITS.name),
  nameEn: optionalText(LIMITS.name),
  shortName: optionalText(LIMITS.name),
  aliases: z.array(requiredText(LIMITS.name)).max(20).default([]),
  isil,
  kirkantaId: z.number().int().positive().nullish(),
  parentId: id().nullish(),
  city: optionalText(100),
  street: optionalText(200),
  zipcode: optionalText(10),
  area: optionalText(100),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  homepage: optionalHttpUrl(),
});
export type OrganisationInput = z.input<typeof organisationInput>;

/** Input for editing an organisation from the version the editor saw; absent fields are kept. */
export const updateOrganisationInput = organisationInput
  .partial()
  .extend({ id: id(), version: version() });
export type UpdateOrganisationInput = z.input<typeof updateOrganisationInput>;

/** Input for a membership of an organisation in a library network for a period. */
export const membershipInput = z
  .object({
    memberId: id(),
    networkId: id(),
    validFrom: calendarDate().nullish(),
    validTo: calendarDate().nullish(),
    /**
     * Moving to another network: the organisation's membership that is still open when this one
     * starts is closed the day before, instead of the new one being refused as overlapping.
     */
    closeCurrent: z.boolean().default(false),
  })
  .refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, {
    error: 'Must not be before the start of the period',
    path: ['validTo'],
    params: { code: 'INVALID_DATE' },
  })
  .refine((v) => !v.closeCurrent || v.validFrom, {
    error: 'Required to close the current membership the day before',
    path: ['validFrom'],
    params: { code: 'REQUIRED' },
  });
export type MembershipInput = z.input<typeof membershipInput>;

/** Input for ending a network membership on a date (its last day). */
export const endMembershipInput = z.object({ id: id(), validTo: calendarDate() });
export type EndMembershipInput = z.input<typeof endMembershipInput>;
