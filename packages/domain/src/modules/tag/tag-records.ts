/**
 * The records that carry tags (links, best practices, development ideas), for the operations
 * that change a tag under them: a rename files a revision on each (their tags are recorded by
 * slug), a merge moves each to the other tag.
 */
import { type EntityManager } from '@mikro-orm/core';
import { type CuratedKind } from '../../shared/curated.service.js';
import { BestPractice } from '../best-practice/best-practice.entity.js';
import { bestPracticeKind } from '../best-practice/best-practice.service.js';
import { DevelopmentIdea } from '../development-idea/development-idea.entity.js';
import { developmentIdeaKind } from '../development-idea/development-idea.service.js';
import { Resource } from '../resource/resource.entity.js';
import { resourceKind } from '../resource/resource.service.js';
import { type Tag } from './tag.entity.js';

type Tagged = Resource | BestPractice | DevelopmentIdea;

/** A record carrying a tag, with its tags loaded, and the kind it is filed under. */
export interface TaggedRecord {
  kind: CuratedKind<Tagged>;
  entity: Tagged;
}

/** Every record with this tag, archived ones included (their history follows too). */
export async function taggedRecords(tx: EntityManager, tag: Tag): Promise<TaggedRecord[]> {
  const where = { tags: { id: tag.id } };
  const options = { populate: ['tags'], orderBy: { id: 'asc' } } as const;
  const [resources, practices, ideas] = [
    await tx.find(Resource, where, options),
    await tx.find(BestPractice, where, options),
    await tx.find(DevelopmentIdea, where, options),
  ];
  return [
    ...resources.map((entity) => ({ kind: resourceKind as CuratedKind<Tagged>, entity })),
    ...practices.map((entity) => ({ kind: bestPracticeKind as CuratedKind<Tagged>, entity })),
    ...ideas.map((entity) => ({ kind: developmentIdeaKind as CuratedKind<Tagged>, entity })),
  ];
}
