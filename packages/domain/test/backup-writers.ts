/**
 * Curators writing in a process of their own, as the API's process writes while `ake export`
 * runs in another: `node --import tsx test/backup-writers.ts <database-url> <curator-id> <writers>`.
 * Each writer creates resources with tags and edits each twice. Prints `writes N` after every
 * write, stops at the next write when a line arrives on stdin, and exits 0 (1 on a failed write).
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/database.js';
import { createServices } from '../src/services.js';
import { type Actor } from '../src/shared/actor.js';

const [url, curatorId, count] = process.argv.slice(2);
const db = await openDatabase({ databaseUrl: url! });
const curator: Actor = { kind: 'user', userId: Number(curatorId), role: 'curator' };
let stop = false;
let writes = 0;
createInterface({ input: process.stdin }).once('line', () => (stop = true));

function wrote(result: { ok: boolean; errors?: unknown }): void {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  writes++;
  process.stdout.write(`writes ${writes}\n`);
}

async function write(n: number): Promise<void> {
  for (let i = 0; !stop; i++) {
    const created = await createServices(db.em.fork()).resources.create(curator, {
      url: `https://example.org/kirjoittaja-${n}/${i}`,
      title: `Kirjoittaja ${n}, linkki ${i}`,
      tags: [`aihe ${n} ${i}`, 'yhteinen aihe'],
    });
    wrote(created);
    if (!created.ok) return;
    let version = created.value.version;
    for (const edit of [1, 2]) {
      const updated = await createServices(db.em.fork()).resources.update(curator, {
        id: created.value.id,
        version,
        title: `Kirjoittaja ${n}, linkki ${i}, muokkaus ${edit}`,
        tags: [`aihe ${n} ${i} ${edit}`, 'yhteinen aihe'],
      });
      wrote(updated);
      if (updated.ok) version = updated.value.version;
    }
    // better-sqlite3 answers synchronously: let stdin's "stop" line in between writes.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

try {
  // The shared tag first: writers racing to create one new tag is another test's subject.
  wrote(
    await createServices(db.em.fork()).resources.create(curator, {
      url: 'https://example.org/kirjoittajat',
      title: 'Kirjoittajat',
      tags: ['yhteinen aihe'],
    }),
  );
  await Promise.all(Array.from({ length: Number(count) }, (_, n) => write(n)));
} finally {
  await db.close(true);
}
