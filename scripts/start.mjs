#!/usr/bin/env node
// Starts the API and the web app as two child processes (run after build and `db setup`):
// prints both URLs, forwards SIGINT/SIGTERM to both, and exits when either one dies.
// API_PORT (4000) and API_HOST (127.0.0.1) place the API; WEB_PORT (3000) and HOST (127.0.0.1)
// the web app, which reaches the API at API_URL (default: the API started here).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiHost = process.env.API_HOST ?? '127.0.0.1';
const apiPort = process.env.API_PORT ?? '4000';
const webHost = process.env.HOST ?? '127.0.0.1';
const webPort = process.env.WEB_PORT ?? '3000';
const apiUrl = process.env.API_URL ?? `http://${apiHost}:${apiPort}/graphql`;

const children = [
  {
    name: 'api',
    child: spawn(process.execPath, ['apps/api/dist/main.js'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, API_HOST: apiHost, API_PORT: apiPort },
    }),
  },
  {
    name: 'web',
    child: spawn(process.execPath, ['apps/web/server.mjs'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, HOST: webHost, WEB_PORT: webPort, API_URL: apiUrl },
    }),
  },
];

console.log(`AKE-tietopankki: web http://${webHost}:${webPort}/  API ${apiUrl}`);

let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill(signal);
  // A child that ignores the signal is killed after 10 s.
  setTimeout(() => {
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 10_000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));

for (const { name, child } of children) {
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code}); stopping the other one.`);
    stopAll('SIGTERM');
    if (children.every(({ child: c }) => c.exitCode !== null || c.signalCode !== null)) {
      process.exit(code ?? (signal ? 1 : 0));
    }
  });
}
