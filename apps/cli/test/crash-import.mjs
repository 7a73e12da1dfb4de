// Restores a backup and stops dead half-way: prints "paused" after the first tables and waits to be
// killed (kill -9), so the test can check that the database is left exactly as before.
import { readFileSync } from 'node:fs';
import { systemActor } from '@ake/domain';
import { createServices, openDatabase } from '@ake/domain/orm';

const [, , databaseUrl, file] = process.argv;
const db = await openDatabase({ databaseUrl });
setInterval(() => {}, 1000);
let tables = 0;
await createServices(db.em.fork()).backup.import(
  systemActor('crash test'),
  JSON.parse(readFileSync(file, 'utf8')),
  {
    onProgress: async () => {
      tables++;
      if (tables === 10) {
        process.stdout.write('paused\n');
        await new Promise(() => {});
      }
    },
  },
);
