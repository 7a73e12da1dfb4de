import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { ORGANISATION_KINDS } from './organisation.schema.js';

/**
 * A library, bookmobile (kirjastoauto), library network (kimppa: OUTI, Kainet, Joki-kirjastot),
 * authority (Pohjois-Suomen AVI) or other organisation. Fields follow the national library
 * directory Kirkanta, whose ids are kept so records can be linked to it later.
 */
export const Organisation = defineEntity({
  name: 'Organisation',
  properties: {
    id: p.integer().primary(),
    kind: p.enum([...ORGANISATION_KINDS]),
    name: p.string().length(200),
    /** Lower-cased, space-folded name: the key that keeps imports from creating duplicates. */
    normalisedName: p.string().length(200).unique(),
    nameSv: p.string().length(200).nullable(),
    nameEn: p.string().length(200).nullable(),
    shortName: p.string().length(200).nullable(),
    /** Other ways the name is written ("Oulun pääkirjasto", "Oulun kirjasto"), normalised. */
    aliases: p.json<string[]>().default('[]'),
    isil: p.string().length(32).nullable().unique(),
    kirkantaId: p.integer().nullable(),
    /** The library a bookmobile or branch belongs to. */
    parent: () => p.manyToOne(Organisation).nullable(),
    city: p.string().length(100).nullable(),
    street: p.string().length(200).nullable(),
    zipcode: p.string().length(10).nullable(),
    area: p.string().length(100).nullable(),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
    homepage: p.string().length(2048).nullable(),
    /**
     * The version an edit starts from (`finishEdit` steps it), so a stale edit is refused. Who
     * changed what is in the revisions; directory records are never archived (meetings and
     * visits keep pointing at them; a person is anonymised instead).
     */
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Organisation = InferEntity<typeof Organisation>;

/**
 * An organisation's membership of a library network for a period: networks change (Kiri and
 * Tiekkö merged into Joki-kirjastot), so "which network is Sievi in" depends on the date.
 * Dates are inclusive; null means open-ended.
 */
export const OrganisationMembership = defineEntity({
  name: 'OrganisationMembership',
  properties: {
    id: p.integer().primary(),
    member: () => p.manyToOne(Organisation),
    network: () => p.manyToOne(Organisation),
    validFrom: p.date().nullable(),
    validTo: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['member', 'network', 'validFrom'] }],
});
export type OrganisationMembership = InferEntity<typeof OrganisationMembership>;
