/**
 * Values reach the database as bound parameters, never as SQL text.
 *
 * MikroORM 6's `Connection.execute(sql, params)`, which every ORM write and read and every raw
 * statement of this project goes through, formats the parameters into the SQL text itself
 * (`platform.formatQuery`: quoting and escaping done in JavaScript) and sends the database one
 * literal statement. Quoting is only as good as the escaper: a NUL byte in a title ended the
 * SQLite string literal early (`unrecognized token`), and every value a request carries ended up
 * in the statement text and in the logs. The connections here keep the statement as written,
 * with one `?` per value, and hand the values to the driver (better-sqlite3's and node-postgres'
 * own binding), so no value is ever parsed as SQL. Values are converted exactly as MikroORM's
 * formatter would have written them (a Date as epoch milliseconds on SQLite and as ISO 8601 on
 * PostgreSQL, a plain object as JSON, an array as a list of values), so the meaning of every
 * statement is unchanged.
 */
import { BetterSqliteConnection, BetterSqlitePlatform } from '@mikro-orm/better-sqlite';
import { type Configuration, JsonProperty, type Transaction, Utils } from '@mikro-orm/core';
import { AbstractSqlDriver, type Knex } from '@mikro-orm/knex';
import { PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** A statement with `?` placeholders and the values bound to them, in order. */
export interface BoundStatement {
  sql: string;
  bindings: unknown[];
}

/** How a dialect writes a value the drivers cannot take as it is. */
interface ValueRules {
  date(value: Date): unknown;
  quoteIdentifier(name: string): string;
}

function isKnexRaw(value: unknown): value is Knex.Raw {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toSQL?: unknown }).toSQL === 'function' &&
    (value as { constructor?: { name?: string } }).constructor?.name === 'Raw'
  );
}

/** The placeholder text of one value, pushing what it binds. */
function placeholderOf(value: unknown, rules: ValueRules, bindings: unknown[]): string {
  if (Utils.isRawSql(value)) {
    const nested = bindStatement(value.sql, value.params ?? [], rules);
    bindings.push(...nested.bindings);
    return nested.sql;
  }
  if (isKnexRaw(value)) {
    const { sql, bindings: nested } = value.toSQL();
    const inner = bindStatement(sql, [...nested], rules);
    bindings.push(...inner.bindings);
    return inner.sql;
  }
  if (value === undefined || value === null) {
    bindings.push(null);
    return '?';
  }
  if (value instanceof Date) {
    bindings.push(rules.date(value));
    return '?';
  }
  if (ArrayBuffer.isView(value)) {
    bindings.push(value);
    return '?';
  }
  if (Array.isArray(value) && !(value as { [JsonProperty]?: unknown })[JsonProperty]) {
    // As the formatter: a list of values, and a list of lists as rows `(a, b), (c, d)`.
    return value
      .map((item) =>
        Array.isArray(item)
          ? `(${item.map((inner) => placeholderOf(inner, rules, bindings)).join(', ')})`
          : placeholderOf(item, rules, bindings),
      )
      .join(', ');
  }
  if (typeof value === 'object') {
    bindings.push(JSON.stringify(value));
    return '?';
  }
  bindings.push(value);
  return '?';
}

/**
 * Turns MikroORM's `(sql, params)` into a statement whose values are all bound: `?` takes a
 * value, `??` an identifier (quoted into the text: identifiers are names from the code, never
 * values), `\?` is a literal question mark; the same rules as MikroORM's own formatter.
 */
export function bindStatement(
  sql: string,
  params: readonly unknown[],
  rules: ValueRules,
): BoundStatement {
  const bindings: unknown[] = [];
  let out = '';
  let next = 0;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (char === '\\' && sql[i + 1] === '?') {
      out += '\\?';
      i++;
    } else if (char === '?' && sql[i + 1] === '?') {
      out += rules.quoteIdentifier(String(params[next++]));
      i++;
    } else if (char === '?') {
      out += placeholderOf(params[next++], rules, bindings);
    } else {
      out += char;
    }
  }
  return { sql: out, bindings };
}

type Method = 'all' | 'get' | 'run';
/** What MikroORM's `execute` takes: SQL text, or a knex query or raw fragment. */
type Query = Parameters<BetterSqliteConnection['execute']>[0];

