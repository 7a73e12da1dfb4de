/**
 * How errors reach clients. Domain errors keep their message and stable code; GraphQL's own
 * errors (syntax, validation, bad input) pass as they are; anything else is masked as
 * INTERNAL_SERVER_ERROR and logged whole, so no SQL or stack trace reaches a client.
 */
import { type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@ake/domain';

/** The stable codes of the request limits (see `LIMITS` in server.ts), in `extensions.code`. */
export const LIMIT_CODES = {
  depth: 'MAX_DEPTH_EXCEEDED',
  aliases: 'MAX_ALIASES_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  directives: 'MAX_DIRECTIVES_EXCEEDED',
  variablesDepth: 'VARIABLES_TOO_DEEP',
  variablesValues: 'VARIABLES_TOO_LARGE',
  bodyBytes: 'PAYLOAD_TOO_LARGE',
} as const;

/** Limits Apollo reports as validation or parse errors, each answered with its own code. */
const GRAPHQL_LIMIT_CODES = new Set<string>([
  LIMIT_CODES.depth,
  LIMIT_CODES.aliases,
  LIMIT_CODES.cost,
  LIMIT_CODES.tokens,
  LIMIT_CODES.directives,
]);

const CLIENT_CODES = new Set([
  ...GRAPHQL_LIMIT_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
]);

/** `extensions.code` of an error-like value (duck-typed: graphql may be loaded twice, CJS and ESM). */
function codeOf(error: unknown): unknown {
  return (error as { extensions?: { code?: unknown } } | null | undefined)?.extensions?.code;
}

/** The code of a request limit behind an error (a validation error, or the parser's own stop). */
function limitCodeOf(error: unknown): string | undefined {
  const code = codeOf((error as { originalError?: unknown } | null | undefined)?.originalError);
  if (typeof code === 'string' && GRAPHQL_LIMIT_CODES.has(code)) return code;
  // graphql-js stops parsing at `maxTokens` with a syntax error of its own (a backstop: the
  // tokens are counted before Apollo sees the query).
  if (
    codeOf(error) === 'GRAPHQL_PARSE_FAILED' &&
    error instanceof Error &&
    /Document contains more than \d+ tokens/.test(error.message)
  ) {
    return LIMIT_CODES.tokens;
  }
  return undefined;
}

export type Logger = (message: string, error: unknown) => void;

/** The `formatError` of the server. */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { ...formatted, message: original.message, extensions: { code: original.code } };
    }
    // A limit's refusal reaches here as Apollo's GRAPHQL_VALIDATION_FAILED wrapping the
    // error that carries the limit's own code: answer with that code.
    const limitCode = limitCodeOf(error);
    if (limitCode)
      return { ...formatted, extensions: { ...formatted.extensions, code: limitCode } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    log('Unexpected error while executing a GraphQL request', original);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
