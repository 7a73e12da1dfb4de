import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { LANGUAGES } from '../../shared/validation.js';
import { curatedProperties } from '../../shared/curated.entity.js';
import { AgendaItem, Meeting } from '../meeting/meeting.entity.js';
import { Tag } from '../tag/tag.entity.js';
import { IDEA_STATUSES } from './development-idea.schema.js';

/** A regional development idea (kehittämisidea), with where it came from and where it stands. */
export const DevelopmentIdea = defineEntity({
  name: 'DevelopmentIdea',
  properties: {
    id: p.integer().primary(),
    title: p.string().length(300),
    description: p.text().nullable(),
    status: p.enum([...IDEA_STATUSES]),
    followUp: p.text().nullable(),
    language: p.enum([...LANGUAGES]),
    tags: () => p.manyToMany(Tag).pivotTable('development_idea_tag'),
    sourceMeeting: () => p.manyToOne(Meeting).nullable(),
    sourceAgendaItem: () => p.manyToOne(AgendaItem).nullable(),
    ...curatedProperties(),
  },
});
export type DevelopmentIdea = InferEntity<typeof DevelopmentIdea>;
