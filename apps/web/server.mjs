// Serves the built app with remix-serve, in this process (so the PID you hold is the server's),
// from any working directory.
// WEB_PORT (default 3000) and HOST (default 127.0.0.1: only this machine) choose where it listens;
// API_URL says where the GraphQL API is (default http://127.0.0.1:4000/graphql).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// remix-serve finds the client assets (dist/client) relative to the working directory: run from
// this folder whoever starts us and from wherever (`npm start` starts us from the repository root).
process.chdir(fileURLToPath(new URL('.', import.meta.url)));

const require = createRequire(import.meta.url);
process.env.PORT = process.env.WEB_PORT ?? process.env.PORT ?? '3000';
process.env.HOST = process.env.HOST ?? '127.0.0.1';
process.env.NODE_ENV = process.env.NODE_ENV ?? 'production';
const build = fileURLToPath(new URL('./dist/server/index.js', import.meta.url));
const cli = require.resolve('@remix-run/serve/dist/cli.js');
process.argv = [process.argv[0] ?? 'node', cli, build];
await import(cli);

// remix-serve closes its server on SIGINT/SIGTERM but an open keep-alive connection or timer can
// keep the process alive: exit shortly after, so whoever holds our PID sees us stop.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => setTimeout(() => process.exit(0), 2000).unref());
}
