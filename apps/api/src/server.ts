/**
 * The HTTP server: Express 5 with the GraphQL endpoint at `/graphql`, its schema as SDL at
 * `/graphql/schema.graphql`, and the feeds. Limits that keep a public API safe sit here, in one
 * place: request body size, the depth and size of variables, query tokens, depth, aliases and
 * cost (introspection included), no batched requests, CSRF prevention, masked errors. Every
 * refusal is the client's error: HTTP 400 (413 for the body) with its own stable code.
 */
import { readFileSync } from 'node:fs';
import { type Server, createServer as createHttpServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, OperationTypeNode, type ValidationContext } from 'graphql';
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { type Database, Outbound, createServices, readChangeGeneration } from '@ake/domain/orm';
import { type Context, createContext } from './context.js';
import { LIMIT_CODES, type Logger, createFormatError } from './errors.js';
import { CALENDAR_KINDS, type CalendarKind, renderCalendar } from './feeds/calendar.js';
import { renderResourceFeed } from './feeds/atom.js';
import { type Refusal, tokenLimitRefusal, variablesRefusal } from './request-limits.js';
import { ResponseCache } from './response-cache.js';
import { resolvers } from './schema/resolvers.js';

/** The committed, merged schema: the one source of truth for the server's type definitions. */
export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Limits of one request; see docs/graphql.md and the table in docs/operations.md. */
export const LIMITS = {
  bodyBytes: 100 * 1024,
  depth: 10,
  aliases: 15,
  cost: 20_000,
  tokens: 2_000,
  directives: 20,
  /** Objects and arrays nested in the variables (an input's lists of lists need a few). */
  variablesDepth: 20,
  /** Values (scalars, objects, arrays) in the variables, all counted. */
  variablesValues: 10_000,
} as const;

/**
 * graphql-armor's rejection handler for one limit: reports the refusal as a validation error
 * carrying the limit's own code (Apollo answers validation errors with 400), rather than
 * armor's default of BAD_USER_INPUT for every limit alike.
 */
function rejectWith(code: string) {
  return [
    (context: ValidationContext | null, error: GraphQLError) => {
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }),
      );
    },
  ];
}

/** A refusal as the GraphQL-over-HTTP response it is. */
function refusalBody(refusal: Refusal) {
  return { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] };
}

export interface ServerOptions {
  db: Database;
  /** Cache anonymous query responses (see response-cache.ts). Default: on, unless RESPONSE_CACHE=off. */
  responseCache?: boolean;
  /**
   * Production mode: Apollo's production landing page (no Sandbox), field suggestions hidden.
   * Default: on, unless NODE_ENV=development.
   */
  production?: boolean;
  /**
   * Introspection on or off. Default: on, in production too (a public read API, like GitHub's),
   * under the same depth and cost limits as any query.
   */
  introspection?: boolean;
  log?: Logger;
  /**
   * The guarded HTTP client of link checks and previews (default: one with the policy of
   * `OUTBOUND_ALLOW_HOSTS` / `OUTBOUND_ALLOW_PORTS`, refusals logged through `log`).
   */
  outbound?: Outbound;
}

export interface RunningServer {
  url: string;
  httpServer: Server;
  stop(): Promise<void>;
}

function baseUrlOf(req: Request): string {
  return (
    process.env.PUBLIC_URL?.replace(/\/$/, '') ??
    `${req.protocol}://${req.get('host') ?? 'localhost'}`
  );
}

