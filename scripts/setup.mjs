#!/usr/bin/env node
// Installs every workspace dependency with the pinned pnpm, on a machine that has only Node.js and npm.
//
// Why a script and not a bare `pnpm install`:
// - pnpm may not be installed, and corepack cannot verify pnpm's signature on every machine,
//   so we run the exact pinned version through npx (it lands in node_modules/.bin afterwards too);
// - better-sqlite3 compiles from source where its prebuilt binary cannot be downloaded, and pnpm 12 does
//   not pass `nodedir` from .npmrc to node-gyp; where Node's headers ship with the system we point
//   node-gyp at them so it does not try to download them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url)));
const env = { ...process.env };
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) {
  env.npm_config_nodedir = '/usr';
}
const frozen = ['--frozen-lockfile'];
const args = ['--yes', packageManager, 'install', ...frozen, ...process.argv.slice(2)];
console.log(
  `> npx ${args.join(' ')}${env.npm_config_nodedir ? ` (nodedir ${env.npm_config_nodedir})` : ''}`,
);
const result = spawnSync('npx', args, { stdio: 'inherit', env });
process.exit(result.status ?? 1);
