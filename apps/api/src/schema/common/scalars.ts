/**
 * Scalars. Outgoing instants are written in Helsinki time with the offset; incoming values are
 * passed to the domain as text, which validates them and answers with field errors, so a
 * mistyped date in a mutation is a UserError on that field rather than a failed request.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidDate, parseDateTime, toHelsinkiIso } from '@ake/domain';

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length > 100) {
    throw new GraphQLError(`${name} must be a string of at most 100 characters`);
  }
  return value;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize(value) {
    if (value instanceof Date) return toHelsinkiIso(value);
    if (typeof value === 'number') return toHelsinkiIso(new Date(value));
    if (typeof value === 'string') return value;
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue: (value) => text(value, 'DateTime'),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return text(ast.value, 'DateTime');
  },
});

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize(value) {
    if (typeof value === 'string') return value;
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue: (value) => text(value, 'Date'),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string');
    return text(ast.value, 'Date');
  },
});

/** A DateTime argument of a query (a filter), as an instant; malformed is a client error. */
export function instantArgument(
  value: string | null | undefined,
  argument: string,
): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = parseDateTime(value);
  if (!parsed) {
    throw new GraphQLError(`${argument} must be a date-time such as 2019-03-11T13:00:00+02:00`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
  return parsed;
}

/** A Date argument of a query, checked; malformed is a client error. */
export function dateArgument(
  value: string | null | undefined,
  argument: string,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isValidDate(value)) {
    throw new GraphQLError(`${argument} must be a date written YYYY-MM-DD`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
  return value;
}
