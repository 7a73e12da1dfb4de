/**
 * Per-request batching (DataLoader), so that a page of 50 resources with their tags, creators
 * and source meetings costs the same few SQL statements as a page of 5. Made fresh for every
 * request with that request's EntityManager: nothing is shared between requests.
 */
import DataLoader from 'dataloader';
import {
  type EntityManager,
  type EntitySchema,
  type FilterQuery,
  type LinkCheck,
  Revision,
  latestLinkChecks,
} from '@ake/domain/orm';

export interface Loaders {
  /** One record by id (null when missing), batched per entity type. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any base type of a schema
  byId<T extends object>(entity: EntitySchema<T, any>, id: number): Promise<T | null>;
  /** A relation or lazy property of an entity, loaded for every entity asked in one query. */
  populate<T extends object>(entity: T, relation: string): Promise<T>;
  /** The revisions of records of one type, oldest first. */
  revisions(entityType: string, id: number): Promise<Revision[]>;
  /** The newest `limit` link checks of a resource, newest first (one query per limit). */
  linkChecks(resourceId: number, limit: number): Promise<LinkCheck[]>;
}

/** The loaders of one request. */
export function createLoaders(em: EntityManager): Loaders {
  const byIdLoaders = new Map<unknown, DataLoader<number, unknown>>();
  const populateLoaders = new Map<string, DataLoader<object, object>>();
  const revisionLoaders = new Map<string, DataLoader<number, Revision[]>>();
  const linkCheckLoaders = new Map<number, DataLoader<number, LinkCheck[]>>();

  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any base type of a schema
    byId<T extends object>(entity: EntitySchema<T, any>, id: number): Promise<T | null> {
      let loader = byIdLoaders.get(entity);
      if (!loader) {
        loader = new DataLoader<number, unknown>(async (ids) => {
          const rows = await em.find(entity, {
            id: { $in: [...ids] },
          } as unknown as FilterQuery<T>);
          const byKey = new Map(rows.map((row) => [(row as unknown as { id: number }).id, row]));
          return ids.map((key) => byKey.get(key) ?? null);
        });
        byIdLoaders.set(entity, loader);
      }
      return loader.load(id) as Promise<T | null>;
    },

    async populate<T extends object>(entity: T, relation: string): Promise<T> {
      let loader = populateLoaders.get(relation);
      if (!loader) {
        loader = new DataLoader<object, object>(async (entities) => {
          await em.populate([...entities] as never[], [relation] as never);
          return entities;
        });
        populateLoaders.set(relation, loader);
      }
      return loader.load(entity) as Promise<T>;
    },

    revisions(entityType: string, id: number): Promise<Revision[]> {
      let loader = revisionLoaders.get(entityType);
      if (!loader) {
        loader = new DataLoader<number, Revision[]>(async (ids) => {
          const rows = await em.find(
            Revision,
            { entityType, entityId: { $in: [...ids] } },
            { orderBy: { version: 'asc', id: 'asc' } },
          );
          return ids.map((key) => rows.filter((r) => r.entityId === key));
        });
        revisionLoaders.set(entityType, loader);
      }
      return loader.load(id);
    },

    linkChecks(resourceId: number, limit: number): Promise<LinkCheck[]> {
      let loader = linkCheckLoaders.get(limit);
      if (!loader) {
        loader = new DataLoader<number, LinkCheck[]>(async (ids) => {
          const byResource = await latestLinkChecks(em, ids, limit);
          return ids.map((id) => byResource.get(id) ?? []);
        });
        linkCheckLoaders.set(limit, loader);
      }
      return loader.load(resourceId);
    },
  };
}
