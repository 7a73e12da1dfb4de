import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * A person who takes part in meetings, trainings and visits. Names are personal data: a person
 * can be anonymised (name and contact details removed) without breaking the meetings they took
 * part in, since those point at this record rather than copy the name.
 */
export const Person = defineEntity({
  name: 'Person',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(200),
    /** Lower-cased, space-folded name for matching imports to existing people. */
    normalisedName: p.string().length(200).index(),
    email: p.string().length(320).nullable(),
    /** Job title as written, e.g. "kirjastonhoitaja". */
    jobTitle: p.string().length(200).nullable(),
    /** Team within the organisation, e.g. "Asko-tiimi". */
    team: p.string().length(200).nullable(),
    organisation: () => p.manyToOne(Organisation).nullable(),
    anonymisedAt: p.datetime().nullable(),
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
export type Person = InferEntity<typeof Person>;