/**
 * The one `execute` of both connections: the statement as written with its values bound, in the
 * caller's transaction, logged without the values.
 */
async function executeBound<T>(
  connection: BoundSqliteConnection | BoundPostgreSqlConnection,
  queryOrKnex: Query,
  params: unknown[],
  method: Method,
  /** knex's transaction; undefined for autocommit (MikroORM types it `any`). */
  ctx: Transaction,
  rules: ValueRules,
  internals: {
    execute(sql: string, cb: () => Promise<unknown>, context: object): Promise<unknown>;
    transform(result: unknown, method: Method): unknown;
    config: Configuration;
  },
  loggerContext?: object,
): Promise<T> {
  await connection.ensureConnection();
  let sql: string;
  let values: unknown[] = params;
  if (typeof queryOrKnex === 'string') {
    sql = queryOrKnex;
  } else {
    ctx ??= (queryOrKnex as unknown as { client: { transacting?: boolean } }).client.transacting
      ? queryOrKnex
      : undefined;
    const compiled = queryOrKnex.toSQL();
    sql = compiled.sql;
    values = [...(compiled.bindings ?? [])];
  }
  sql = internals.config.get('onQuery')(sql, values);
  const bound = bindStatement(sql, values, rules);
  return (await internals.execute(
    bound.sql,
    async () => {
      const knex = connection.getKnex();
      // No values: the statement goes as it is (knex would read a `?` in a literal as one).
      const query = bound.bindings.length
        ? knex.raw(bound.sql, bound.bindings as never)
        : knex.raw(bound.sql);
      if (ctx) query.transacting(ctx as Knex.Transaction);
      return internals.transform(await query, method);
    },
    { query: bound.sql, ...loggerContext },
  )) as T;
}

const sqliteRules = (platform: BetterSqlitePlatform): ValueRules => ({
  // MikroORM keeps SQLite instants as epoch milliseconds.
  date: (value) => value.getTime(),
  quoteIdentifier: (name) => platform.quoteIdentifier(name),
});

const postgresRules = (platform: PostgreSqlPlatform): ValueRules => ({
  // The formatter's text for an instant (ISO 8601 in UTC: the configuration forces UTC).
  date: (value) => platform.formatDate(value),
  quoteIdentifier: (name) => platform.quoteIdentifier(name),
});

/** better-sqlite3 with bound parameters. */
export class BoundSqliteConnection extends BetterSqliteConnection {
  override async execute<T>(
    queryOrKnex: Query,
    params: unknown[] = [],
    method: Method = 'all',
    ctx?: Transaction,
    loggerContext?: object,
  ): Promise<T> {
    return executeBound<T>(
      this,
      queryOrKnex,
      params,
      method,
      ctx,
      sqliteRules(this.platform as BetterSqlitePlatform),
      {
        execute: (sql, cb, context) => this.executeQuery(sql, cb, context),
        transform: (result, m) => this.transformRawResult(result, m),
        config: this.config,
      },
      loggerContext,
    );
  }
}

/** node-postgres with bound parameters. */
export class BoundPostgreSqlConnection extends PostgreSqlConnection {
  override async execute<T>(
    queryOrKnex: Query,
    params: unknown[] = [],
    method: Method = 'all',
    ctx?: Transaction,
    loggerContext?: object,
  ): Promise<T> {
    return executeBound<T>(
      this,
      queryOrKnex,
      params,
      method,
      ctx,
      postgresRules(this.platform as PostgreSqlPlatform),
      {
        execute: (sql, cb, context) => this.executeQuery(sql, cb, context),
        transform: (result, m) => this.transformRawResult(result, m),
        config: this.config,
      },
      loggerContext,
    );
  }
}

/** The SQLite driver of the project: MikroORM's better-sqlite3 driver, values bound. */
export class SqliteDriver extends AbstractSqlDriver<BoundSqliteConnection, BetterSqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new BetterSqlitePlatform(), BoundSqliteConnection, ['knex', 'better-sqlite3']);
  }
}

/** The PostgreSQL driver of the project: MikroORM's driver, values bound. */
export class PostgreSqlDriver extends AbstractSqlDriver<
  BoundPostgreSqlConnection,
  PostgreSqlPlatform
> {
  constructor(config: Configuration) {
    super(config, new PostgreSqlPlatform(), BoundPostgreSqlConnection, ['knex', 'pg']);
  }
}
