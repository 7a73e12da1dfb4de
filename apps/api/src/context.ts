/**
 * The context of one GraphQL request: its own EntityManager fork (its identity map and unit of
 * work), the domain services on it, who is asking, and its DataLoaders. Nothing outlives it.
 */
import { type EntityManager } from '@ake/domain/orm';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, type Actor } from '@ake/domain';
import { type Database, type Outbound, type Services, createServices } from '@ake/domain/orm';
import { type Loaders, createLoaders } from './loaders.js';

export interface Context {
  em: EntityManager;
  services: Services;
  actor: Actor;
  /** The bearer token of the request, when it carried one (so `signOut` can revoke it). */
  token?: string;
  loaders: Loaders;
  /**
   * Whether the response may be cached (an anonymous query that ran without errors). An object,
   * so that the flag set on Apollo's shallow copy of the context reaches the HTTP layer.
   */
  response: { cacheable: boolean };
}

/** The token of an `Authorization: Bearer …` header; undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new GraphQLError('The Authorization header must be "Bearer <token>"', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return match[1];
}

/**
 * Builds the context of a request. No header means anonymous (reading published content); a
 * header with a bad token is refused with 401, so a client never mistakes it for anonymity.
 */
export async function createContext(
  db: Database,
  authorization: string | undefined,
  outbound?: Outbound,
): Promise<Context> {
  const em = db.em.fork();
  const services = createServices(em, { outbound });
  const token = bearerToken(authorization);
  let actor: Actor = ANONYMOUS;
  if (token !== undefined) {
    const authenticated = await services.users.authenticate(token);
    if (!authenticated) {
      throw new GraphQLError('The API token is unknown, revoked or expired', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    actor = authenticated;
  }
  return { em, services, actor, token, loaders: createLoaders(em), response: { cacheable: false } };
}
