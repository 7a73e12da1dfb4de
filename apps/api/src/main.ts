#!/usr/bin/env node
/**
 * Runs the API: `API_PORT` (default 4000) on `API_HOST` (default 127.0.0.1), in production mode
 * unless `NODE_ENV=development` (see `ServerOptions.production`).
 */
import { openDatabase, pendingMigrations } from '@ake/domain/orm';
import { startServer } from './server.js';

const db = await openDatabase();
const pending = await pendingMigrations(db);
if (pending.length) {
  console.error(
    `The database has pending migrations (${pending.join(', ')}): run \`pnpm ake db migrate\`.`,
  );
  process.exit(1);
}
const server = await startServer({
  db,
  host: process.env.API_HOST ?? '127.0.0.1',
  port: Number(process.env.API_PORT ?? 4000),
});
console.log(`AKE-tietopankki API: ${server.url}/graphql`);

async function shutdown(signal: string) {
  console.log(`${signal}: stopping`);
  await server.stop();
  await db.close(true);
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
