import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { curatedProperties } from '../../shared/curated.entity.js';
import { Venue } from '../../shared/venue.entity.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { SEASONS, TRAINING_KINDS, TRAINING_STATUSES } from './training.schema.js';

/**
 * A training (koulutus) the group organises: customer-service or language training, or a
 * training day, for a season, held in several towns with remote participation.
 */
export const Training = defineEntity({
  name: 'Training',
  properties: {
    id: p.integer().primary(),
    title: p.string().length(300),
    topic: p.text().nullable(),
    description: p.text().nullable(),
    kind: p.enum([...TRAINING_KINDS]),
    season: p.enum([...SEASONS]).nullable(),
    year: p.integer(),
    status: p.enum([...TRAINING_STATUSES]),
    remoteParticipation: p.boolean(),
    trainer: () => p.manyToOne(Person).nullable(),
    trainerNote: p.text().nullable(),
    organiser: () => p.manyToOne(Organisation).nullable(),
    /** The person planning it ("Laura Similä Oulun Asko-tiimistä suunnittelee"). */
    coordinator: () => p.manyToOne(Person).nullable(),
    partner: () => p.manyToOne(Organisation).nullable(),
    sourceMeeting: () => p.manyToOne(Meeting).nullable(),
    sessions: () => p.oneToMany(TrainingSession).mappedBy('training').orderBy({ position: 'asc' }),
    programme: () => p.oneToMany(ProgrammeItem).mappedBy('training').orderBy({ position: 'asc' }),
    ...curatedProperties(),
  },
});
export type Training = InferEntity<typeof Training>;

/** One session of a training at a place and time; sessions can be alternatives of each other. */
export const TrainingSession = defineEntity({
  name: 'TrainingSession',
  properties: {
    id: p.integer().primary(),
    training: () => p.manyToOne(Training).deleteRule('cascade'),
    position: p.integer(),
    startsAt: p.datetime().nullable(),
    endsAt: p.datetime().nullable(),
    venue: () => p.embedded(Venue).prefix('venue_'),
    venueOrganisation: () => p.manyToOne(Organisation).nullable(),
    alternativeGroup: p.integer().nullable(),
    remote: p.boolean(),
  },
});
export type TrainingSession = InferEntity<typeof TrainingSession>;

/** An item of a training day's programme, with its presenter. */
export const ProgrammeItem = defineEntity({
  name: 'ProgrammeItem',
  properties: {
    id: p.integer().primary(),
    training: () => p.manyToOne(Training).deleteRule('cascade'),
    position: p.integer(),
    title: p.string().length(300),
    description: p.text().nullable(),
    presenter: () => p.manyToOne(Person).nullable(),
    startsAt: p.datetime().nullable(),
    endsAt: p.datetime().nullable(),
  },
});
export type ProgrammeItem = InferEntity<typeof ProgrammeItem>;