/** Builds the Express app and Apollo Server (started, not yet listening). */
export async function createApp(
  options: ServerOptions,
): Promise<{ app: Express; apollo: ApolloServer<Context>; httpServer: Server }> {
  const production = options.production ?? process.env.NODE_ENV !== 'development';
  const introspection = options.introspection ?? true;
  const log: Logger = options.log ?? ((message, error) => console.error(message, error));
  // One guard for the process: a malformed allowance stops the server at start-up.
  const given = options.log;
  const outbound =
    options.outbound ?? new Outbound(given ? { log: (line) => given(line, undefined) } : {});
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = createHttpServer(app);

  // Each limit reports its own code (propagateOnRejection: false hands the refusal to
  // rejectWith instead of throwing). Introspection counts like any query. The token limit is
  // not armor's: its Apollo plugin parses in a plugin hook, where any error (a syntax error
  // too) becomes HTTP 500; tokens are counted before Apollo (see the /graphql route) and
  // Apollo's parser stops at the same limit.
  const armor = new ApolloArmor({
    maxDepth: {
      n: LIMITS.depth,
      ignoreIntrospection: false,
      // Depth is that of the fields: a fragment spread is no level of its own.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: rejectWith(LIMIT_CODES.depth),
    },
    maxAliases: {
      n: LIMITS.aliases,
      propagateOnRejection: false,
      onReject: rejectWith(LIMIT_CODES.aliases),
    },
    costLimit: {
      maxCost: LIMITS.cost,
      ignoreIntrospection: false,
      propagateOnRejection: false,
      onReject: rejectWith(LIMIT_CODES.cost),
    },
    maxTokens: { enabled: false },
    maxDirectives: {
      n: LIMITS.directives,
      propagateOnRejection: false,
      onReject: rejectWith(LIMIT_CODES.directives),
    },
    // Suggestions ("Did you mean …?") are for developers; production keeps messages short.
    blockFieldSuggestion: { enabled: production || !introspection },
  });
  const protection = armor.protect();
  const cache =
    (options.responseCache ?? process.env.RESPONSE_CACHE !== 'off') ? new ResponseCache() : null;
  const markCacheable: ApolloServerPlugin<Context> = {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ operation, response, contextValue }) => {
          contextValue.response.cacheable =
            operation?.operation === OperationTypeNode.QUERY &&
            contextValue.actor.kind === 'anonymous' &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors;
          return Promise.resolve();
        },
      }),
  };
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers: resolvers as never,
    introspection,
    nodeEnv: production ? 'production' : 'development',
    parseOptions: { maxTokens: LIMITS.tokens },
    hideSchemaDetailsFromClientErrors: production || !introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(log),
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      markCacheable,
    ],
    validationRules: protection.validationRules,
  });
  await apollo.start();

  // For load balancers: 200 while this process can reach the database, else 503.
  app.get('/health', async (_req, res) => {
    try {
      await options.db.em.getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch (error) {
      log('health check: the database is unreachable', error);
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // The schema as SDL, for outside developers' client generators (codegen, Rover, graphql-config).
  app.get(['/graphql/schema.graphql', '/schema.graphql'], (_req, res) => {
    res
      .type('text/plain; charset=utf-8')
      .set('Cache-Control', 'public, max-age=300')
      .send(typeDefs);
  });

  app.get('/calendar.ics', async (req, res) => {
    const kind = typeof req.query.kind === 'string' ? req.query.kind : undefined;
    if (kind !== undefined && !CALENDAR_KINDS.includes(kind as CalendarKind)) {
      res
        .status(400)
        .type('text/plain')
        .send(`kind must be one of: ${CALENDAR_KINDS.join(', ')}`);
      return;
    }
    const kinds = kind ? [kind as CalendarKind] : CALENDAR_KINDS;
    const body = await renderCalendar(createServices(options.db.em.fork()), kinds, baseUrlOf(req));
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', 'inline; filename="ake.ics"')
      .send(body);
  });

  app.get('/feeds/resources.atom', async (req, res) => {
    const body = await renderResourceFeed(createServices(options.db.em.fork()), baseUrlOf(req));
    res.type('application/atom+xml; charset=utf-8').send(body);
  });

  app.use(
    '/graphql',
    express.json({ limit: LIMITS.bodyBytes }),
    // Refusals that need no GraphQL work, before anything recursive reads the request.
    (req, res, next) => {
      const refusal = requestRefusal(req);
      if (refusal) {
        res.status(refusal.status).json(refusalBody(refusal));
        return;
      }
      next();
    },
    async (req, res, next) => {
      const body = req.body as { query?: unknown } | undefined;
      if (
        !cache ||
        req.method !== 'POST' ||
        req.headers.authorization ||
        typeof body?.query !== 'string'
      ) {
        next();
        return;
      }
      const key = ResponseCache.key(body, req.headers.accept);
      const generation = await readChangeGeneration(options.db.em);
      const hit = cache.get(key, generation);
      if (hit) {
        res.status(200).type(hit.contentType).set('x-ake-cache', 'hit').send(hit.body);
        return;
      }
      // Keep what Apollo sends, if the request turns out to be cacheable.
      const send = res.send.bind(res);
      res.send = (payload: unknown) => {
        const context = res.locals.graphqlContext as Context | undefined;
        const contentType = res.get('content-type');
        if (
          context?.response.cacheable &&
          res.statusCode === 200 &&
          typeof payload === 'string' &&
          contentType?.includes('json')
        ) {
          cache.set(key, generation, { body: payload, contentType });
        }
        res.set('x-ake-cache', 'miss');
        return send(payload);
      };
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await createContext(options.db, req.headers.authorization, outbound);
        res.locals.graphqlContext = context;
        return context;
      },
    }),
  );

  // Too large a body is refused with 413 before any GraphQL work; other errors are masked.
  const onError: ErrorRequestHandler = (
    error: { status?: number; type?: string },
    _req,
    res,
    next,
  ) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error.type === 'entity.too.large' || error.status === 413) {
      res.status(413).json(
        refusalBody({
          status: 413,
          code: LIMIT_CODES.bodyBytes,
          message: `Request body is larger than ${LIMITS.bodyBytes} bytes`,
        }),
      );
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      const message =
        error.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : 'Malformed request';
      res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log('Unexpected error in an HTTP handler', error);
    res.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
  app.use(onError);

  return { app, apollo, httpServer };
}

/** The variables of a GET request (`?variables=` JSON); undefined when absent or unreadable. */
function variablesOf(req: Request): unknown {
  if (req.method !== 'GET') return (req.body as { variables?: unknown } | undefined)?.variables;
  const text = req.query.variables;
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first limit a request's raw query or variables break, if any. */
function requestRefusal(req: Request): Refusal | null {
  const body: unknown = req.method === 'GET' ? req.query : req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const query = (body as { query?: unknown }).query;
  const limits = { maxDepth: LIMITS.variablesDepth, maxValues: LIMITS.variablesValues };
  return (
    variablesRefusal(variablesOf(req), limits) ??
    // Nothing here reads extensions recursively, but nothing should have to trust them either.
    variablesRefusal((body as { extensions?: unknown }).extensions, limits) ??
    (typeof query === 'string' ? tokenLimitRefusal(query, LIMITS.tokens) : null)
  );
}

/** Starts the server on a host and port (port 0 picks a free one). */
export async function startServer(
  options: ServerOptions & { host?: string; port?: number },
): Promise<RunningServer> {
  const { apollo, httpServer } = await createApp(options);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve);
  });
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    httpServer,
    async stop() {
      await apollo.stop();
    },
  };
}
