/**
 * The HTTP server: Express 5 with the GraphQL endpoint at `/graphql` and the feeds. Limits that
 * keep a public API safe sit here, in one place: request body size, query depth, aliases, cost
 * and tokens, no batched requests, CSRF prevention, masked errors.
 */
import { readFileSync } from 'node:fs';
import { type Server, createServer as createHttpServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { OperationTypeNode } from 'graphql';
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { type Database, createServices, readChangeGeneration } from '@ake/domain/orm';
import { type Context, createContext } from './context.js';
import { type Logger, createFormatError } from './errors.js';
import { CALENDAR_KINDS, type CalendarKind, renderCalendar } from './feeds/calendar.js';
import { renderResourceFeed } from './feeds/atom.js';
import { ResponseCache } from './response-cache.js';
import { resolvers } from './schema/resolvers.js';

/** The committed, merged schema: the one source of truth for the server's type definitions. */
export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Limits of one request; see docs/graphql.md. */
export const LIMITS = {
  bodyBytes: 100 * 1024,
  depth: 10,
  aliases: 15,
  cost: 20_000,
  tokens: 2_000,
} as const;

export interface ServerOptions {
  db: Database;
  /** Cache anonymous query responses (see response-cache.ts). Default: on, unless RESPONSE_CACHE=off. */
  responseCache?: boolean;
  /** Production hides introspection and field suggestions. Default: NODE_ENV === 'production'. */
  production?: boolean;
  /** Introspection on or off; default: off in production. */
  introspection?: boolean;
  log?: Logger;
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
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const introspection = options.introspection ?? !production;
  const log: Logger = options.log ?? ((message, error) => console.error(message, error));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = createHttpServer(app);

  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.depth },
    maxAliases: { n: LIMITS.aliases },
    costLimit: { maxCost: LIMITS.cost },
    maxTokens: { n: LIMITS.tokens },
    maxDirectives: { n: 20 },
    // Suggestions ("Did you mean …?") reveal the schema; hide them when introspection is off.
    blockFieldSuggestion: { enabled: !introspection },
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
    hideSchemaDetailsFromClientErrors: !introspection,
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
        const context = await createContext(options.db, req.headers.authorization);
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
      res.status(413).json({
        errors: [
          {
            message: `Request body is larger than ${LIMITS.bodyBytes} bytes`,
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      res
        .status(error.status)
        .json({ errors: [{ message: 'Malformed request', extensions: { code: 'BAD_REQUEST' } }] });
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
