import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { LANGUAGES } from '../../shared/validation.js';
import { curatedProperties } from '../../shared/curated.entity.js';
import { AgendaItem, Meeting } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Resource } from '../resource/resource.entity.js';
import { Tag } from '../tag/tag.entity.js';

/**
 * A best practice (hyvä käytäntö) worth copying, e.g. Porvoo's peer-learning idea day
 * programme as a model for the group's own training day.
 */
export const BestPractice = defineEntity({
  name: 'BestPractice',
  properties: {
    id: p.integer().primary(),
    title: p.string().length(300),
    summary: p.text().nullable(),
    body: p.text().nullable(),
    language: p.enum([...LANGUAGES]),
    originOrganisation: () => p.manyToOne(Organisation).nullable(),
    tags: () => p.manyToMany(Tag).pivotTable('best_practice_tag'),
    relatedResources: () => p.manyToMany(Resource).pivotTable('best_practice_resource'),
    sourceMeeting: () => p.manyToOne(Meeting).nullable(),
    sourceAgendaItem: () => p.manyToOne(AgendaItem).nullable(),
    ...curatedProperties(),
  },
});
export type BestPractice = InferEntity<typeof BestPractice>;
