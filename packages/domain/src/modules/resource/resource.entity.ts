import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { LANGUAGES } from '../../shared/validation.js';
import { curatedProperties } from '../../shared/curated.entity.js';
import { AgendaItem, Meeting } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Tag } from '../tag/tag.entity.js';
import { RESOURCE_KINDS } from './resource.schema.js';

/** A curated link: a project page, an event, a blog post of survey results, a book. */
export const Resource = defineEntity({
  name: 'Resource',
  properties: {
    id: p.integer().primary(),
    url: p.string().length(2048),
    /** The canonical URL: unique, so a link is stored once however it was written. */
    normalizedUrl: p.string().length(2048).unique(),
    title: p.string().length(300),
    description: p.text().nullable(),
    language: p.enum([...LANGUAGES]),
    kind: p.enum([...RESOURCE_KINDS]),
    tags: () => p.manyToMany(Tag).pivotTable('resource_tag'),
    organisation: () => p.manyToOne(Organisation).nullable(),
    sourceMeeting: () => p.manyToOne(Meeting).nullable(),
    sourceAgendaItem: () => p.manyToOne(AgendaItem).nullable(),
    ...curatedProperties(),
  },
});
export type Resource = InferEntity<typeof Resource>;
