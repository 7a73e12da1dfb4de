/**
 * The only way the web app reaches data: typed GraphQL documents sent to the API (API_URL,
 * default http://127.0.0.1:4000/graphql), with the session's token as a bearer token.
 */
import { type TypedDocumentString } from '../graphql/__generated__/graphql';

/** Where the API is. */
export function apiUrl(): string {
  return process.env.API_URL ?? 'http://127.0.0.1:4000/graphql';
}

/** The API's origin (for the feeds next to /graphql). */
export function apiOrigin(): string {
  return new URL(apiUrl()).origin;
}

/** The API refused the bearer token (revoked or expired): the caller should sign out. */
export class UnauthenticatedError extends Error {}

/** Sends a typed document; throws on transport and GraphQL errors (expected ones are data). */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token?: string | null,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(apiUrl(), {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: document.toString(), variables }),
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status === 401) throw new UnauthenticatedError('The API token was refused');
  const body = (await response.json()) as {
    data?: TResult;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    const first = body.errors[0];
    if (first?.extensions?.code === 'UNAUTHENTICATED') {
      throw new UnauthenticatedError(first.message);
    }
    if (first?.extensions?.code === 'FORBIDDEN') {
      throw new Response('Forbidden', { status: 403 });
    }
    throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  }
  if (!body.data) throw new Error(`GraphQL response without data (HTTP ${response.status})`);
  return body.data;
}
