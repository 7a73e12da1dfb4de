/**
 * The link checker's benchmark: `pnpm bench:links [links=2000] [hosts=4] [delayMs=20]
 * [concurrency=16] [perHost=6]`. It builds a temporary database with the real migrations and
 * `links` resources pointing at local HTTP servers on 127.0.0.1, 127.0.0.2, … (one per "host",
 * each answering after `delayMs`; 1 % answer 404 and 1 % redirect), runs
 * `LinkCheckService.checkAll` with the limits given, and prints the time, the rates and the
 * most requests in flight the servers saw, globally and per host, so the limits can be seen to
 * hold. Only loopback addresses are ever asked (the checker is told so, and the servers record
 * who called).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../src/database.js';
import { systemActor } from '../src/shared/actor.js';
import { createServices } from '../src/services.js';
import { Resource } from '../src/modules/resource/resource.entity.js';
import {
  InFlightCounter,
  type LinkTestServer,
  allowOnly,
  isLoopback,
  isLoopbackPeer,
  startLinkServer,
} from '../test/link-server.js';

const [links = 2000, hostCount = 4, delayMs = 20, concurrency = 16, perHost = 6] = process.argv
  .slice(2)
  .map(Number);

const dir = mkdtempSync(join(tmpdir(), 'ake-bench-links-'));
const db = await openDatabase({ databaseUrl: join(dir, 'bench.sqlite') });
const shared = new InFlightCounter();
const servers: LinkTestServer[] = [];
try {
  await migrate(db);
  for (let i = 1; i <= hostCount; i++) {
    servers.push(await startLinkServer({ host: `127.0.0.${i}`, delayMs, shared }));
  }
  await db.em.fork().transactional(async (tx) => {
    for (let i = 0; i < links; i++) {
      const server = servers[i % servers.length]!;
      const path =
        i % 100 === 7 ? `/status/404?n=${i}` : i % 100 === 42 ? `/short/${i}` : `/delay/${i}`;
      const url = `${server.base}${path}`;
      tx.create(Resource, {
        url,
        normalizedUrl: url,
        title: `Linkki ${i}`,
        language: 'fi',
        kind: 'web_page',
      });
    }
    await tx.flush();
  });

  let notLoopback = 0;
  const started = performance.now();
  const report = await createServices(db.em.fork()).links.checkAll(systemActor('bench'), {
    concurrency,
    perHost,
    timeoutMs: 5_000,
    retries: 1,
    retryDelayMs: 200,
    // The outbound guard allows these servers' ports only.
    outbound: allowOnly(servers),
    allowUrl: (url) => {
      const ok = isLoopback(url);
      if (!ok) notLoopback++;
      return ok;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const requests = servers.reduce((n, s) => n + s.requests.length, 0);
  const peers = servers.flatMap((s) => s.requests.map((r) => r.remoteAddress));
  const perHostMax = servers.map((s) => s.inFlight.max);

  console.log(
    `links: ${links} on ${hostCount} hosts (127.0.0.1–127.0.0.${hostCount}), ${delayMs} ms per answer`,
  );
  console.log(`limits: ${concurrency} in flight globally, ${perHost} per host`);
  console.log(`time: ${seconds.toFixed(2)} s (results written as they come, in batches of 100)`);
  console.log(
    `links/s: ${(links / seconds).toFixed(0)}; requests: ${requests}, requests/s: ${(requests / seconds).toFixed(0)}`,
  );
  console.log(
    `max in flight seen by the servers: ${shared.max} globally (limit ${concurrency}), per host ${perHostMax.join(', ')} (limit ${perHost})`,
  );
  console.log(
    `statuses: ${Object.entries(report.counts)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ')}`,
  );
  const held = shared.max <= concurrency && perHostMax.every((m) => m <= perHost);
  const loopbackOnly = notLoopback === 0 && peers.every(isLoopbackPeer);
  console.log(`limits held: ${held ? 'yes' : 'NO'}; only loopback: ${loopbackOnly ? 'yes' : 'NO'}`);
  if (!held || !loopbackOnly || report.total !== links) process.exitCode = 1;
} finally {
  for (const server of servers) await server.close();
  await db.close(true);
  rmSync(dir, { recursive: true, force: true });
}
