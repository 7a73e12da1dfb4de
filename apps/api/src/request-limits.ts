/**
 * Limits checked on the raw request, before anything recursive (GraphQL's parser and variable
 * coercion, the response cache's key) touches it: the number of tokens of the query, and the
 * depth and size of the variables. Each walk here is iterative, so a body nested 50,000 levels
 * deep costs a loop, not the stack.
 */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/** A refusal: the HTTP status and the GraphQL error to answer with. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/**
 * The query's tokens beyond `max`, counted with GraphQL's own lexer and stopping at `max + 1`;
 * null when within the limit or not lexable (the parser reports a syntax error then).
 */
export function tokenLimitRefusal(query: string, max: number): Refusal | null {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > max) {
        return {
          status: 400,
          code: 'TOKEN_LIMIT_EXCEEDED',
          message: `The query has more than ${max} tokens: split it, or ask for fewer fields`,
        };
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  return null;
}

/**
 * Refuses variables nested deeper than `maxDepth` (an object or array inside another counts one
 * level) or holding more than `maxValues` values in all.
 */
export function variablesRefusal(
  variables: unknown,
  limits: { maxDepth: number; maxValues: number },
): Refusal | null {
  const stack: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > limits.maxValues) {
      return {
        status: 400,
        code: 'VARIABLES_TOO_LARGE',
        message: `The variables hold more than ${limits.maxValues} values`,
      };
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxDepth) {
      return {
        status: 400,
        code: 'VARIABLES_TOO_DEEP',
        message: `The variables are nested more than ${limits.maxDepth} levels deep`,
      };
    }
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}
