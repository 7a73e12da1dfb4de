import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { curatedProperties } from '../../shared/curated.entity.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { PROGRAMME_KINDS } from './mentoring.schema.js';

/**
 * A mentoring or work-visit programme, such as "Pää sisältöön", which made 37 days of work
 * visits to 16 libraries and 6 bookmobiles. Reported figures are kept as the programme gave
 * them; coverage computed from recorded visits is shown beside them.
 */
export const MentoringProgramme = defineEntity({
  name: 'MentoringProgramme',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(300),
    kind: p.enum([...PROGRAMME_KINDS]),
    description: p.text().nullable(),
    url: p.string().length(2048).nullable(),
    organiser: () => p.manyToOne(Organisation).nullable(),
    contact: () => p.manyToOne(Person).nullable(),
    startYear: p.integer().nullable(),
    endYear: p.integer().nullable(),
    reportedDays: p.float().nullable(),
    reportedLibraries: p.integer().nullable(),
    reportedBookmobiles: p.integer().nullable(),
    sourceMeeting: () => p.manyToOne(Meeting).nullable(),
    visits: () => p.oneToMany(WorkVisit).mappedBy('programme').orderBy({ id: 'asc' }),
    pairs: () => p.oneToMany(MentoringPair).mappedBy('programme').orderBy({ id: 'asc' }),
    ...curatedProperties(),
  },
});
export type MentoringProgramme = InferEntity<typeof MentoringProgramme>;

/** A work visit (kyläily, työvierailu): someone spends days at another library or bookmobile. */
export const WorkVisit = defineEntity({
  name: 'WorkVisit',
  properties: {
    id: p.integer().primary(),
    programme: () => p.manyToOne(MentoringProgramme).nullable(),
    visitor: () => p.manyToOne(Person).nullable(),
    visitorOrganisation: () => p.manyToOne(Organisation).nullable(),
    host: () => p.manyToOne(Organisation),
    startDate: p.date(),
    endDate: p.date().nullable(),
    days: p.float(),
    goals: p.text().nullable(),
    lessons: p.text().nullable(),
    ...curatedProperties(),
  },
});
export type WorkVisit = InferEntity<typeof WorkVisit>;

/** A mentor and a mentee in a programme. */
export const MentoringPair = defineEntity({
  name: 'MentoringPair',
  properties: {
    id: p.integer().primary(),
    programme: () => p.manyToOne(MentoringProgramme),
    mentor: () => p.manyToOne(Person),
    mentee: () => p.manyToOne(Person),
    startDate: p.date(),
    endDate: p.date().nullable(),
    goals: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MentoringPair = InferEntity<typeof MentoringPair>;
